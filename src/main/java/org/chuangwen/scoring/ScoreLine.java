package org.chuangwen.scoring;

import java.math.BigDecimal;

/**
 * One group's score (a district, street, unit, point type or command post): its maximum, score and pass rate (null
 * when nothing in it was observed) and the applicable observations behind it.
 */
public record ScoreLine(String key, String name, BigDecimal maxScore, BigDecimal score, BigDecimal passRate,
		long observations) {

	/** The pass rate in percent with two decimals, or null. */
	public BigDecimal percent() {
		return passRate == null ? null : passRate.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP);
	}
}
