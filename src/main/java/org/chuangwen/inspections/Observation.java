package org.chuangwen.inspections;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One saved checklist item: the result, the fraction as recorded (may be null), the note, the photos, and the problem
 * it created when non-compliant.
 */
public record Observation(UUID id, UUID roundId, UUID pointId, UUID standardId, String standardCode,
		ObservationResult result, BigDecimal recordedFraction, BigDecimal getFraction, String note, UUID problemId,
		Instant observedAt, String observedByName, List<UUID> photos) {

	public Observation {
		photos = photos == null ? List.of() : List.copyOf(photos);
	}
}
