package org.chuangwen.criteria;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A node whose maximum is not the sum of its children's maxima (or whose children carry maxima only in part). A
 * warning shown on the tree page, not a refusal: real editions sometimes do not add up.
 *
 * @param criterionId the node, or null for the framework's total score
 */
public record MaximaMismatch(UUID criterionId, String code, String name, BigDecimal maxScore, BigDecimal childrenSum,
		int childrenWithMaxima, int children) {

	/** Some children carry a maximum and others do not. */
	public boolean isIncomplete() {
		return childrenWithMaxima < children;
	}

	public boolean isFrameworkTotal() {
		return criterionId == null;
	}
}
