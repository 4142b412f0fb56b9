package org.chuangwen.scoring;

import java.util.List;
import java.util.UUID;

import org.chuangwen.shared.Page;

/**
 * A score answer: the tree ({@code criteria}, when grouped by criterion) or the groups (a page), and the total of
 * what the caller may see (the city for the campaign office, its district, street or unit otherwise).
 */
public record Scores(UUID frameworkId, UUID roundId, ScoreGrouping groupBy, List<CriterionScore> criteria,
		Page<ScoreLine> groups, ScoreLine total) {
}
