package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The forecast of the official assessment's field score (DOMAIN §7): the sampling rule simulated {@code simulations}
 * times (seeded: the same seed and the same city state give the same answer) → the expected total, its 90 % interval
 * [{@code p05}, {@code p95}], and the open problems and points ranked by how much fixing them raises the expected
 * total.
 *
 * @param population the active points of the rule's types that can be drawn
 * @param drawn how many points one simulated assessment draws
 * @param estimated how many (point, standard) items had no observation and were given the city's mean rate
 */
public record Forecast(UUID frameworkId, String samplingRule, BigDecimal maxScore, BigDecimal expected, BigDecimal p05,
		BigDecimal p95, int simulations, long seed, int population, int drawn, long estimated,
		List<ProblemGain> problemGains, List<PointGain> pointGains) {

	/** An open problem and what fixing it is expected to add (the items it keeps failing). */
	public record ProblemGain(UUID problemId, String number, String description, UUID pointId, String pointName,
			String unitName, BigDecimal expectedGain) {
	}

	/** A point and what bringing all its failing items up to standard is expected to add. */
	public record PointGain(UUID pointId, String code, String name, String typeCode, String unitName, int failingItems,
			BigDecimal expectedGain) {
	}
}
