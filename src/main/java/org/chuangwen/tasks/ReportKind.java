package org.chuangwen.tasks;

/** Whether a report covers a week (周报告, due on the report weekday) or a working day (日报告, the final weeks). */
public enum ReportKind {

	WEEKLY, DAILY;

	public String messageKey() {
		return "reports.kind." + name();
	}
}
