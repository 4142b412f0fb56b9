package org.chuangwen.notifications.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chuangwen.notifications.Notification;
import org.chuangwen.notifications.NotificationCentre;
import org.chuangwen.organisation.Actor;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's notifications over the JSON API. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "notifications", description = "The caller's in-app notifications (reminders of the 三次催报 ladder)")
class NotificationsApi {

	/** A notification with its text in the caller's language. */
	record Item(UUID id, String kind, String subjectType, String subjectId, String title, String unitName,
			Instant dueAt, String message, String link, Instant createdAt, Instant readAt, boolean read) {
	}

	private final NotificationCentre centre;

	private final MessageSource messages;

	private final ZoneId zone;

	NotificationsApi(NotificationCentre centre, MessageSource messages,
			@Value("${chuangwen.time-zone:Asia/Shanghai}") String zone) {
		this.centre = centre;
		this.messages = messages;
		this.zone = ZoneId.of(zone);
	}

	@GetMapping
	@Operation(summary = "The caller's notifications", description = "Newest first, paged: {items, page, size, total}; "
			+ "unread=true for the unread ones only. Only the caller's own notifications are ever listed.")
	Page<Item> list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(defaultValue = "false") boolean unread,
			Locale locale) {
		return centre.inbox(actor, unread, PageRequest.of(page, size)).map(n -> item(n, locale));
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark a notification read", description = "Idempotent; 404 for another account's notification.")
	Item read(@AuthenticationPrincipal Actor actor, @PathVariable String id, Locale locale) {
		return item(centre.markRead(actor, Ids.parse(id, "notification")), locale);
	}

	@PostMapping("/read-all")
	@Operation(summary = "Mark every notification of the caller read", description = "Answers {marked: N}.")
	java.util.Map<String, Integer> readAll(@AuthenticationPrincipal Actor actor) {
		return java.util.Map.of("marked", centre.markAllRead(actor));
	}

	private Item item(Notification n, Locale locale) {
		String due = n.dueAt() == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone).format(n.dueAt());
		String message = messages.getMessage(n.messageKey(),
				new Object[] { n.title(), n.unitName() == null ? "" : n.unitName(), due }, n.title(), locale);
		return new Item(n.id(), n.kind(), n.subjectType(), n.subjectId(), n.title(), n.unitName(), n.dueAt(), message,
				n.link(), n.createdAt(), n.readAt(), n.isRead());
	}
}
