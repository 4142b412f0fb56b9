package org.chuangwen.problems;

import java.time.Instant;
import java.util.UUID;

/** Any transition of a problem (published besides the specific events), e.g. for scores and dashboards. */
public record ProblemTransitioned(UUID problemId, String number, ProblemAction action, ProblemStatus from,
		ProblemStatus to, UUID unitId, Instant at) {
}
