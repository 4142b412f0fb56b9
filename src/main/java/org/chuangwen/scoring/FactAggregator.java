package org.chuangwen.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.inspections.ObservationFact;
import org.chuangwen.inspections.ScoreDimension;

/**
 * Sums observation facts per group of one dimension and standard into flat arrays: the fast path of a full
 * recompute (no string keys, no allocation per fact beyond a new group). Facts of standards outside the framework
 * and not-applicable facts are skipped.
 */
final class FactAggregator {

	private final ScoreEngine engine;

	private final ScoreDimension dimension;

	private final Map<Object, Integer> groups = new HashMap<>();

	private final List<Object> keys = new ArrayList<>();

	private final List<double[]> sums = new ArrayList<>();

	private final List<long[]> counts = new ArrayList<>();

	private UUID lastStandard;

	private int lastIndex = -1;

	FactAggregator(ScoreEngine engine, ScoreDimension dimension) {
		this.engine = engine;
		this.dimension = dimension;
	}

	private Object key(ObservationFact f) {
		return switch (dimension) {
			case CITY -> "";
			case DISTRICT -> f.districtId();
			case STREET -> f.streetId();
			case UNIT -> f.unitId();
			case POINT_TYPE -> f.pointTypeCode();
			case COMMAND_POST -> f.commandPostId();
			case POINT -> f.pointId();
		};
	}

	void add(ObservationFact f) {
		if (f.getFraction() == null) {
			return;
		}
		Object key = key(f);
		if (key == null) {
			return;
		}
		int s;
		if (f.standardId().equals(lastStandard)) {
			s = lastIndex;
		}
		else {
			s = engine.standardIndex(f.standardId());
			lastStandard = f.standardId();
			lastIndex = s;
		}
		if (s < 0) {
			return;
		}
		Integer g = groups.get(key);
		if (g == null) {
			g = keys.size();
			groups.put(key, g);
			keys.add(key);
			sums.add(new double[engine.standardCount()]);
			counts.add(new long[engine.standardCount()]);
		}
		sums.get(g)[s] += f.getFraction().doubleValue();
		counts.get(g)[s]++;
	}

	/** The sums as {@link RateSums} (group keys as text, as the cache and the inspections module give them). */
	RateSums sums() {
		RateSums out = new RateSums();
		for (int g = 0; g < keys.size(); g++) {
			String key = keys.get(g).toString();
			double[] sum = sums.get(g);
			long[] count = counts.get(g);
			for (int s = 0; s < sum.length; s++) {
				if (count[s] > 0) {
					out.add(key, engine.standardId(s), sum[s], count[s]);
				}
			}
		}
		return out;
	}

	/** Every group's field-only rates, ready for the engine. */
	Map<String, ScoreCalculator.GroupRates> rates() {
		Map<String, ScoreCalculator.GroupRates> out = new HashMap<>();
		for (int g = 0; g < keys.size(); g++) {
			double[] sum = sums.get(g);
			long[] count = counts.get(g);
			double[] rates = new double[sum.length];
			for (int s = 0; s < sum.length; s++) {
				rates[s] = count[s] > 0 ? sum[s] / count[s] : Double.NaN;
			}
			out.put(keys.get(g).toString(), new ScoreCalculator.GroupRates(rates, count.clone()));
		}
		return out;
	}
}
