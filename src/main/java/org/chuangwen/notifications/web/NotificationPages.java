package org.chuangwen.notifications.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.notifications.Accountability;
import org.chuangwen.notifications.Countdown;
import org.chuangwen.notifications.NotificationCentre;
import org.chuangwen.notifications.ReminderOffsets;
import org.chuangwen.notifications.ReminderSettings;
import org.chuangwen.organisation.Actor;
import org.chuangwen.shared.DomainException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of the notification centre, the accountability list, the countdown panel and the ladder settings.
 * <ul>
 * <li>{@code GET /notifications} the caller's notifications (paged; {@code unread=true} for the unread only)</li>
 * <li>{@code GET /notifications/badge} htmx fragment: the unread count for the navbar</li>
 * <li>{@code GET /notifications/accountability} (+ {@code .xlsx}) the overdue list of the office's or leader's
 * jurisdiction</li>
 * <li>{@code GET /notifications/countdown/panel} htmx fragment: the countdown for the office and leader home pages</li>
 * <li>{@code GET /notifications/settings} ladder offsets and assessment dates (OFFICE_ADMIN changes them)</li>
 * </ul>
 */
@Controller
class NotificationPages {

	private final NotificationCentre centre;

	private final Accountability accountability;

	private final Countdown countdown;

	private final ReminderSettings settings;

	private final MessageSource messages;

	private final java.time.ZoneId zone;

	NotificationPages(NotificationCentre centre, Accountability accountability, Countdown countdown,
			ReminderSettings settings, MessageSource messages, java.time.Clock clock) {
		this.zone = clock.getZone();
		this.centre = centre;
		this.accountability = accountability;
		this.countdown = countdown;
		this.settings = settings;
		this.messages = messages;
	}

	/** The time zone the pages show times in (the city's). */
	@org.springframework.web.bind.annotation.ModelAttribute("cityZone")
	java.time.ZoneId cityZone() {
		return zone;
	}

	@GetMapping("/notifications")
	String inbox(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer page,
			@RequestParam(defaultValue = "false") boolean unread, Model model) {
		model.addAttribute("page", centre.inbox(actor, unread, PageRequest.of(page, 20)));
		model.addAttribute("unread", unread);
		model.addAttribute("unreadCount", centre.unreadCount(actor));
		model.addAttribute("pagerBase", "/notifications?unread=" + unread + "&page=");
		return "notifications/index";
	}

	/** Opens a notification: marks it read and goes to its subject (or back to the list when it has none). */
	@PostMapping("/notifications/{id}/read")
	String read(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		var n = centre.markRead(actor, Ids.parse(id, "notification"));
		if (htmx != null) {
			model.addAttribute("n", n);
			return "notifications/fragments :: item";
		}
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/read-all")
	String readAll(@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		redirect.addFlashAttribute("marked", centre.markAllRead(actor));
		return "redirect:/notifications";
	}

	@GetMapping("/notifications/badge")
	String badge(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("unreadCount", centre.unreadCount(actor));
		return "notifications/fragments :: badge";
	}

	@GetMapping("/notifications/accountability")
	String accountability(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) String unitId, Model model) {
		UUID unit = unitId == null || unitId.isBlank() ? null : Ids.parse(unitId, "unit");
		model.addAttribute("page", accountability.overdue(actor, unit, PageRequest.of(page, 50)));
		model.addAttribute("unitId", unit);
		model.addAttribute("pagerBase", "/notifications/accountability?"
				+ (unit == null ? "" : "unitId=" + unit + "&") + "page=");
		return "notifications/accountability";
	}

	@GetMapping("/notifications/accountability.xlsx")
	ResponseEntity<byte[]> accountabilityExport(@AuthenticationPrincipal Actor actor, Locale locale) {
		byte[] workbook = accountability.export(actor, key -> messages.getMessage(key, null, key, locale));
		String name = messages.getMessage("notifications.accountability", null, "accountability", locale) + ".xlsx";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(workbook);
	}

	@GetMapping("/notifications/countdown/panel")
	String countdownPanel(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("panel", countdown.panel(actor).orElse(null));
		model.addAttribute("mayEdit", actor.isOfficeAdmin());
		return "notifications/fragments :: countdown";
	}

