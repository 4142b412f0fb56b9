package org.chuangwen.problems;

import java.time.Instant;
import java.util.UUID;

/** A problem was escalated: reassigned between units more than twice (DOMAIN §8.2). */
public record ProblemEscalated(UUID problemId, String number, UUID unitId, int bounces, Instant at) {
}
