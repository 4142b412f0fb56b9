package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.chuangwen.inspections.InspectionRound;

/**
 * The same-day report of a round (DOMAIN §13): "N 个点位、M 个问题、K 个责任单位", the total, the scores by item (the
 * tree) and by unit, the worst points and the photos of the failures, within what the reader may see.
 *
 * @param points the points observed
 * @param problems the non-compliant items (each raised a problem)
 * @param units the responsible units of those items
 */
public record RoundReport(InspectionRound round, int points, int problems, int units, long observations,
		ScoreLine total, List<CriterionScore> criteria, List<ScoreLine> byUnit, List<PointScore> worstPoints,
		List<FailurePhoto> photos, Instant generatedAt) {

	/** One point's score in the round (its standards rolled up like the city's), worst first. */
	public record PointScore(UUID pointId, String code, String name, String typeCode, String unitName,
			BigDecimal score, BigDecimal maxScore, BigDecimal passRate, int failingItems, long observations) {

		public BigDecimal percent() {
			return passRate == null ? null : passRate.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP);
		}
	}

	/** A photo taken at a failing item. */
	public record FailurePhoto(UUID observationId, UUID blobId, String pointName, String standardCode,
			String standardContent, String unitName) {
	}
}
