package org.chuangwen.shared;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Working-time arithmetic over a fixed set of working periods per day and a set of marked days. Pure and immutable:
 * {@link WorkingCalendar} builds one from the configuration and the {@code calendar_day} table.
 * <p>
 * Rules:
 * <ul>
 * <li>A day is a working day when it is marked {@link CalendarDay.Kind#WORKDAY} (调休上班, an adjusted working
 * Saturday or Sunday), or when it is Monday to Friday and not marked {@link CalendarDay.Kind#HOLIDAY}.</li>
 * <li>Working time runs only inside the working periods of working days (e.g. 08:30–12:00 and 13:30–17:30), in the
 * city's zone. Outside them the clock stands still: a start at 23:00, at lunch or on a holiday counts from the
 * beginning of the next working period.</li>
 * <li>{@link #addWorkingHours}/{@link #addWorking} answer the instant at which that much working time has elapsed. An
 * exact fit ends at the end of a period (12:00 or 17:30), not at the start of the next one. Adding zero answers the
 * start itself.</li>
 * <li>{@link #addWorkingDays} adds {@code days} × the working time of one day: from Tuesday 10:00 one working day is
 * Wednesday 10:00, from Friday 20:00 it is Monday 17:30 (the whole of Monday), and from Tuesday 08:30 it is Tuesday
 * 17:30 (the same working time as Wednesday 08:30, ended at the end of a period).</li>
 * <li>{@link #workingDurationBetween} is the working time inside {@code [a, b)}; negative when {@code b} is before
 * {@code a}, so "time left" is {@code workingDurationBetween(now, deadline)}.</li>
 * </ul>
 */
public final class WorkingTime {

	/** One working period of a day, {@code from} before {@code to}. */
	public record Period(LocalTime from, LocalTime to) {

		public Period {
			Objects.requireNonNull(from, "from");
			Objects.requireNonNull(to, "to");
			if (!from.isBefore(to)) {
				throw new IllegalArgumentException("a working period ends after it starts: " + from + "-" + to);
			}
		}

		public Duration length() {
			return Duration.between(from, to);
		}

		@Override
		public String toString() {
			return from + "-" + to;
		}
	}

	/** No deadline lies further than this many days from its start: guards against runaway loops. */
	private static final int MAX_DAYS = 366 * 200;

	private final ZoneId zone;

	private final List<Period> periods;

	private final Map<LocalDate, CalendarDay.Kind> marked;

	private final Duration dayLength;

	public WorkingTime(ZoneId zone, List<Period> periods, Map<LocalDate, CalendarDay.Kind> marked) {
		this.zone = Objects.requireNonNull(zone, "zone");
		if (periods.isEmpty()) {
			throw new IllegalArgumentException("at least one working period");
		}
		List<Period> sorted = new ArrayList<>(periods);
		sorted.sort((p, q) -> p.from().compareTo(q.from()));
		for (int i = 1; i < sorted.size(); i++) {
			if (sorted.get(i).from().isBefore(sorted.get(i - 1).to())) {
				throw new IllegalArgumentException("working periods overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
			}
		}
		this.periods = List.copyOf(sorted);
		this.marked = Map.copyOf(marked);
		this.dayLength = this.periods.stream().map(Period::length).reduce(Duration.ZERO, Duration::plus);
	}

	/**
	 * Parses working periods written as {@code 08:30-12:00,13:30-17:30}.
	 * @throws IllegalArgumentException when the text is not such a list
	 */
	public static List<Period> parsePeriods(String text) {
		List<Period> result = new ArrayList<>();
		for (String part : text.split(",")) {
			String[] ends = part.strip().split("-");
			if (ends.length != 2) {
				throw new IllegalArgumentException("working period '" + part.strip() + "' is not HH:mm-HH:mm");
			}
			try {
				result.add(new Period(LocalTime.parse(ends[0].strip()), LocalTime.parse(ends[1].strip())));
			}
			catch (java.time.format.DateTimeParseException ex) {
				throw new IllegalArgumentException("working period '" + part.strip() + "' is not HH:mm-HH:mm", ex);
			}
		}
		return result;
	}

	public ZoneId zone() {
		return zone;
	}

	public List<Period> periods() {
		return periods;
	}

	/** The working time of one working day (7.5 h with the default periods). */
	public Duration dayLength() {
		return dayLength;
	}

	public boolean isWorkingDay(LocalDate day) {
		CalendarDay.Kind kind = marked.get(day);
		if (kind != null) {
			return kind == CalendarDay.Kind.WORKDAY;
		}
		DayOfWeek weekday = day.getDayOfWeek();
		return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
	}

	/** Whether the instant lies inside a working period of a working day (a period's end is outside it). */
	public boolean isWorkingTime(Instant instant) {
		LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
		if (!isWorkingDay(local.toLocalDate())) {
			return false;
		}
		for (Period period : periods) {
			Instant from = at(local.toLocalDate(), period.from());
			Instant to = at(local.toLocalDate(), period.to());
			if (!instant.isBefore(from) && instant.isBefore(to)) {
				return true;
			}
		}
		return false;
	}

	public Instant addWorkingHours(Instant start, long hours) {
		if (hours < 0 || hours > (long) MAX_DAYS * 24) {
			throw new IllegalArgumentException("working hours to add out of range: " + hours);
		}
		return addWorking(start, Duration.ofHours(hours));
	}

	public Instant addWorkingDays(Instant start, int days) {
		if (days < 0 || days > MAX_DAYS) {
			throw new IllegalArgumentException("working days to add out of range: " + days);
		}
		return addWorking(start, dayLength.multipliedBy(days));
	}

	/** The instant at which {@code amount} of working time has elapsed after {@code start} (see the class rules). */
	public Instant addWorking(Instant start, Duration amount) {
		Objects.requireNonNull(start, "start");
		if (amount.isNegative()) {
			throw new IllegalArgumentException("working time to add is negative: " + amount);
		}
		if (amount.isZero()) {
			return start;
		}
		Duration left = amount;
		LocalDate day = LocalDate.ofInstant(start, zone);
		for (int i = 0; i <= MAX_DAYS; i++, day = day.plusDays(1)) {
			if (!isWorkingDay(day)) {
				continue;
			}
			for (Period period : periods) {
				Instant from = at(day, period.from());
				Instant to = at(day, period.to());
				if (!to.isAfter(start)) {
					continue;
				}
				Instant begin = from.isBefore(start) ? start : from;
				Duration available = Duration.between(begin, to);
				if (left.compareTo(available) <= 0) {
					return begin.plus(left);
				}
				left = left.minus(available);
			}
		}
		throw new IllegalArgumentException("no working time within " + MAX_DAYS + " days after " + start);
	}

	/** Working time inside {@code [a, b)}; negative when {@code b} is before {@code a}. */
	public Duration workingDurationBetween(Instant a, Instant b) {
		Objects.requireNonNull(a, "a");
		Objects.requireNonNull(b, "b");
		if (b.isBefore(a)) {
			return workingDurationBetween(b, a).negated();
		}
		Duration total = Duration.ZERO;
		LocalDate last = LocalDate.ofInstant(b, zone);
		for (LocalDate day = LocalDate.ofInstant(a, zone); !day.isAfter(last); day = day.plusDays(1)) {
			if (!isWorkingDay(day)) {
				continue;
			}
			for (Period period : periods) {
				Instant from = at(day, period.from());
				Instant to = at(day, period.to());
				Instant begin = from.isBefore(a) ? a : from;
				Instant end = to.isAfter(b) ? b : to;
				if (end.isAfter(begin)) {
					total = total.plus(Duration.between(begin, end));
				}
			}
		}
		return total;
	}

	/**
	 * How much of a deadline's working time has been used at {@code now}: {@code workingDurationBetween(start, now) /
	 * workingDurationBetween(start, deadline)}, 0 before the start. An SLA light is green below 0.8 and yellow from 0.8;
	 * whether it is red (overdue) is {@code now.isAfter(deadline)}, not this share: after a deadline at 17:30 the share
	 * stays 1.0 all night, when no working time passes. A deadline with no working time before it (a zero limit) is
	 * used up (1.0) from the deadline on.
	 */
	public double elapsedShare(Instant start, Instant deadline, Instant now) {
		if (!now.isAfter(start)) {
			return 0.0;
		}
		Duration limit = workingDurationBetween(start, deadline);
		if (limit.isZero() || limit.isNegative()) {
			return now.isBefore(deadline) ? 0.0 : 1.0;
		}
		return (double) workingDurationBetween(start, now).toMillis() / limit.toMillis();
	}

	/** The working days of a month in order (for pages and reports). */
	public List<LocalDate> workingDaysOf(java.time.YearMonth month) {
		List<LocalDate> result = new ArrayList<>();
		for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				result.add(day);
			}
		}
		return Collections.unmodifiableList(result);
	}

	private Instant at(LocalDate day, LocalTime time) {
		return day.atTime(time).atZone(zone).toInstant();
	}
}
