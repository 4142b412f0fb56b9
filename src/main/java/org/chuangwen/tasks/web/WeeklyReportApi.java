package org.chuangwen.tasks.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chuangwen.organisation.Actor;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.tasks.ReportSummary;
import org.chuangwen.tasks.WeeklyReport;
import org.chuangwen.tasks.WeeklyReportDirectory;
import org.chuangwen.tasks.WeeklyReportEdit;
import org.chuangwen.tasks.WeeklyReportItem;
import org.chuangwen.tasks.WeeklyReportManagement;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Weekly (and daily) reports over the JSON API: list per report day, read, edit, submit, return, summary. */
@RestController
@RequestMapping("/api/v1/weekly-reports")
@Tag(name = "weekly-reports", description = "Weekly reports (周报告) and daily reports (日报告): drafted by the system "
		+ "from each unit's tasks, edited and submitted by the unit, read, returned and summarised by the campaign office")
class WeeklyReportApi {

	record ItemView(UUID taskId, String title, String standardCode, Instant deadline, String taskStatus, boolean overdue,
			String reason) {

		static ItemView of(WeeklyReportItem i) {
			return new ItemView(i.taskId(), i.title(), i.standardCode(), i.deadline(), i.taskStatus().name(), i.overdue(),
					i.done() ? null : i.reason());
		}
	}

	/** A report as the API shows it; {@code missing}: its deadline passed and it is not submitted. */
	record ReportView(UUID id, UUID unitId, String unitCode, String unitName, String kind, LocalDate period,
			Instant periodStart, Instant deadline, String status, boolean late, boolean missing, String summary,
			String plans, String suggestions, int doneCount, int undoneCount, int overdueCount, Instant draftedAt,
			Instant submittedAt, String returnReason, int submissions, int version, List<ItemView> done,
			List<ItemView> undone) {

		static ReportView of(WeeklyReport r, Instant now, boolean withItems) {
			return new ReportView(r.id(), r.unitId(), r.unitCode(), r.unitName(), r.kind().name(), r.periodDate(),
					r.periodStart(), r.periodEnd(), r.status().name(), r.late(), r.isMissing(now), r.summary(), r.plans(),
					r.suggestions(), r.doneCount(), r.undoneCount(), r.overdueCount(), r.draftedAt(), r.submittedAt(),
					r.returnReason(), r.submissions(), r.version(),
					withItems ? r.doneItems().stream().map(ItemView::of).toList() : null,
					withItems ? r.undoneItems().stream().map(ItemView::of).toList() : null);
		}
	}

	record ReportList(LocalDate period, List<ReportView> items, int total) {
	}

	/** An edit: free-text sections (absent: unchanged) and reasons per unfinished task id. */
	record EditRequest(String summary, String plans, String suggestions, Map<String, String> reasons) {
	}

	record ReturnRequest(String reason) {
	}

	private final WeeklyReportDirectory directory;

	private final WeeklyReportManagement management;

	WeeklyReportApi(WeeklyReportDirectory directory, WeeklyReportManagement management) {
		this.directory = directory;
		this.management = management;
	}

	@GetMapping
	@Operation(summary = "Reports of one report day", description = "period=yyyy-MM-dd (the report day: a Friday, or a "
			+ "working day in daily-report mode; default: the current period). A unit's accounts get their own report, "
			+ "campaign offices and leaders every report of the units in their jurisdiction, with their tasks. 403 for "
			+ "other roles.")
	ReportList reports(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String period) {
		LocalDate day = ReportPages.day(period);
		LocalDate chosen = day != null ? day : directory.currentPeriod(actor).date();
		Instant now = directory.now();
		List<ReportView> items = directory.reports(actor, chosen).stream().map(r -> ReportView.of(r, now, true)).toList();
		return new ReportList(chosen, items, items.size());
	}

	@GetMapping("/summary")
	@Operation(summary = "The summary of a report day for leaders", description = "Campaign offices and leaders: per "
			+ "unit on time / late / pending / missing, totals, unfinished tasks with reasons, suggestions. The same as "
			+ "an Excel workbook at /reports/summary/export?period=.")
	ReportSummary summary(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String period) {
		LocalDate day = ReportPages.day(period);
		return directory.summary(actor, day != null ? day : directory.currentPeriod(actor).date());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One report with its tasks", description = "ETag: \"<version>\"; send it back as If-Match.")
	ResponseEntity<ReportView> report(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		return answer(directory.report(actor, Ids.parse(id, "weeklyReport")));
	}

	@PostMapping
	@Operation(summary = "Draft the caller's unit's report now (生成草稿)", description = "Body-less; period=yyyy-MM-dd "
			+ "optional (default: the current period; a past report day drafts a missing report). An existing report is "
			+ "answered unchanged. The unit's accounts only (403).")
	ResponseEntity<ReportView> draft(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String period) {
		return answer(management.draft(actor, ReportPages.day(period)));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Edit a draft or returned report", description = "Body {summary?, plans?, suggestions?, "
			+ "reasons?: {taskId: reason}}. The unit's accounts; 422 once submitted, 409 when If-Match is stale, 400 "
			+ "for a reason on a task that is not unfinished in the report or a text too long.")
	ResponseEntity<ReportView> edit(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody EditRequest body) {
		return answer(management.edit(actor, Ids.parse(id, "weeklyReport"), edit(body, ifMatch)));
	}

	@PostMapping("/{id}/submit")
	@Operation(summary = "Submit a report", description = "Optional body as for PUT, saved first. Every unfinished task "
			+ "needs a reason (400 naming each). After the deadline the report is accepted and marked late. 422 when "
			+ "already submitted, 409 when If-Match is stale.")
	ResponseEntity<ReportView> submit(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody(required = false) EditRequest body) {
		return answer(management.submit(actor, Ids.parse(id, "weeklyReport"),
				body == null ? new WeeklyReportEdit(null, null, null, Map.of(), TaskApi.version(ifMatch))
						: edit(body, ifMatch)));
	}

	@PostMapping("/{id}/return")
	@Operation(summary = "Return a submitted report (campaign office)", description = "Body {reason}. The office "
			+ "covering the unit; 422 unless submitted, 409 when If-Match is stale.")
	ResponseEntity<ReportView> returnReport(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody ReturnRequest body) {
		return answer(management.returnTo(actor, Ids.parse(id, "weeklyReport"), body == null ? null : body.reason(),
				TaskApi.version(ifMatch)));
	}

	private static WeeklyReportEdit edit(EditRequest body, String ifMatch) {
		Map<UUID, String> reasons = new java.util.HashMap<>();
		if (body.reasons() != null) {
			body.reasons().forEach((task, reason) -> {
				try {
					reasons.put(UUID.fromString(task), reason);
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidInputException("reasons", "reports.reason.unknownTask", task);
				}
			});
		}
		return new WeeklyReportEdit(body.summary(), body.plans(), body.suggestions(), reasons, TaskApi.version(ifMatch));
	}

	private ResponseEntity<ReportView> answer(WeeklyReport report) {
		return ResponseEntity.ok().eTag("\"" + report.version() + "\"").body(ReportView.of(report, directory.now(), true));
	}
}
