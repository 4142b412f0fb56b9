package org.chuangwen.scoring.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.inspections.RoundKind;
import org.chuangwen.scoring.ScoreGrouping;
import org.chuangwen.scoring.ScoreQuery;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;

/** Reads the score filters shared by the pages and the API. */
final class ScoringParams {

	static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

	private ScoringParams() {
	}

	static UUID id(String text, String what) {
		return text == null || text.isBlank() ? null : Ids.parse(text.strip(), what);
	}

	static String first(String a, String b) {
		return a != null && !a.isBlank() ? a : b;
	}

	/** Kinds: repeated or comma-separated constants (e.g. MOCK_ASSESSMENT), any case. */
	static Set<RoundKind> kinds(List<String> texts) {
		Set<RoundKind> kinds = EnumSet.noneOf(RoundKind.class);
		if (texts == null) {
			return kinds;
		}
		for (String text : texts) {
			for (String part : text.split(",")) {
				if (part.isBlank()) {
					continue;
				}
				try {
					kinds.add(RoundKind.valueOf(part.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidInputException("kind", "scoring.error.kind", part.strip());
				}
			}
		}
		return kinds;
	}

	/** An instant with offset (2026-11-25T08:00:00+08:00) or a day (2026-11-25: its start in the city's zone). */
	static Instant instant(String text, String field, boolean endOfDay) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip();
		try {
			if (t.length() == 10) {
				LocalDate day = LocalDate.parse(t);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(CITY_ZONE).toInstant();
			}
			return OffsetDateTime.parse(t).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "scoring.error.time", t);
		}
	}

	static ScoreQuery query(String framework, String round, List<String> kinds, String from, String to, String by) {
		return new ScoreQuery(id(framework, "framework"), id(round, "round"), kinds(kinds),
				instant(from, "from", false), instant(to, "to", true), ScoreGrouping.parse(by));
	}
}
