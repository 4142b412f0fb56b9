package org.chuangwen.problems;

import java.time.Instant;
import java.util.UUID;

/** A problem was sent to a unit (dispatch, reassignment by arbitration, reopening) with a deadline. */
public record ProblemDispatched(UUID problemId, String number, UUID unitId, Instant deadline, Instant at) {
}
