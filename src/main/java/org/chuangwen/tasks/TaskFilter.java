package org.chuangwen.tasks;

import java.util.UUID;

/**
 * Filters of a task list, all optional: a status, only overdue tasks, a responsible unit, a level-Ⅲ criterion or a
 * standard code, and a text found in the title or the standard code.
 */
public record TaskFilter(TaskStatus status, Boolean overdue, UUID unitId, String criterionCode, String standardCode,
		String q) {

	/** The criterion code that selects the key tasks outside the framework (tasks without a standard). */
	public static final String KEY_TASKS = "-";

	public static TaskFilter none() {
		return new TaskFilter(null, null, null, null, null, null);
	}
}