	@GetMapping("/notifications/settings")
	String settingsPage(@AuthenticationPrincipal Actor actor, Model model) {
		return settingsView(actor, model, null, Map.of());
	}

	@PostMapping("/notifications/settings/offsets")
	String changeOffsets(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String liaisonDays,
			@RequestParam(required = false) String headDays, @RequestParam(required = false) String leaderDays,
			@RequestParam(defaultValue = "-1") int version, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			settings.change(actor, new ReminderOffsets(number("liaisonDays", liaisonDays), number("headDays", headDays),
					number("leaderDays", leaderDays)), version);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("offsetValues", Map.of("liaisonDays", String.valueOf(liaisonDays), "headDays",
					String.valueOf(headDays), "leaderDays", String.valueOf(leaderDays)));
			return settingsView(actor, model, "offsets", errors(ex, locale));
		}
		redirect.addFlashAttribute("saved", "offsets");
		return "redirect:/notifications/settings";
	}

	@PostMapping("/notifications/settings/campaigns/{id}/assessment-date")
	String setAssessmentDate(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam(required = false) String assessmentDate, @RequestParam(defaultValue = "-1") int version,
			Model model, Locale locale, RedirectAttributes redirect) {
		UUID campaign = Ids.parse(id, "campaign");
		try {
			countdown.setAssessmentDate(actor, campaign, date("assessmentDate", assessmentDate), version);
		}
		catch (InvalidInputException ex) {
			return settingsView(actor, model, "date-" + campaign, errors(ex, locale));
		}
		redirect.addFlashAttribute("saved", "date-" + campaign);
		return "redirect:/notifications/settings#c-" + campaign;
	}

	@PostMapping("/notifications/settings/campaigns/{id}/schedule")
	String addScheduleItem(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam(required = false) String day, @RequestParam(required = false) String description,
			Model model, Locale locale, RedirectAttributes redirect) {
		UUID campaign = Ids.parse(id, "campaign");
		try {
			countdown.addScheduleItem(actor, campaign, date("day", day), description);
		}
		catch (InvalidInputException ex) {
			return settingsView(actor, model, "schedule-" + campaign, errors(ex, locale));
		}
		redirect.addFlashAttribute("saved", "schedule-" + campaign);
		return "redirect:/notifications/settings#c-" + campaign;
	}

	@PostMapping("/notifications/settings/campaigns/{id}/schedule/{itemId}/delete")
	String removeScheduleItem(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@PathVariable String itemId) {
		UUID campaign = Ids.parse(id, "campaign");
		countdown.removeScheduleItem(actor, campaign, Ids.parse(itemId, "scheduleItem"));
		return "redirect:/notifications/settings#c-" + campaign;
	}

	private String settingsView(Actor actor, Model model, String refused, Map<String, String> errors) {
		model.addAttribute("effective", settings.effectiveFor(actor));
		model.addAttribute("defaults", settings.defaults());
		var campaigns = countdown.campaignDates(actor);
		model.addAttribute("campaigns", campaigns);
		model.addAttribute("offsetsHistory", settings.history(actor));
		Map<UUID, Object> histories = new java.util.HashMap<>();
		campaigns.stream()
			.filter(Countdown.CampaignDate::mayEdit)
			.forEach(c -> histories.put(c.campaign().id(), countdown.history(actor, c.campaign().id())));
		model.addAttribute("histories", histories);
		model.addAttribute("today", countdown.today());
		model.addAttribute("refused", refused);
		model.addAttribute("errors", errors);
		return "notifications/settings";
	}

	private Map<String, String> errors(DomainException ex, Locale locale) {
		Map<String, String> result = new LinkedHashMap<>();
		if (ex instanceof InvalidInputException invalid) {
			for (InvalidInputException.FieldError e : invalid.errors()) {
				result.putIfAbsent(e.field(),
						messages.getMessage(e.messageKey(), e.arguments().toArray(), e.messageKey(), locale));
			}
		}
		return result;
	}

	private static int number(String field, String text) {
		try {
			return Integer.parseInt(text == null ? "" : text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "notifications.offsets.notANumber");
		}
	}

	private static LocalDate date(String field, String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, "error.field.required");
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "notifications.date.invalid");
		}
	}

	static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
