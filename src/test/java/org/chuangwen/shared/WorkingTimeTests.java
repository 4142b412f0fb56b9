package org.chuangwen.shared;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Working-time arithmetic over the 2026 calendar of the State Council (the days V45 seeds). */
class WorkingTimeTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final WorkingTime calendar2026 = new WorkingTime(SHANGHAI, WorkingTime.parsePeriods("08:30-12:00,13:30-17:30"),
			days2026());

	/** The holidays and adjusted working days of 2026 (国办 2025-11-04), as the migration seeds them. */
	static Map<LocalDate, CalendarDay.Kind> days2026() {
		Map<LocalDate, CalendarDay.Kind> days = new HashMap<>();
		holiday(days, "2026-01-01", "2026-01-03");
		holiday(days, "2026-02-15", "2026-02-23");
		holiday(days, "2026-04-04", "2026-04-06");
		holiday(days, "2026-05-01", "2026-05-05");
		holiday(days, "2026-06-19", "2026-06-21");
		holiday(days, "2026-09-25", "2026-09-27");
		holiday(days, "2026-10-01", "2026-10-07");
		for (String d : List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")) {
			days.put(LocalDate.parse(d), CalendarDay.Kind.WORKDAY);
		}
		return days;
	}

	private static void holiday(Map<LocalDate, CalendarDay.Kind> days, String first, String last) {
		for (LocalDate d = LocalDate.parse(first); !d.isAfter(LocalDate.parse(last)); d = d.plusDays(1)) {
			days.put(d, CalendarDay.Kind.HOLIDAY);
		}
	}

	static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
	}

	static Duration hours(double h) {
		return Duration.ofMinutes(Math.round(h * 60));
	}

	@Test
	void weekdaysWorkWeekendsRestHolidaysRestAndAdjustedWeekendDaysWork() {
		assertThat(calendar2026.isWorkingDay(LocalDate.parse("2026-03-10"))).isTrue(); // Tuesday
		assertThat(calendar2026.isWorkingDay(LocalDate.parse("2026-03-14"))).isFalse(); // Saturday
		assertThat(calendar2026.isWorkingDay(LocalDate.parse("2026-03-15"))).isFalse(); // Sunday
		assertThat(calendar2026.isWorkingDay(LocalDate.parse("2026-10-05"))).isFalse(); // Monday of National Day
		assertThat(calendar2026.isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue(); // Saturday worked for the Spring Festival
		assertThat(calendar2026.isWorkingDay(LocalDate.parse("2026-01-04"))).isTrue(); // Sunday worked for New Year
		assertThat(calendar2026.isWorkingDay(LocalDate.parse("2026-02-21"))).isFalse(); // Saturday inside the festival
	}

	@Test
	void the2026CalendarHas248WorkingDaysAndFebruaryHas16() {
		int total = 0;
		for (int m = 1; m <= 12; m++) {
			total += calendar2026.workingDaysOf(YearMonth.of(2026, m)).size();
		}
		// 261 weekdays − 19 holidays on weekdays + 6 adjusted weekend days
		assertThat(total).isEqualTo(248);
		assertThat(calendar2026.workingDaysOf(YearMonth.of(2026, 2))).hasSize(16);
		assertThat(calendar2026.workingDaysOf(YearMonth.of(2026, 10))).hasSize(18);
	}

	@Test
	void workingTimeIsInsideThePeriodsAndAPeriodsEndIsOutside() {
		assertThat(calendar2026.isWorkingTime(at("2026-03-10T08:30"))).isTrue();
		assertThat(calendar2026.isWorkingTime(at("2026-03-10T08:29:59"))).isFalse();
		assertThat(calendar2026.isWorkingTime(at("2026-03-10T11:59:59"))).isTrue();
		assertThat(calendar2026.isWorkingTime(at("2026-03-10T12:00"))).isFalse();
		assertThat(calendar2026.isWorkingTime(at("2026-03-10T13:30"))).isTrue();
		assertThat(calendar2026.isWorkingTime(at("2026-03-10T17:30"))).isFalse();
		assertThat(calendar2026.isWorkingTime(at("2026-03-14T10:00"))).isFalse(); // Saturday
		assertThat(calendar2026.isWorkingTime(at("2026-10-10T10:00"))).isTrue(); // adjusted Saturday
		assertThat(calendar2026.dayLength()).isEqualTo(hours(7.5));
	}

	@Test
	void addsHoursInsideAPeriodAndAcrossLunch() {
		assertThat(calendar2026.addWorkingHours(at("2026-03-10T09:00"), 2)).isEqualTo(at("2026-03-10T11:00"));
		assertThat(calendar2026.addWorkingHours(at("2026-03-10T11:00"), 2)).isEqualTo(at("2026-03-10T14:30"));
		assertThat(calendar2026.addWorkingHours(at("2026-03-10T08:30"), 7)).isEqualTo(at("2026-03-10T17:00"));
	}

	@Test
	void anExactFitEndsAtTheEndOfThePeriodNotAtTheNextStart() {
		assertThat(calendar2026.addWorkingHours(at("2026-03-10T10:00"), 2)).isEqualTo(at("2026-03-10T12:00"));
		assertThat(calendar2026.addWorking(at("2026-03-10T08:30"), hours(7.5))).isEqualTo(at("2026-03-10T17:30"));
	}

	@Test
	void aStartAtElevenAtNightCountsFromTheNextMorning() {
		assertThat(calendar2026.addWorkingHours(at("2026-03-10T23:00"), 4)).isEqualTo(at("2026-03-11T14:00"));
		assertThat(calendar2026.addWorkingHours(at("2026-03-10T06:00"), 1)).isEqualTo(at("2026-03-10T09:30"));
	}

	@Test
	void aStartAtLunchCountsFromTheAfternoon() {
		assertThat(calendar2026.addWorkingHours(at("2026-03-10T12:30"), 1)).isEqualTo(at("2026-03-10T14:30"));
	}

	@Test
	void aFridayAfternoonDeadlineRunsOverTheWeekendToMonday() {
		assertThat(calendar2026.addWorkingHours(at("2026-03-13T16:30"), 4)).isEqualTo(at("2026-03-16T11:30"));
		assertThat(calendar2026.addWorkingHours(at("2026-03-14T10:00"), 4)).isEqualTo(at("2026-03-16T14:00"));
	}

	@Test
	void aStartOnAHolidayCountsFromTheFirstWorkingDayAfterIt() {
		// Monday 5 October is inside the National Day holiday (1–7 October)
		assertThat(calendar2026.addWorkingHours(at("2026-10-05T10:00"), 1)).isEqualTo(at("2026-10-08T09:30"));
	}

	@Test
	void anAdjustedSaturdayIsAWorkingDay() {
		// Friday 9 October 17:00: half an hour left, then Saturday 10 October is worked
		assertThat(calendar2026.addWorkingHours(at("2026-10-09T17:00"), 1)).isEqualTo(at("2026-10-10T09:00"));
		// an ordinary Saturday is not
		assertThat(calendar2026.addWorkingHours(at("2026-10-16T17:00"), 1)).isEqualTo(at("2026-10-19T09:00"));
	}

	@Test
	void aDeadlineOverTheSpringFestivalSkipsTheNineDaysOff() {
		// Saturday 14 February is worked; 15–23 February are off; Tuesday 24 February is the next working day
		assertThat(calendar2026.addWorkingHours(at("2026-02-14T16:00"), 4)).isEqualTo(at("2026-02-24T11:00"));
		assertThat(calendar2026.addWorkingDays(at("2026-02-13T10:00"), 1)).isEqualTo(at("2026-02-14T10:00"));
		assertThat(calendar2026.addWorkingDays(at("2026-02-13T10:00"), 2)).isEqualTo(at("2026-02-24T10:00"));
		assertThat(calendar2026.workingDurationBetween(at("2026-02-14T08:30"), at("2026-02-24T17:30")))
			.isEqualTo(hours(15));
		assertThat(calendar2026.workingDurationBetween(at("2026-02-15T00:00"), at("2026-02-23T23:59"))).isZero();
	}

	@Test
	void workingDaysKeepTheTimeOfDayAndAnEveningStartEndsAtTheEndOfTheDay() {
		assertThat(calendar2026.addWorkingDays(at("2026-03-10T10:00"), 1)).isEqualTo(at("2026-03-11T10:00"));
		assertThat(calendar2026.addWorkingDays(at("2026-03-13T20:00"), 1)).isEqualTo(at("2026-03-16T17:30"));
		assertThat(calendar2026.addWorkingDays(at("2026-03-10T12:00"), 1)).isEqualTo(at("2026-03-11T12:00"));
	}

	@Test
	void twentyWorkingDaysOverNationalDay() {
		// 22,23,24 · 28,29,30 Sep · 8,9,10(adjusted Saturday) · 12–16 · 19–23 · 26 Oct = 20 working days
		assertThat(calendar2026.addWorkingDays(at("2026-09-21T09:00"), 20)).isEqualTo(at("2026-10-26T09:00"));
	}

	@Test
	void addingZeroAnswersTheStartItself() {
		assertThat(calendar2026.addWorkingHours(at("2026-03-10T23:00"), 0)).isEqualTo(at("2026-03-10T23:00"));
		assertThat(calendar2026.addWorkingDays(at("2026-10-03T10:00"), 0)).isEqualTo(at("2026-10-03T10:00"));
		assertThat(calendar2026.workingDurationBetween(at("2026-03-10T10:00"), at("2026-03-10T10:00"))).isZero();
	}

	@Test
	void negativeOrAbsurdAmountsAreRefused() {
		assertThatThrownBy(() -> calendar2026.addWorkingHours(at("2026-03-10T10:00"), -1))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> calendar2026.addWorkingDays(at("2026-03-10T10:00"), -1))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> calendar2026.addWorkingHours(at("2026-03-10T10:00"), Long.MAX_VALUE))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void elapsedWorkingTimeCountsOnlyPeriodsOfWorkingDays() {
		assertThat(calendar2026.workingDurationBetween(at("2026-03-10T09:00"), at("2026-03-10T14:00"))).isEqualTo(hours(3.5));
		assertThat(calendar2026.workingDurationBetween(at("2026-03-13T16:00"), at("2026-03-16T10:00"))).isEqualTo(hours(3));
		assertThat(calendar2026.workingDurationBetween(at("2026-03-10T18:00"), at("2026-03-11T08:00"))).isZero();
		assertThat(calendar2026.workingDurationBetween(at("2026-03-10T14:00"), at("2026-03-10T09:00"))).isEqualTo(hours(-3.5));
		// a whole ordinary week
		assertThat(calendar2026.workingDurationBetween(at("2026-03-09T00:00"), at("2026-03-16T00:00"))).isEqualTo(hours(37.5));
	}

	@Test
	void elapsedTimeUndoesAddedTimeForEveryStartOfAMonthAndManyAmounts() {
		// every quarter of an hour of February 2026 (Spring Festival, adjusted Saturdays) × 0..40 working hours
		for (Instant start = at("2026-02-01T00:00"); start.isBefore(at("2026-03-01T00:00")); start = start
			.plus(Duration.ofMinutes(15))) {
			for (int h = 0; h <= 40; h += 3) {
				Instant end = calendar2026.addWorkingHours(start, h);
				assertThat(calendar2026.workingDurationBetween(start, end)).as("%s + %dh", start, h).isEqualTo(Duration.ofHours(h));
				if (h > 0) {
					// the deadline is the first instant at which that much time has elapsed: just before, it had not
					assertThat(calendar2026.workingDurationBetween(start, end.minusSeconds(1))).isLessThan(Duration.ofHours(h));
					assertThat(calendar2026.isWorkingDay(LocalDate.ofInstant(end, SHANGHAI))).isTrue();
				}
			}
		}
	}

	@Test
	void theUsedShareOfADeadlineCountsWorkingTimeOnly() {
		Instant reported = at("2026-03-13T16:30"); // Friday
		Instant deadline = calendar2026.addWorkingHours(reported, 4); // Monday 11:30
		assertThat(calendar2026.elapsedShare(reported, deadline, at("2026-03-13T16:00"))).isZero();
		assertThat(calendar2026.elapsedShare(reported, deadline, at("2026-03-13T17:30"))).isEqualTo(0.25);
		assertThat(calendar2026.elapsedShare(reported, deadline, at("2026-03-15T12:00"))).isEqualTo(0.25); // Sunday
		assertThat(calendar2026.elapsedShare(reported, deadline, at("2026-03-16T10:42"))).isEqualTo(0.8);
		assertThat(calendar2026.elapsedShare(reported, deadline, deadline)).isEqualTo(1.0);
		assertThat(calendar2026.elapsedShare(reported, deadline, at("2026-03-16T15:00"))).isEqualTo(1.5);
		// a zero limit: nothing used before the deadline, all of it from the deadline on
		assertThat(calendar2026.elapsedShare(reported, reported, reported)).isZero();
		assertThat(calendar2026.elapsedShare(at("2026-03-14T10:00"), at("2026-03-14T12:00"), at("2026-03-14T11:00"))).isZero();
		assertThat(calendar2026.elapsedShare(at("2026-03-14T10:00"), at("2026-03-14T12:00"), at("2026-03-14T13:00"))).isEqualTo(1.0);
	}

	@Test
	void anUnmarkedCalendarFollowsTheWeek() {
		WorkingTime plain = new WorkingTime(SHANGHAI, WorkingTime.parsePeriods("09:00-17:00"), Map.of());
		for (LocalDate d = LocalDate.parse("2026-01-01"); d.isBefore(LocalDate.parse("2027-01-01")); d = d.plusDays(1)) {
			boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
			assertThat(plain.isWorkingDay(d)).as(d.toString()).isEqualTo(!weekend);
		}
		// from the start of Thursday, five working days end on Wednesday evening (an exact fit ends at a period's end)
		assertThat(plain.addWorkingDays(at("2026-01-01T09:00"), 5)).isEqualTo(at("2026-01-07T17:00"));
	}

	@Test
	void anotherZoneCountsInItsOwnLocalTime() {
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		WorkingTime inBerlin = new WorkingTime(berlin, WorkingTime.parsePeriods("08:00-12:00"), Map.of());
		// summer time starts on Sunday 29 March 2026; Friday 27 March 11:00 + 2h = Monday 30 March 09:00 local
		Instant start = LocalDateTime.parse("2026-03-27T11:00").atZone(berlin).toInstant();
		assertThat(inBerlin.addWorkingHours(start, 2)).isEqualTo(LocalDateTime.parse("2026-03-30T09:00").atZone(berlin).toInstant());
	}

	@Test
	void workingPeriodsAreParsedAndChecked() {
		assertThat(WorkingTime.parsePeriods(" 08:30-12:00 , 13:30-17:30 ")).hasSize(2);
		assertThatThrownBy(() -> WorkingTime.parsePeriods("8-12")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> WorkingTime.parsePeriods("12:00-08:00")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new WorkingTime(SHANGHAI, WorkingTime.parsePeriods("08:00-12:00,11:00-14:00"), Map.of()))
			.isInstanceOf(IllegalArgumentException.class);
		// given out of order, periods are sorted
		WorkingTime reversed = new WorkingTime(SHANGHAI, WorkingTime.parsePeriods("13:30-17:30,08:30-12:00"), days2026());
		assertThat(reversed.addWorkingHours(at("2026-03-10T11:00"), 2)).isEqualTo(at("2026-03-10T14:30"));
	}
}
