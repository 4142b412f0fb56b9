package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One node of the criterion tree with its score: {@code level} is I, II, III or STANDARD; {@code maxScore} is the
 * node's own maximum (null if it has none), {@code effectiveMax} the share of the total it carried in this result
 * (after spreading unobserved siblings' maxima), {@code score} and {@code passRate} null when not observed.
 */
public record CriterionScore(UUID id, String code, String name, String level, int depth, String parentCode,
		BigDecimal maxScore, BigDecimal effectiveMax, BigDecimal score, BigDecimal passRate, long observations) {

	public BigDecimal percent() {
		return passRate == null ? null : passRate.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP);
	}

	public boolean isStandard() {
		return "STANDARD".equals(level);
	}
}
