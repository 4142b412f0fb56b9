package org.chuangwen.escalation;

import java.time.Instant;
import java.util.UUID;

/**
 * A problem listed on a notice, as it stood when the notice was issued: its number, category, description, location
 * and its own deadline; {@code outcome} is {@code null} while it is on this step, {@code ESCALATED} once the next step
 * was issued, {@code STOPPED} once it was closed, rejected or merged.
 */
public record NoticeProblem(UUID problemId, String number, String categoryName, String description, String location,
		Instant deadline, String outcome) {
}
