package org.chuangwen.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * A deadline another module asks the reminder ladder to watch: what it is ({@code subjectType} and {@code subjectId},
 * e.g. {@code task} and the task's id), a title people recognise, the unit that must meet it, when it falls due, and
 * the leader responsible for it (may be unknown). Tracking the same subject again replaces its deadline.
 */
public record TrackedDeadline(String subjectType, String subjectId, String title, UUID unitId, Instant dueAt,
		UUID responsibleLeaderId) {
}
