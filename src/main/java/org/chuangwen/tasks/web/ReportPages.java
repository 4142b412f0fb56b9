package org.chuangwen.tasks.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Role;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.tasks.ReportPeriod;
import org.chuangwen.tasks.WeeklyReport;
import org.chuangwen.tasks.WeeklyReportDirectory;
import org.chuangwen.tasks.WeeklyReportEdit;
import org.chuangwen.tasks.WeeklyReportManagement;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The weekly-report pages (周报告; 日报告 in daily-report mode): a unit's report of the current period (drafted by the
 * system, or on demand) with its past reports; one report to edit, submit, or read (and return, for the office); the
 * summary of a report day for the office and leaders, as a page and as Excel; the office's daily-report setting.
 */
@Controller
class ReportPages {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final WeeklyReportDirectory directory;

	private final WeeklyReportManagement management;

	private final MessageSource messages;

	ReportPages(WeeklyReportDirectory directory, WeeklyReportManagement management, MessageSource messages) {
		this.directory = directory;
		this.management = management;
		this.messages = messages;
	}

	@GetMapping("/reports")
	String index(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer page, Model model) {
		ReportPeriod current = directory.currentPeriod(actor);
		if (!actor.isUnitBound()) {
			return "redirect:/reports/summary";
		}
		model.addAttribute("period", current);
		model.addAttribute("current", directory.ownReport(actor, current.date()).orElse(null));
		model.addAttribute("page", directory.ownReports(actor, PageRequest.of(page == null ? 0 : Math.max(0, page), 20)));
		model.addAttribute("now", directory.now());
		model.addAttribute("zone", directory.calendar().zone());
		return "tasks/reports";
	}

	@PostMapping("/reports/draft")
	String draft(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String period,
			RedirectAttributes redirect) {
		WeeklyReport report = management.draft(actor, day(period));
		redirect.addFlashAttribute("done", "reports.done.drafted");
		return "redirect:/reports/" + report.id();
	}

	@GetMapping("/reports/{id}")
	String report(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		return reportPage(actor, directory.report(actor, Ids.parse(id, "weeklyReport")), model);
	}

	private String reportPage(Actor actor, WeeklyReport report, Model model) {
		model.addAttribute("report", report);
		model.addAttribute("editable", report.isEditable() && report.isWrittenBy(actor));
		model.addAttribute("returnable", report.isSupervisedBy(actor) && report.status().name().equals("SUBMITTED"));
		model.addAttribute("now", directory.now());
		model.addAttribute("zone", directory.calendar().zone());
		model.addAttribute("events", directory.history(actor, report.id()));
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		return "tasks/report";
	}

	/** Saves the unit's edit ({@code action=save}) or saves and submits it ({@code action=submit}). */
	@PostMapping("/reports/{id}")
	String save(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		UUID reportId = Ids.parse(id, "weeklyReport");
		Map<UUID, String> reasons = new HashMap<>();
		for (Map.Entry<String, String> field : form.entrySet()) {
			if (field.getKey().startsWith("reason.")) {
				reasons.put(Ids.parse(field.getKey().substring("reason.".length()), "task"), field.getValue());
			}
		}
		WeeklyReportEdit edit = new WeeklyReportEdit(form.get("summary"), form.get("plans"), form.get("suggestions"),
				reasons, version(form.get("version")));
		boolean submit = "submit".equals(form.get("action"));
		try {
			if (submit) {
				management.submit(actor, reportId, edit);
			}
			else {
				management.edit(actor, reportId, edit);
			}
		}
		catch (InvalidInputException ex) {
			WeeklyReport shown = directory.report(actor, reportId);
			Map<String, String> errors = new LinkedHashMap<>();
			for (InvalidInputException.FieldError e : ex.errors()) {
				errors.merge(e.field(), message(e.messageKey(), e.arguments().toArray()), (a, b) -> a + " " + b);
			}
			model.addAttribute("fieldErrors", errors);
			model.addAttribute("form", form);
			response.setStatus(400);
			return reportPage(actor, shown, model);
		}
		redirect.addFlashAttribute("done", submit ? "reports.done.submitted" : "reports.done.saved");
		return "redirect:/reports/" + reportId;
	}

	@PostMapping("/reports/{id}/refresh")
	String refresh(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam(required = false) String version, RedirectAttributes redirect) {
		UUID reportId = Ids.parse(id, "weeklyReport");
		management.refresh(actor, reportId, version(version));
		redirect.addFlashAttribute("done", "reports.done.refreshed");
		return "redirect:/reports/" + reportId;
	}

	@PostMapping("/reports/{id}/return")
	String returnReport(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		UUID reportId = Ids.parse(id, "weeklyReport");
		try {
			management.returnTo(actor, reportId, reason, version(version));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("fieldErrors", Map.of("reason", message(ex.errors().get(0).messageKey(),
					ex.errors().get(0).arguments().toArray())));
			response.setStatus(400);
			return reportPage(actor, directory.report(actor, reportId), model);
		}
		redirect.addFlashAttribute("done", "reports.done.returned");
		return "redirect:/reports/" + reportId;
	}

	// the office and leaders

	@GetMapping("/reports/summary")
	String summary(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String period, Model model) {
		LocalDate day = chosenDay(actor, period);
		model.addAttribute("summary", directory.summary(actor, day));
		model.addAttribute("days", directory.reportDays(actor, 30));
		model.addAttribute("day", day);
		model.addAttribute("zone", directory.calendar().zone());
		model.addAttribute("office", actor.has(Role.OFFICE_ADMIN));
		return "tasks/report-summary";
	}

	@GetMapping("/reports/summary/export")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String period) {
		LocalDate day = chosenDay(actor, period);
		byte[] content = directory.summaryWorkbook(actor, day, key -> message(key));
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(message("reports.summary.filename", day.toString()), StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(content);
	}

	/** The asked report day, or the latest one with reports (the current period when there is none yet). */
	private LocalDate chosenDay(Actor actor, String period) {
		LocalDate day = day(period);
		if (day != null) {
			return day;
		}
		List<LocalDate> days = directory.reportDays(actor, 1);
		return days.isEmpty() ? directory.currentPeriod(actor).date() : days.get(0);
	}

	@GetMapping("/reports/settings")
	String settings(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("mode", management.dailyMode(actor));
		model.addAttribute("calendar", directory.calendar());
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		return "tasks/report-settings";
	}

	@PostMapping("/reports/settings")
	String changeSettings(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String mode,
			@RequestParam(required = false) String dailyFrom, @RequestParam(required = false) String version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			LocalDate from = "daily".equals(mode) ? parseRequired(dailyFrom) : null;
			Integer v = version(version);
			management.changeDailyMode(actor, from, v == null ? -1 : v);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("fieldErrors", Map.of("dailyFrom", message(ex.errors().get(0).messageKey(),
					ex.errors().get(0).arguments().toArray())));
			response.setStatus(400);
			return settings(actor, model);
		}
		redirect.addFlashAttribute("done", "reports.done.settings");
		return "redirect:/reports/settings";
	}

	private static LocalDate parseRequired(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("dailyFrom", "error.field.required");
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("dailyFrom", "reports.period.format", text);
		}
	}

	/** A report day from a parameter (yyyy-MM-dd); blank means "not given". */
	static LocalDate day(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("period", "reports.period.format", text);
		}
	}

	static Integer version(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
