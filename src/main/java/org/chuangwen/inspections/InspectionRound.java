package org.chuangwen.inspections;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A round as the higher floors see it: its kind, framework, status, the stored sampling seed, when it is planned for,
 * opened and closed, and how many points it sampled and how many of them have been observed.
 */
public record InspectionRound(UUID id, String name, RoundKind kind, UUID frameworkId, RoundStatus status, long seed,
		UUID samplingRuleId, LocalDate plannedOn, Instant openedAt, Instant closedAt, int sampledPoints,
		int observedPoints) {
}
