package org.chuangwen.inspections;

import java.time.Instant;
import java.util.UUID;

/** Published when a round closes: its results become visible to the units and its report is final. */
public record RoundClosed(UUID roundId, RoundKind kind, UUID frameworkId, Instant closedAt) {
}
