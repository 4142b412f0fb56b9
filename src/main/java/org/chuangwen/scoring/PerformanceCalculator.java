package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * The arithmetic of unit performance (DOMAIN §9), free of the database:
 * <ul>
 * <li>disposal rate = disposed / dispatched; on-time disposal rate = disposed by the deadline / dispatched;</li>
 * <li>close rate = closed / dispatched; on-time close rate = closed by the deadline / dispatched;</li>
 * <li>rework rate = reworked / rectified at least once; relapse rate = relapsed / closed at least once;</li>
 * <li>task completion = accepted / due; report punctuality = submitted in time / due; inspection pass rate = sum of
 * get fractions / applicable observations;</li>
 * <li>volume factor = the unit's dispatched problems / the most any unit of its ranking group was given;</li>
 * <li>composite index = 100 × Σ weight × component / Σ weight over the components that have data, where the
 * components are the disposal rate, the on-time disposal rate, 1 − the rework rate and the volume factor. A unit with
 * no dispatched problem has no index (no data), never 0 or 100.</li>
 * </ul>
 */
public final class PerformanceCalculator {

	private PerformanceCalculator() {
	}

	/**
	 * @param maxDispatched the most problems any unit of the comparison group was given in the period (the volume
	 *        factor's denominator)
	 * @param boardLink the problems board of this unit (filters are appended), or {@code null} for a group
	 */
	public static UnitPerformance compute(UUID unitId, String code, String name, Period period, String bundleName,
			FactSums s, long maxDispatched, Weights weights, String boardLink) {
		String board = boardLink;
		Indicator disposal = Indicator.rate("disposal", s.disposed(), s.dispatched(), link(board, ""));
		Indicator onTimeDisposal = Indicator.rate("onTimeDisposal", s.disposedOnTime(), s.dispatched(), link(board, ""));
		Indicator close = Indicator.rate("close", s.closed(), s.dispatched(), link(board, "&status=CLOSED"));
		Indicator onTimeClose = Indicator.rate("onTimeClose", s.closedOnTime(), s.dispatched(), link(board, "&status=CLOSED"));
		Indicator rework = Indicator.rate("rework", s.reworked(), s.rectified(), link(board, "&status=REWORK"));
		Indicator relapse = Indicator.rate("relapse", s.relapsed(), s.everClosed(), link(board, ""));
		Indicator overdue = Indicator.count("overdue", s.overdue(), link(board, "&overdue=true"));
		Indicator tasks = Indicator.rate("taskCompletion", s.tasksDone(), s.tasksDue(), null);
		Indicator reports = Indicator.rate("reportPunctuality", s.reportsOnTime(), s.reportsDue(), null);
		Indicator pass = s.passApplicable() == 0 ? new Indicator("inspectionPass", 0, 0L, null, null)
				: new Indicator("inspectionPass", s.passSum().setScale(0, RoundingMode.HALF_UP).longValue(),
						s.passApplicable(), s.passSum().doubleValue() / s.passApplicable(), null);
		Indicator volume = Indicator.rate("volume", s.dispatched(),
				s.dispatched() == 0 ? 0 : Math.max(maxDispatched, s.dispatched()), null);
		Double index = index(s.dispatched(), disposal.rate(), onTimeDisposal.rate(), rework.rate(), volume.rate(), weights);
		return new UnitPerformance(unitId, code, name, period, bundleName, s, disposal, onTimeDisposal, close,
				onTimeClose, rework, relapse, overdue, tasks, reports, pass, volume, index,
				index == null ? null : Grade.of(index), weights);
	}

	/** The composite index rounded to two decimals, or {@code null} without dispatched problems. */
	public static Double index(long dispatched, Double disposal, Double onTime, Double rework, Double volume,
			Weights w) {
		if (dispatched == 0) {
			return null;
		}
		double sum = 0;
		double weight = 0;
		double[][] parts = { { value(disposal), w.disposal().doubleValue() }, { value(onTime), w.onTime().doubleValue() },
				{ rework == null ? Double.NaN : 1 - rework, w.rework().doubleValue() },
				{ value(volume), w.volume().doubleValue() } };
		for (double[] part : parts) {
			if (!Double.isNaN(part[0])) {
				sum += part[0] * part[1];
				weight += part[1];
			}
		}
		if (weight == 0) {
			return null;
		}
		return BigDecimal.valueOf(100 * sum / weight).setScale(2, RoundingMode.HALF_UP).doubleValue();
	}

	private static double value(Double rate) {
		return rate == null ? Double.NaN : rate;
	}

	private static String link(String board, String filter) {
		return board == null ? null : board + filter;
	}
}
