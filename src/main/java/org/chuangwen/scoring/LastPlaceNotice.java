package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A numbered notice recorded when a unit finished last of its category (a black flag): the first time a talk with the
 * responsible city leader, twice in a row a talk with the organisation department, three times in a row
 * accountability (DOMAIN §8.1). Numbered per year without gaps, printable on A4.
 */
public record LastPlaceNotice(UUID id, int year, int seq, String number, Kind kind, UUID flagId, UUID unitId,
		String unitName, UUID jurisdictionId, int consecutive, Period.Kind periodKind, LocalDate periodStart,
		LocalDate periodEnd, RankingCategory category, BigDecimal index, Instant issuedAt) {

	public enum Kind {
		/** 约谈（市领导） */
		LEADER_TALK,
		/** 约谈（组织部） */
		ORGANISATION_TALK,
		/** 问责 */
		ACCOUNTABILITY;

		/** The step for the n-th last place in a row. */
		public static Kind forConsecutive(int n) {
			return n <= 1 ? LEADER_TALK : n == 2 ? ORGANISATION_TALK : ACCOUNTABILITY;
		}

		public String messageKey() {
			return "evaluation.notice.kind." + name();
		}
	}

	public Period period() {
		return new Period(periodKind, periodStart, periodEnd);
	}

	/** e.g. 创文问〔2026〕第003号. */
	public static String numberOf(int year, int seq) {
		return "创文问〔" + year + "〕第" + String.format(java.util.Locale.ROOT, "%03d", seq) + "号";
	}
}
