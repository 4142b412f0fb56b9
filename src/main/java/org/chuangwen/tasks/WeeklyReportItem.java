package org.chuangwen.tasks;

import java.time.Instant;
import java.util.UUID;

/**
 * A task a report names, as it stood when the report was drafted: done in the period ({@code done}) or not done though
 * due by the period's end, with the unit's reason ({@code reason}, required before submission).
 */
public record WeeklyReportItem(UUID taskId, boolean done, String title, String standardCode, Instant deadline,
		TaskStatus taskStatus, boolean overdue, String reason, int position) {

	WeeklyReportItem withReason(String newReason) {
		return new WeeklyReportItem(taskId, done, title, standardCode, deadline, taskStatus, overdue, newReason, position);
	}
}
