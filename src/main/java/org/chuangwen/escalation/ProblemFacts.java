package org.chuangwen.escalation;

import java.time.Instant;
import java.util.UUID;

/**
 * What the ladder needs to know of a problem, read from the problems module: its number, category, description and
 * location (for the notice), its responsible unit and responsible leader (the addressees), its own deadline, its
 * status and whether it is still open (not closed, rejected or merged).
 */
record ProblemFacts(UUID id, String number, String categoryName, String description, String location, UUID unitId,
		UUID responsibleLeaderId, Instant deadline, String status, boolean open) {

	NoticeProblem listed() {
		return new NoticeProblem(id, number, categoryName, description, location, deadline, null);
	}

	/** Open and past its own deadline at {@code now}. */
	boolean overdueAt(Instant now) {
		return open && deadline != null && now.isAfter(deadline);
	}
}
