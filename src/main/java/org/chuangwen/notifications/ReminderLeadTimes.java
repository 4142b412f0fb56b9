package org.chuangwen.notifications;

import java.time.Duration;
import java.time.Instant;

import org.chuangwen.shared.Validation;

/**
 * Lead times of one deadline's ladder, for deadlines only hours or days away (a weekly or daily report due on the
 * afternoon it is drafted): how long before the deadline the liaison, the unit head and the responsible leader are
 * reminded. A deadline tracked with lead times uses them instead of its jurisdiction's {@link ReminderOffsets} (whole
 * days, 7/5/3 by default, which would all be past at once). The ladder climbs, so they must fall: liaison &gt; head
 * &gt; leader ≥ 0, at most {@link #MAX} (the sweep looks at least that far ahead); kept to the minute.
 */
public record ReminderLeadTimes(Duration liaison, Duration head, Duration leader) {

	/** The longest lead time: a week. Longer ladders use the offsets in days. */
	public static final Duration MAX = Duration.ofDays(7);

	public ReminderLeadTimes {
		new Validation().required("liaison", liaison)
			.required("head", head)
			.required("leader", leader)
			.throwIfInvalid();
		new Validation().check(!leader.isNegative(), "leaderDays", "notifications.offsets.negative")
			.check(head.compareTo(leader) > 0, "headDays", "notifications.offsets.headAfterLeader")
			.check(liaison.compareTo(head) > 0, "liaisonDays", "notifications.offsets.liaisonAfterHead")
			.check(liaison.compareTo(MAX) <= 0, "liaisonDays", "notifications.offsets.tooMany", MAX.toDays())
			.throwIfInvalid();
		liaison = liaison.withSeconds(liaison.toMinutes() * 60);
		head = head.withSeconds(head.toMinutes() * 60);
		leader = leader.withSeconds(leader.toMinutes() * 60);
	}

	/** When a step falls due for a deadline at {@code dueAt}. */
	public Instant firesAt(ReminderStep step, Instant dueAt) {
		return switch (step) {
			case LIAISON -> dueAt.minus(liaison);
			case HEAD -> dueAt.minus(head);
			case LEADER -> dueAt.minus(leader);
			case OVERDUE -> dueAt;
		};
	}
}
