package org.chuangwen.problems;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters of a problem list, all optional: a state, a unit, a point, a category (a minor class, or a major class for
 * all its minor classes), only overdue ones, reported from / before an instant, only escalated ones, and a text found
 * in the number or description.
 */
public record ProblemFilter(ProblemStatus status, UUID unitId, UUID pointId, String categoryCode, Boolean overdue,
		Instant from, Instant to, Boolean escalated, String q) {

	public static ProblemFilter none() {
		return new ProblemFilter(null, null, null, null, null, null, null, null, null);
	}

	public ProblemFilter withStatus(ProblemStatus s) {
		return new ProblemFilter(s, unitId, pointId, categoryCode, overdue, from, to, escalated, q);
	}
}
