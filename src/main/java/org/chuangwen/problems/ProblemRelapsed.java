package org.chuangwen.problems;

import java.time.Instant;
import java.util.UUID;

/** A closed problem failed its re-check or was reopened: a relapse (反弹) at its point. */
public record ProblemRelapsed(UUID problemId, String number, UUID pointId, UUID unitId, int relapses, Instant at) {
}
