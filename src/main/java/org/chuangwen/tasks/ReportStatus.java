package org.chuangwen.tasks;

/**
 * Where a unit's report stands. Being late is not a status: a report submitted after its period's close is marked
 * late ({@link WeeklyReport#late()}); one not submitted by then is missing until it is.
 */
public enum ReportStatus {

	/** 草稿: drafted by the system, being edited by the unit. */
	DRAFT,
	/** 已提交: submitted; read-only unless the office returns it. */
	SUBMITTED,
	/** 已退回: returned by the campaign office with a reason; the unit edits and submits again. */
	RETURNED;

	public String messageKey() {
		return "reports.status." + name();
	}
}
