package org.chuangwen.notifications;

import java.time.Duration;
import java.time.Instant;

import org.chuangwen.shared.Validation;

/**
 * How many days before a deadline each reminder goes out: to the liaison, to the unit head, to the responsible leader.
 * The ladder climbs, so the offsets must fall: liaison &gt; head &gt; leader ≥ 0, at most 90 days.
 */
public record ReminderOffsets(int liaisonDays, int headDays, int leaderDays) {

	public static final int MAX_DAYS = 90;

	/** 7 / 5 / 3 days (DOMAIN §5). */
	public static final ReminderOffsets DEFAULT = new ReminderOffsets(7, 5, 3);

	public ReminderOffsets {
		new Validation().check(leaderDays >= 0, "leaderDays", "notifications.offsets.negative")
			.check(headDays > leaderDays, "headDays", "notifications.offsets.headAfterLeader")
			.check(liaisonDays > headDays, "liaisonDays", "notifications.offsets.liaisonAfterHead")
			.check(liaisonDays <= MAX_DAYS, "liaisonDays", "notifications.offsets.tooMany", MAX_DAYS)
			.throwIfInvalid();
	}

	/** When a step falls due for a deadline at {@code dueAt}. */
	public Instant firesAt(ReminderStep step, Instant dueAt) {
		return switch (step) {
			case LIAISON -> dueAt.minus(Duration.ofDays(liaisonDays));
			case HEAD -> dueAt.minus(Duration.ofDays(headDays));
			case LEADER -> dueAt.minus(Duration.ofDays(leaderDays));
			case OVERDUE -> dueAt;
		};
	}
}
