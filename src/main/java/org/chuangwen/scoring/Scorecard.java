package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.util.List;

import org.chuangwen.organisation.Unit;

/**
 * A unit's scorecard for a period (DOMAIN §13): its indicators with their computation, index, grade, rank in its
 * category (within its city), its flags, last-place notices and penalties, and its facts day by day.
 */
public record Scorecard(Unit unit, RankingCategory category, UnitPerformance performance, Integer rank, int ranked,
		Tier tier, List<RotatingFlag> flags, List<LastPlaceNotice> notices, List<Penalty> penalties,
		List<Day> days, BigDecimal bonusPointsLost, BigDecimal appraisalPointsLost, boolean losesAward) {

	/** One day of the unit's problem facts. */
	public record Day(java.time.LocalDate day, FactSums sums) {
	}
}
