package org.chuangwen.scoring;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.inspections.RoundKind;
import org.chuangwen.shared.InvalidInputException;

/**
 * Which scores: a framework (null: the active one), one round or all rounds (null), of some kinds (empty: all),
 * observed in [{@code from}, {@code to}) (null: unbounded), grouped {@code by}.
 */
public record ScoreQuery(UUID frameworkId, UUID roundId, Set<RoundKind> kinds, Instant from, Instant to,
		ScoreGrouping by) {

	public ScoreQuery {
		kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
		by = by == null ? ScoreGrouping.CRITERION : by;
		if (from != null && to != null && !from.isBefore(to)) {
			throw new InvalidInputException("to", "scoring.error.window");
		}
	}

	public ScoreQuery withFramework(UUID framework) {
		return new ScoreQuery(framework, roundId, kinds, from, to, by);
	}
}
