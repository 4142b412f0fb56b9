package org.chuangwen.inspections;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * One checklist item as an inspector submits it: the standard, the result, an optional get fraction (0..1), an
 * optional note, photos (blob ids the inspector uploaded) and, for a non-compliant item, an optional problem category
 * (else a default is derived from the standard).
 */
public record ObservationInput(UUID standardId, ObservationResult result, BigDecimal getFraction, String note,
		List<UUID> photos, String categoryCode) {

	public ObservationInput {
		photos = photos == null ? List.of() : List.copyOf(photos);
	}
}
