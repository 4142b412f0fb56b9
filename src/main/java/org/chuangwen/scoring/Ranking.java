package org.chuangwen.scoring;

import java.util.List;
import java.util.UUID;

/**
 * A ranking of one category over one period within one jurisdiction. Entries with an index come first, best first;
 * equal indexes share a rank (1, 1, 3); entries without data (nothing dispatched in the period) come last, unranked.
 * {@code ranked} counts the entries with a rank.
 */
public record Ranking(Period period, RankingCategory category, UUID jurisdictionId, String jurisdictionName,
		List<Entry> entries, int ranked) {

	/**
	 * One ranked unit (or command post, or district). {@code flag}: the rotating flag the entry won for this period
	 * (RED/BLACK), awarded when the period closed; {@code null} otherwise.
	 */
	public record Entry(UUID id, String code, String name, UnitPerformance performance, Integer rank, Tier tier,
			String flag) {

		public Double index() {
			return performance.index();
		}

		public Grade grade() {
			return performance.grade();
		}
	}

	public boolean isEmpty() {
		return ranked == 0;
	}
}
