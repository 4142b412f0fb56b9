package org.chuangwen.scoring;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Pass-rate sums of standards per group: for each group key (the city's is {@code ""}) and standard, the sum of the
 * effective get fractions and the number of applicable observations.
 */
final class RateSums {

	/** One standard's sums in one group. */
	static final class Sum {

		double getSum;

		long applicable;

		void add(double fraction, long count) {
			getSum += fraction;
			applicable += count;
		}

		double rate() {
			return applicable > 0 ? getSum / applicable : Double.NaN;
		}
	}

	private final Map<String, Map<UUID, Sum>> groups = new HashMap<>();

	void add(String group, UUID standardId, double getSum, long applicable) {
		groups.computeIfAbsent(group == null ? "" : group, k -> new HashMap<>())
			.computeIfAbsent(standardId, k -> new Sum())
			.add(getSum, applicable);
	}

	Map<String, Map<UUID, Sum>> groups() {
		return groups;
	}

	Map<UUID, Sum> group(String key) {
		return groups.getOrDefault(key == null ? "" : key, Map.of());
	}
}
