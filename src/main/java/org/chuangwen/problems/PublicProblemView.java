package org.chuangwen.problems;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the public (a citizen following the report they made) may learn about a problem: its number, category, state,
 * times, the steps it went through and the explanations meant for the reporter (why it was not accepted, parked or
 * merged, what the unit did), and the photos before and after. Never who reported, who handled or verified it, nor the
 * office's internal notes (DOMAIN §12).
 *
 * @param mergedIntoNumber the number of the problem this one was merged into (并单), when merged
 * @param unitName the handling unit's name (the agency responsible), when it has one
 */
public record PublicProblemView(UUID id, String number, String categoryCode, ProblemStatus status, Instant createdAt,
		Instant deadline, Instant closedAt, String unitName, String mergedIntoNumber, List<Step> steps,
		List<ProblemPhoto> photos) {

	/** The actions whose reason is written for the reporter and shown on the public page. */
	static final java.util.Set<String> PUBLIC_REASONS = java.util.Set.of("reject", "park", "merge", "rectify");

	/** One step of the timeline, without any person: when, what, into which state, and the public explanation. */
	public record Step(Instant at, String action, ProblemStatus to, String explanation) {
	}

	public PublicProblemView {
		steps = List.copyOf(steps);
		photos = List.copyOf(photos);
	}

	public boolean closed() {
		return status == ProblemStatus.CLOSED;
	}
}
