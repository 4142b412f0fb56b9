package org.chuangwen.problems;

import java.time.Instant;
import java.util.UUID;

/** A problem was verified and closed (销号); {@code onTime}: its unit rectified it before the deadline. */
public record ProblemClosed(UUID problemId, String number, String categoryCode, UUID pointId, UUID unitId,
		Instant rectifiedAt, Instant deadline, boolean onTime, Instant closedAt) {
}
