package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.chuangwen.inspections.InspectionRound;

/**
 * The accountability trace of a round (谁失分谁负责, DOMAIN §9): every item observed below full marks, what it cost
 * the round's city total, and who answered for the point then (unit, leader, person, as recorded with the
 * observation), and the problem the observation created (its id and number) if any; per unit, the points lost in all.
 */
public record LossTrace(InspectionRound round, BigDecimal lostInAll, List<UnitLoss> units, List<LostItem> items) {

	/** One item below full marks. {@code lost} is what it took off the round's total. */
	public record LostItem(UUID observationId, UUID pointId, String pointCode, String pointName, String standardCode,
			String standardContent, String result, BigDecimal getFraction, BigDecimal lost, UUID unitId,
			String unitName, String leaderName, String personName, Instant observedAt, UUID problemId,
			String problemNumber) {
	}

	/** A unit's losses in the round. */
	public record UnitLoss(UUID unitId, String unitName, int items, int points, BigDecimal lost) {
	}
}
