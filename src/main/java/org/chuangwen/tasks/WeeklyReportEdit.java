package org.chuangwen.tasks;

import java.util.Map;
import java.util.UUID;

/**
 * The unit's edit of its report: the free-text sections and a reason per unfinished task (by task id; tasks not named
 * keep their reason). {@code expectedVersion} is the version the editor saw ({@code null}: the current one).
 */
public record WeeklyReportEdit(String summary, String plans, String suggestions, Map<UUID, String> reasons,
		Integer expectedVersion) {

	public WeeklyReportEdit {
		Map<UUID, String> copy = new java.util.LinkedHashMap<>();
		if (reasons != null) {
			reasons.forEach((task, reason) -> {
				if (task != null) {
					copy.put(task, reason == null ? "" : reason);
				}
			});
		}
		reasons = java.util.Collections.unmodifiableMap(copy);
	}
}
