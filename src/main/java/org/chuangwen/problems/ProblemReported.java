package org.chuangwen.problems;

import java.time.Instant;
import java.util.UUID;

/** A problem was reported (and, from a trusted source, registered and perhaps dispatched at once). */
public record ProblemReported(UUID problemId, String number, String categoryCode, UUID pointId, UUID jurisdictionId,
		UUID unitId, ProblemSource source, ProblemStatus status, Instant at) {
}
