package org.chuangwen.criteria;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A numbered standard (测评标准) under a level-Ⅲ content item: what is checked, how (one or more methods), at which
 * point types (codes such as {@code P05}), optionally with its own maximum, and how it changed since the previous
 * edition.
 */
public record Standard(UUID id, UUID frameworkId, UUID criterionId, String code, String content, BigDecimal maxScore,
		List<AssessmentMethod> methods, List<String> pointTypes, ChangeMarker changeMarker, int sortOrder, int version) {

	public Standard {
		methods = List.copyOf(methods);
		pointTypes = List.copyOf(pointTypes);
	}

	public boolean appliesTo(String pointTypeCode) {
		return pointTypes.contains(pointTypeCode);
	}
}
