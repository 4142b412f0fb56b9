package org.chuangwen.tasks;

/** Where a task stands (DOMAIN §5). Overdue is not a status: it is derived from the deadline ({@link Task#isOverdue}). */
public enum TaskStatus {

	/** 已下发: issued by the campaign office, not yet claimed by the responsible unit. */
	ISSUED,
	/** 已签收: the responsible unit has claimed it. */
	CLAIMED,
	/** 办理中: the unit reported progress, or is working on it again after a return. */
	IN_PROGRESS,
	/** 已提交: deliverables submitted, waiting for the office. */
	SUBMITTED,
	/** 已验收: accepted by the office; final. */
	ACCEPTED,
	/** 已退回: returned by the office with a reason; the unit works on it and submits again. */
	RETURNED,
	/** 已撤销: cancelled by the office with a reason (no longer needed); final, never overdue. */
	CANCELLED;

	/** Whether the task is closed: accepted or cancelled. Closed tasks are never overdue and are not reminded of. */
	public boolean isClosed() {
		return this == ACCEPTED || this == CANCELLED;
	}

	public String messageKey() {
		return "task.status." + name();
	}
}
