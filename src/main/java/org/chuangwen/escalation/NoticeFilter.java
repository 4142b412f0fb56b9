package org.chuangwen.escalation;

import java.util.UUID;

/** Filters of a notice list, all optional: kind, addressed unit, year of issue, state, a problem listed. */
public record NoticeFilter(NoticeKind kind, UUID unitId, Integer year, NoticeState state, UUID problemId) {

	public static NoticeFilter none() {
		return new NoticeFilter(null, null, null, null, null);
	}
}
