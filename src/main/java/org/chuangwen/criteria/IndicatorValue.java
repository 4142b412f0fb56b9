package org.chuangwen.criteria;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A value reported for a quantitative indicator, for a period (e.g. {@code 2026-Q3}), and whether it meets it. */
public record IndicatorValue(UUID id, UUID indicatorId, String period, BigDecimal value, UUID reportedBy,
		String reportedByName, Instant reportedAt, String evidence, String note, boolean met) {
}
