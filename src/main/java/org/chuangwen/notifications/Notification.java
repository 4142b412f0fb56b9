package org.chuangwen.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * One in-app notification of one user account. {@code kind} names the message (a {@link ReminderStep} for the
 * ladder's reminders); {@code title}, {@code unitName} and {@code dueAt} are its arguments; {@code link} opens the
 * subject.
 */
public record Notification(UUID id, String kind, String subjectType, String subjectId, String title, String unitName,
		Instant dueAt, String link, Instant createdAt, Instant readAt) {

	public boolean isRead() {
		return readAt != null;
	}

	/** The message key of the text: {@code notifications.kind.<kind>} with title, unit and due date as arguments. */
	public String messageKey() {
		return "notifications.kind." + kind;
	}
}
