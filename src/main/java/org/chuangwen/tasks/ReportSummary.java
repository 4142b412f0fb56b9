package org.chuangwen.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One report day across the units of a campaign office's or leader's jurisdiction (the summary for leaders): who
 * submitted, on time or late, who is still writing or missing; the tasks done and not done; the unfinished tasks with
 * the units' reasons and their suggestions (from submitted reports).
 */
public record ReportSummary(LocalDate date, Instant deadline, List<Line> lines, Totals totals, List<Unfinished> unfinished,
		List<Suggestion> suggestions) {

	/** Where a unit stands on the report day. */
	public enum Standing {

		/** 按时提交 */
		ON_TIME,
		/** 逾期提交 */
		LATE,
		/** 待提交: not submitted, the deadline still ahead. */
		PENDING,
		/** 未提交: the deadline passed without a submitted report. */
		MISSING;

		public String messageKey() {
			return "reports.standing." + name();
		}
	}

	/** One unit's line; {@code reportId} and {@code status} are null when the unit has no report (not even a draft). */
	public record Line(UUID unitId, String unitCode, String unitName, UUID reportId, ReportStatus status,
			Standing standing, Instant submittedAt, int done, int undone, int overdue) {
	}

	public record Totals(int units, int onTime, int late, int pending, int missing, int done, int undone, int overdue) {
	}

	public record Unfinished(String unitName, UUID reportId, UUID taskId, String title, String standardCode,
			Instant deadline, boolean overdue, String reason) {
	}

	public record Suggestion(String unitName, UUID reportId, String summary, String plans, String suggestions) {
	}
}
