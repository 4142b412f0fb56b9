package org.chuangwen.problems;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of a problem's timeline: who did what when, from which state to which, for which unit, and why. The
 * reporter's own entry carries no name when shown to the handling unit (DOMAIN §2).
 */
public record TimelineEntry(long id, UUID problemId, Instant at, UUID actorId, String actorName, String action,
		ProblemStatus from, ProblemStatus to, UUID unitId, String reason) {

	/** The same entry without who acted (for the handling unit, when the actor is a reporter). */
	public TimelineEntry anonymous() {
		return new TimelineEntry(id, problemId, at, null, null, action, from, to, unitId, reason);
	}
}
