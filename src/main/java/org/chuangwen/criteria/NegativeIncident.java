package org.chuangwen.criteria;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A recorded occurrence of a negative-list item: what happened, when, the evidence, who recorded it. */
public record NegativeIncident(UUID id, UUID itemId, String itemCode, NegativeEffect effect,
		java.math.BigDecimal deduction, LocalDate occurredOn, String description, String evidence, UUID recordedBy,
		String recordedByName, Instant recordedAt) {
}
