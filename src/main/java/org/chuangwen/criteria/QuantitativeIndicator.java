package org.chuangwen.criteria;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A quantitative indicator reported by a department against a threshold, e.g. 公共交通分担率 &gt; 20 %.
 *
 * @param criterionCode the code of the criterion it belongs to, if any
 */
public record QuantitativeIndicator(UUID id, UUID frameworkId, String code, String name, Comparator comparator,
		BigDecimal threshold, String unitOfMeasure, UUID responsibleUnitId, String criterionCode, int sortOrder,
		int version) {

	public boolean isMetBy(BigDecimal value) {
		return comparator.isMet(value, threshold);
	}
}
