package org.chuangwen.system.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chuangwen.organisation.Actor;
import org.chuangwen.shared.CalendarDay;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.WorkingCalendar;
import org.chuangwen.system.CalendarAdministration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The working-time calendar: holidays and adjusted working days (节假日与调休). */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "calendar", description = "The city's working-time calendar: public holidays and adjusted working days")
class CalendarApi {

	/** One marked day. */
	record DayView(LocalDate date, String kind, String name, int version, String dayOfWeek) {

		static DayView of(CalendarDay day) {
			return new DayView(day.day(), day.kind().name(), day.name(), day.version(), day.day().getDayOfWeek().name());
		}
	}

	/** A working period of the day, in the city's zone. */
	record PeriodView(String from, String to) {
	}

	/** A year: its marked days and how many working days each month has. */
	record YearView(int year, String zone, List<PeriodView> workingHours, double hoursPerWorkingDay, int workingDays,
			List<Integer> workingDaysPerMonth, List<DayView> days) {
	}

	/** The body of a PUT: what the day is and its name. */
	record DayRequest(String kind, String name) {
	}

	private final WorkingCalendar calendar;

	private final CalendarAdministration administration;

	private final Clock clock;

	CalendarApi(WorkingCalendar calendar, CalendarAdministration administration, Clock clock) {
		this.calendar = calendar;
		this.administration = administration;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "A year of the calendar", description = "Any signed-in user. `year` defaults to the current "
			+ "one (2000–2100). Answers {year, zone, workingHours: [{from, to}], hoursPerWorkingDay, workingDays, "
			+ "workingDaysPerMonth: [12 numbers], days: [{date, kind: HOLIDAY|WORKDAY, name, version, dayOfWeek}]}. "
			+ "Unlisted days follow the week: Monday–Friday work, Saturday and Sunday rest.")
	YearView year(@RequestParam(required = false) Integer year) {
		int y = year == null ? LocalDate.now(clock.withZone(calendar.zone())).getYear() : year;
		if (y < WorkingCalendar.FIRST_YEAR || y > WorkingCalendar.LAST_YEAR) {
			throw new InvalidInputException("year", "calendar.day.yearRange", WorkingCalendar.FIRST_YEAR,
					WorkingCalendar.LAST_YEAR);
		}
		var time = calendar.current();
		List<Integer> perMonth = new java.util.ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			perMonth.add(time.workingDaysOf(YearMonth.of(y, m)).size());
		}
		return new YearView(y, calendar.zone().getId(),
				calendar.periods().stream().map(p -> new PeriodView(p.from().toString(), p.to().toString())).toList(),
				time.dayLength().toMinutes() / 60.0, perMonth.stream().mapToInt(Integer::intValue).sum(), perMonth,
				calendar.daysOf(y).stream().map(DayView::of).toList());
	}

	@PutMapping("/{date}")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'OFFICE_ADMIN')")
	@Operation(summary = "Mark a day", description = "Body {kind: HOLIDAY|WORKDAY, name}. The system administrator or the "
			+ "city's campaign office (403 for others, a district office included). 400 for a missing kind or name, a name "
			+ "over 50 characters, a WORKDAY that is not a Saturday or Sunday, a date outside 2000–2100. With If-Match "
			+ "(the day's version, from its ETag or the year's list) a stale version answers 409; without it the day is set "
			+ "whatever it was. Audited. Answers the day with ETag.")
	ResponseEntity<DayView> mark(@AuthenticationPrincipal Actor actor, @PathVariable String date,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody(required = false) DayRequest request) {
		DayRequest body = request == null ? new DayRequest(null, null) : request;
		CalendarDay day = administration.mark(actor, date(date), kind(body.kind()), body.name(), version(ifMatch));
		return ResponseEntity.ok().eTag("\"" + day.version() + "\"").body(DayView.of(day));
	}

	@DeleteMapping("/{date}")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'OFFICE_ADMIN')")
	@Operation(summary = "Unmark a day", description = "The day follows the week again. Same roles as PUT; 404 when the "
			+ "day is not marked, 409 when If-Match is stale. Audited. Answers 204.")
	ResponseEntity<Void> unmark(@AuthenticationPrincipal Actor actor, @PathVariable String date,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		administration.unmark(actor, date(date), version(ifMatch));
		return ResponseEntity.noContent().build();
	}

	static LocalDate date(String text) {
		try {
			return LocalDate.parse(text == null ? "" : text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("date", "calendar.date.invalid");
		}
	}

	static CalendarDay.Kind kind(String text) {
		if (text == null || text.isBlank()) {
			return null; // reported as required with the other fields
		}
		try {
			return CalendarDay.Kind.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("kind", "calendar.kind.unknown", text);
		}
	}

	static Integer version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return null;
		}
		String v = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
		try {
			return Integer.valueOf(v);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("If-Match", "calendar.version.invalid");
		}
	}
}
