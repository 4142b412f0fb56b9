package org.chuangwen.escalation;

import java.time.Instant;
import java.util.UUID;

/**
 * What the ladder needs to know of a problem, read from the problems module: its number, category, description and
 * location (for the notice), its responsible unit and responsible leader (the addressees), its own deadline, its
 * status, whether it is still open (not closed, rejected or merged) and whether it is at its unit (the deadline runs
 * against the unit only while it is dispatched, claimed or in rework).
 */
record ProblemFacts(UUID id, String number, String categoryName, String description, String location, UUID unitId,
		UUID responsibleLeaderId, Instant deadline, String status, boolean open, boolean atUnit) {

	NoticeProblem listed() {
		return new NoticeProblem(id, number, categoryName, description, location, deadline, null);
	}

	/** At its unit (dispatched, claimed or in rework) and past its own deadline at {@code now}. */
	boolean overdueAt(Instant now) {
		return open && atUnit && deadline != null && now.isAfter(deadline);
	}
}
