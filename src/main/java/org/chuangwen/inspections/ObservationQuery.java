package org.chuangwen.inspections;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Which observations count: those of one framework, optionally only of the given rounds, of the given kinds, and
 * observed in [{@code from}, {@code to}). Empty sets and {@code null} bounds mean "no restriction".
 */
public record ObservationQuery(UUID frameworkId, Set<UUID> roundIds, Set<RoundKind> kinds, Instant from, Instant to) {

	public ObservationQuery {
		roundIds = roundIds == null ? Set.of() : Set.copyOf(roundIds);
		kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
	}

	public static ObservationQuery ofRound(UUID frameworkId, UUID roundId) {
		return new ObservationQuery(frameworkId, Set.of(roundId), Set.of(), null, null);
	}
}
