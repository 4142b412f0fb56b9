package org.chuangwen.inspections;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A round to plan: name, kind, framework ({@code null}: the active framework of the civilized-city campaign), planned
 * date, teams (each a pair of inspector account ids), the sampling rule ({@code null} only for an upper-level round,
 * whose points come with its imported results) and the seed ({@code null}: drawn at random, then stored).
 */
public record NewRound(String name, RoundKind kind, UUID frameworkId, LocalDate plannedOn, List<List<UUID>> teams,
		UUID samplingRuleId, Long seed) {

	public NewRound {
		teams = teams == null ? List.of() : teams.stream().map(t -> t == null ? List.<UUID>of() : List.copyOf(t)).toList();
	}
}
