package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A rotating red or black flag (流动红旗 / 流动黑旗) a unit won for a closed period in its category. */
public record RotatingFlag(UUID id, Period.Kind periodKind, LocalDate periodStart, LocalDate periodEnd,
		RankingCategory category, UUID jurisdictionId, Colour colour, UUID unitId, String unitName,
		BigDecimal index, Instant awardedAt) {

	public enum Colour {
		RED, BLACK;

		public String apiName() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	public Period period() {
		return new Period(periodKind, periodStart, periodEnd);
	}
}
