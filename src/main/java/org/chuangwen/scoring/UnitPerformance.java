package org.chuangwen.scoring;

import java.util.List;
import java.util.UUID;

/**
 * A unit's performance over a period (DOMAIN §9): every indicator with its numerator and denominator, the composite
 * index on a 100-point scale ({@code null}: no problems were dispatched to the unit in the period, so there is nothing
 * to score) and its grade. {@code bundleName}: the unit shares the result of this bundle (捆绑考评).
 */
public record UnitPerformance(UUID unitId, String unitCode, String unitName, Period period, String bundleName,
		FactSums sums, Indicator disposal, Indicator onTimeDisposal, Indicator close, Indicator onTimeClose,
		Indicator rework, Indicator relapse, Indicator overdue, Indicator taskCompletion, Indicator reportPunctuality,
		Indicator inspectionPass, Indicator volume, Double index, Grade grade, Weights weights) {

	public boolean hasData() {
		return index != null;
	}

	/** Every indicator in the order pages show them. */
	public List<Indicator> indicators() {
		return List.of(disposal, onTimeDisposal, close, onTimeClose, rework, relapse, overdue, taskCompletion,
				reportPunctuality, inspectionPass, volume);
	}
}
