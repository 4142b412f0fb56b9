package org.chuangwen.criteria;

import java.math.BigDecimal;
import java.util.UUID;

/** A node of levels Ⅰ/Ⅱ/Ⅲ of a framework's tree, e.g. {@code Ⅲ-57}; {@code maxScore} may be absent. */
public record Criterion(UUID id, UUID frameworkId, UUID parentId, CriterionLevel level, String code, String name,
		BigDecimal maxScore, int sortOrder, int version) {
}
