package org.chuangwen.scoring;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

import org.chuangwen.shared.InvalidInputException;

/**
 * A period of unit performance (DOMAIN §9): a day, an ISO week (Monday to Sunday), a month, a quarter, or any custom
 * span of days; {@code from} inclusive, {@code to} exclusive, in the city's time zone.
 */
public record Period(Kind kind, LocalDate from, LocalDate to) {

	/** The longest custom span. */
	public static final int MAX_DAYS = 366;

	public enum Kind {
		DAY, WEEK, MONTH, QUARTER, CUSTOM;

		public String apiName() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Kind parse(String text) {
			if (text == null || text.isBlank()) {
				return WEEK;
			}
			try {
				return valueOf(text.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("period", "evaluation.period.unknown", text);
			}
		}
	}

	public Period {
		if (!from.isBefore(to)) {
			throw new InvalidInputException("to", "evaluation.period.empty");
		}
		if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
			throw new InvalidInputException("to", "evaluation.period.tooLong", MAX_DAYS);
		}
	}

	/** The period of this kind that contains the day. */
	public static Period of(Kind kind, LocalDate day) {
		return switch (kind) {
			case DAY -> new Period(kind, day, day.plusDays(1));
			case WEEK -> {
				LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				yield new Period(kind, monday, monday.plusWeeks(1));
			}
			case MONTH -> new Period(kind, day.withDayOfMonth(1), day.withDayOfMonth(1).plusMonths(1));
			case QUARTER -> {
				LocalDate first = day.withMonth((day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1).withDayOfMonth(1);
				yield new Period(kind, first, first.plusMonths(3));
			}
			case CUSTOM -> throw new InvalidInputException("period", "evaluation.period.customNeedsRange");
		};
	}

	/** A custom span, {@code to} inclusive as people say it (1–7 November). */
	public static Period custom(LocalDate from, LocalDate toInclusive) {
		return new Period(Kind.CUSTOM, from, toInclusive.plusDays(1));
	}

	/**
	 * The period asked for by a page or the API: kind and a day in it (default: the period running today), or a custom span {@code from}..{@code to} (inclusive). A period that starts after today is refused
	 * (400): it has no data yet.
	 */
	public static Period parse(String kind, String date, String from, String to, LocalDate today) {
		Kind k = Kind.parse(kind);
		Period period;
		if (k == Kind.CUSTOM) {
			period = custom(day(from, "from"), day(to, "to"));
		}
		else if (date == null || date.isBlank()) {
			period = of(k, today);
		}
		else {
			period = of(k, day(date, "date"));
		}
		if (period.from.isAfter(today)) {
			throw new InvalidInputException("date", "evaluation.period.future", period.from);
		}
		return period;
	}

	private static LocalDate day(String text, String field) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, "evaluation.period.dateMissing");
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "evaluation.period.dateInvalid", text);
		}
	}

	/** The period of the same kind just before this one (a custom span: the span of the same length before it). */
	public Period previous() {
		return switch (kind) {
			case DAY -> new Period(kind, from.minusDays(1), from);
			case WEEK -> new Period(kind, from.minusWeeks(1), from);
			case MONTH -> new Period(kind, from.minusMonths(1), from);
			case QUARTER -> new Period(kind, from.minusMonths(3), from);
			case CUSTOM -> new Period(kind, from.minusDays(days()), from);
		};
	}

	public long days() {
		return ChronoUnit.DAYS.between(from, to);
	}

	/** The last day of the period (inclusive). */
	public LocalDate last() {
		return to.minusDays(1);
	}

	/** Whether the period has ended by the day (its last day is before it). */
	public boolean isClosedBy(LocalDate today) {
		return !to.isAfter(today);
	}

	/** e.g. 2026-W47, 2026-11, 2026-Q4, 2026-11-20, 2026-11-01~2026-11-07. */
	public String label() {
		return switch (kind) {
			case DAY -> from.toString();
			case WEEK -> from.get(IsoFields.WEEK_BASED_YEAR) + "-W"
					+ String.format(Locale.ROOT, "%02d", from.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
			case MONTH -> from.getYear() + "-" + String.format(Locale.ROOT, "%02d", from.getMonthValue());
			case QUARTER -> from.getYear() + "-Q" + from.get(IsoFields.QUARTER_OF_YEAR);
			case CUSTOM -> from + "~" + last();
		};
	}
}
