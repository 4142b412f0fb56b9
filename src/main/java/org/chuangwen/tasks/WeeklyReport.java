package org.chuangwen.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Role;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.InvalidInputException.FieldError;
import org.chuangwen.shared.RuleViolationException;

/**
 * A unit's report (周报告, or 日报告 in daily-report mode) for one period: the tasks it completed and did not complete
 * (each unfinished one with a reason), what was done, what comes next and its suggestions. Drafted by the system from
 * the unit's tasks; the unit edits ({@link #edit}) and submits it ({@link #submit}; late when after the period's close);
 * the campaign office may return it with a reason ({@link #returnTo}), after which the unit edits and submits again.
 * A submitted report is read-only.
 */
public record WeeklyReport(UUID id, UUID unitId, String unitCode, String unitName, String jurisdictionPath,
		ReportKind kind, LocalDate periodDate, Instant periodStart, Instant periodEnd, ReportStatus status, String summary,
		String plans, String suggestions, int doneCount, int undoneCount, int overdueCount, Instant draftedAt,
		Instant submittedAt, UUID submittedBy, boolean late, String returnReason, Instant returnedAt, int submissions,
		int version, List<WeeklyReportItem> items) {

	/** Longest free-text section. */
	public static final int MAX_TEXT = 4000;

	/** Longest reason for an unfinished task, or for returning a report. */
	public static final int MAX_REASON = 1000;

	public WeeklyReport {
		items = items == null ? List.of() : List.copyOf(items);
	}

	public ReportPeriod period() {
		return new ReportPeriod(kind, periodDate, periodStart, periodEnd);
	}

	public List<WeeklyReportItem> doneItems() {
		return items.stream().filter(WeeklyReportItem::done).toList();
	}

	public List<WeeklyReportItem> undoneItems() {
		return items.stream().filter(i -> !i.done()).toList();
	}

	/** Whether the unit may still change it: a draft, or a report the office returned. */
	public boolean isEditable() {
		return status != ReportStatus.SUBMITTED;
	}

	/** Past the period's close and still not submitted. */
	public boolean isMissing(Instant now) {
		return status != ReportStatus.SUBMITTED && now.isAfter(periodEnd);
	}

	/** The unit's own administrators and staff write and submit it. */
	public boolean isWrittenBy(Actor actor) {
		return actor != null && unitId.equals(actor.unitId()) && actor.hasAny(Role.UNIT_ADMIN, Role.UNIT_STAFF);
	}

	/** A campaign office covering the unit's jurisdiction may return it. */
	public boolean isSupervisedBy(Actor actor) {
		return actor != null && actor.has(Role.OFFICE_ADMIN) && actor.covers(jurisdictionPath);
	}

	/** Changes the free text and the reasons of unfinished tasks; every problem is reported at once (400). */
	public WeeklyReport edit(Actor by, WeeklyReportEdit edit) {
		requireWriter(by);
		if (!isEditable()) {
			throw new RuleViolationException("reports.edit.submitted");
		}
		List<FieldError> problems = new ArrayList<>();
		String newSummary = text("summary", edit.summary(), summary, MAX_TEXT, problems);
		String newPlans = text("plans", edit.plans(), plans, MAX_TEXT, problems);
		String newSuggestions = text("suggestions", edit.suggestions(), suggestions, MAX_TEXT, problems);
		Map<UUID, String> reasons = edit.reasons();
		for (UUID task : reasons.keySet()) {
			boolean unfinished = items.stream().anyMatch(i -> !i.done() && i.taskId().equals(task));
			if (!unfinished) {
				problems.add(new FieldError("reason." + task, "reports.reason.unknownTask", List.<Object>of(task.toString())));
			}
		}
		List<WeeklyReportItem> newItems = new ArrayList<>();
		for (WeeklyReportItem item : items) {
			String reason = reasons.get(item.taskId());
			if (item.done() || reason == null) {
				newItems.add(item);
				continue;
			}
			String trimmed = reason.strip();
			if (trimmed.codePointCount(0, trimmed.length()) > MAX_REASON) {
				problems.add(new FieldError("reason." + item.taskId(), "error.field.tooLong", List.<Object>of(MAX_REASON)));
			}
			newItems.add(item.withReason(trimmed));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new WeeklyReport(id, unitId, unitCode, unitName, jurisdictionPath, kind, periodDate, periodStart,
				periodEnd, status, newSummary, newPlans, newSuggestions, doneCount, undoneCount, overdueCount, draftedAt,
				submittedAt, submittedBy, late, returnReason, returnedAt, submissions, version, newItems);
	}

	/**
	 * Submits the report: every unfinished task needs its reason (400 naming each one missing). A first submission after
	 * the period's close is accepted but marked late; a resubmission after a return keeps the first one's mark.
	 */
	public WeeklyReport submit(Actor by, Instant now) {
		requireWriter(by);
		if (!isEditable()) {
			throw new RuleViolationException("reports.submit.submitted");
		}
		List<FieldError> problems = new ArrayList<>();
		for (WeeklyReportItem item : undoneItems()) {
			if (item.reason() == null || item.reason().isBlank()) {
				problems.add(new FieldError("reason." + item.taskId(), "reports.reason.required", List.<Object>of(item.title())));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new WeeklyReport(id, unitId, unitCode, unitName, jurisdictionPath, kind, periodDate, periodStart,
				periodEnd, ReportStatus.SUBMITTED, summary, plans, suggestions, doneCount, undoneCount, overdueCount,
				draftedAt, now, by.userId(), submissions == 0 ? now.isAfter(periodEnd) : late, returnReason, returnedAt,
				submissions + 1, version,
				items);
	}

	/** The campaign office returns a submitted report with a reason the unit sees; the unit submits it again. */
	public WeeklyReport returnTo(Actor by, String reason, Instant now) {
		if (!isSupervisedBy(by)) {
			throw new ForbiddenException("reports.forbidden.office");
		}
		if (status != ReportStatus.SUBMITTED) {
			throw new RuleViolationException("reports.return.notSubmitted");
		}
		List<FieldError> problems = new ArrayList<>();
		String text = text("reason", reason, null, MAX_REASON, problems);
		if (problems.isEmpty() && text.isEmpty()) {
			problems.add(new FieldError("reason", "reports.returnReason.required", List.<Object>of()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new WeeklyReport(id, unitId, unitCode, unitName, jurisdictionPath, kind, periodDate, periodStart,
				periodEnd, ReportStatus.RETURNED, summary, plans, suggestions, doneCount, undoneCount, overdueCount,
				draftedAt, submittedAt, submittedBy, late, text, now, submissions, version, items);
	}

	/** The same report with the tasks drafted again from the data (reasons already written are kept per task). */
	WeeklyReport redrafted(List<WeeklyReportItem> fresh, int overdue) {
		List<WeeklyReportItem> merged = new ArrayList<>();
		for (WeeklyReportItem item : fresh) {
			String kept = items.stream()
				.filter(i -> !i.done() && i.taskId().equals(item.taskId()))
				.map(WeeklyReportItem::reason)
				.findFirst()
				.orElse(item.reason());
			merged.add(item.done() ? item : item.withReason(kept));
		}
		int done = (int) fresh.stream().filter(WeeklyReportItem::done).count();
		return new WeeklyReport(id, unitId, unitCode, unitName, jurisdictionPath, kind, periodDate, periodStart,
				periodEnd, status, summary, plans, suggestions, done, fresh.size() - done, overdue, draftedAt, submittedAt,
				submittedBy, late, returnReason, returnedAt, submissions, version, merged);
	}

	private void requireWriter(Actor by) {
		if (!isWrittenBy(by)) {
			throw new ForbiddenException("reports.forbidden.unit");
		}
	}

	private static String text(String field, String value, String unchanged, int max, List<FieldError> problems) {
		if (value == null) {
			return unchanged == null ? "" : unchanged;
		}
		String trimmed = value.strip();
		if (trimmed.codePointCount(0, trimmed.length()) > max) {
			problems.add(new FieldError(field, "error.field.tooLong", List.<Object>of(max)));
		}
		return trimmed;
	}
}
