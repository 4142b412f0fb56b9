package org.chuangwen.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * A deadline another module asks the reminder ladder to watch: what it is ({@code subjectType} and {@code subjectId},
 * e.g. {@code task} and the task's id), a title people recognise, the unit that must meet it, when it falls due, and
 * the leader responsible for it (may be unknown). Tracking the same subject again replaces its deadline.
 *
 * @param leadTimes this deadline's own ladder (e.g. hours before a weekly report's deadline), or {@code null} for the
 * jurisdiction's offsets in days
 */
public record TrackedDeadline(String subjectType, String subjectId, String title, UUID unitId, Instant dueAt,
		UUID responsibleLeaderId, ReminderLeadTimes leadTimes) {

	/** A deadline climbing the jurisdiction's ladder (offsets in days). */
	public TrackedDeadline(String subjectType, String subjectId, String title, UUID unitId, Instant dueAt,
			UUID responsibleLeaderId) {
		this(subjectType, subjectId, title, unitId, dueAt, responsibleLeaderId, null);
	}
}
