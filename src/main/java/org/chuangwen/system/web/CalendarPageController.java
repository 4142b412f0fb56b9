package org.chuangwen.system.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.chuangwen.organisation.Actor;
import org.chuangwen.shared.CalendarDay;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.WorkingCalendar;
import org.chuangwen.shared.WorkingTime;
import org.chuangwen.system.CalendarAdministration;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/calendar}: the year's holidays and adjusted working days, month by month. Every signed-in user reads
 * it; the system administrator and the city's campaign office add, change and remove days (audited).
 */
@Controller
class CalendarPageController {

	/** One cell of a month grid: a day (null for the padding before the 1st) and what it is. */
	record DayCell(LocalDate date, boolean working, CalendarDay marked) {

		boolean weekend() {
			return date != null && (date.getDayOfWeek().getValue() >= 6);
		}

		public String css() {
			if (date == null) {
				return "";
			}
			if (marked != null) {
				return marked.kind() == CalendarDay.Kind.HOLIDAY ? "cw-cal-holiday" : "cw-cal-workday";
			}
			return working ? "" : "cw-cal-weekend";
		}
	}

	/** A month: its weeks (Monday first), its marked days and its number of working days. */
	record MonthView(YearMonth month, List<List<DayCell>> weeks, List<CalendarDay> marked, int workingDays) {
	}

	/** The add/change form's values. */
	record DayForm(String date, String kind, String name, String version) {
	}

	private final WorkingCalendar calendar;

	private final CalendarAdministration administration;

	private final MessageSource messages;

	private final Clock clock;

	CalendarPageController(WorkingCalendar calendar, CalendarAdministration administration, MessageSource messages,
			Clock clock) {
		this.calendar = calendar;
		this.administration = administration;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/admin/calendar")
	String year(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String year,
			@RequestParam(required = false) String edit, Model model) {
		int y = year(year);
		DayForm form = new DayForm("", "HOLIDAY", "", "");
		if (edit != null && !edit.isBlank()) {
			LocalDate day = CalendarApi.date(edit);
			form = calendar.day(day)
				.map(d -> new DayForm(d.day().toString(), d.kind().name(), d.name(), String.valueOf(d.version())))
				.orElse(new DayForm(day.toString(), day.getDayOfWeek().getValue() >= 6 ? "WORKDAY" : "HOLIDAY", "", ""));
			if (administration.mayEdit(actor)) {
				model.addAttribute("history", administration.history(day));
			}
		}
		return view(actor, y, form, Map.of(), model);
	}

	@PostMapping("/admin/calendar/days")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'OFFICE_ADMIN')")
	String mark(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String date,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String name,
			@RequestParam(required = false) String version, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		DayForm form = new DayForm(date, kind, name, version);
		LocalDate day = null;
		try {
			day = date == null || date.isBlank() ? null : CalendarApi.date(date);
			administration.mark(actor, day, CalendarApi.kind(kind), name, version == null || version.isBlank() ? null
					: CalendarApi.version(version));
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			int y = day != null && day.getYear() >= WorkingCalendar.FIRST_YEAR && day.getYear() <= WorkingCalendar.LAST_YEAR
					? day.getYear() : LocalDate.now(clock.withZone(calendar.zone())).getYear();
			return view(actor, y, form, errors(ex, locale), model);
		}
		redirect.addFlashAttribute("notice", "calendar.saved");
		return "redirect:/admin/calendar?year=" + day.getYear() + "#m-" + day.getMonthValue();
	}

	@PostMapping("/admin/calendar/days/{date}/delete")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'OFFICE_ADMIN')")
	String unmark(@AuthenticationPrincipal Actor actor, @PathVariable String date,
			@RequestParam(required = false) String version, RedirectAttributes redirect) {
		LocalDate day = CalendarApi.date(date);
		administration.unmark(actor, day, version == null || version.isBlank() ? null : CalendarApi.version(version));
		redirect.addFlashAttribute("notice", "calendar.removed");
		return "redirect:/admin/calendar?year=" + day.getYear() + "#m-" + day.getMonthValue();
	}

	private String view(Actor actor, int year, DayForm form, Map<String, String> errors, Model model) {
		WorkingTime time = calendar.current();
		Map<LocalDate, CalendarDay> marked = new HashMap<>();
		List<CalendarDay> days = calendar.daysOf(year);
		days.forEach(d -> marked.put(d.day(), d));
		List<MonthView> months = new ArrayList<>();
		int total = 0;
		for (int m = 1; m <= 12; m++) {
			YearMonth month = YearMonth.of(year, m);
			List<List<DayCell>> weeks = new ArrayList<>();
			List<DayCell> week = new ArrayList<>();
			for (int pad = 1; pad < month.atDay(1).getDayOfWeek().getValue(); pad++) {
				week.add(new DayCell(null, false, null));
			}
			int working = 0;
			for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
				boolean w = time.isWorkingDay(d);
				working += w ? 1 : 0;
				week.add(new DayCell(d, w, marked.get(d)));
				if (week.size() == 7) {
					weeks.add(week);
					week = new ArrayList<>();
				}
			}
			if (!week.isEmpty()) {
				while (week.size() < 7) {
					week.add(new DayCell(null, false, null));
				}
				weeks.add(week);
			}
			total += working;
			months.add(new MonthView(month, weeks, days.stream().filter(d -> YearMonth.from(d.day()).equals(month)).toList(),
					working));
		}
		model.addAttribute("year", year);
		model.addAttribute("months", months);
		model.addAttribute("workingDays", total);
		model.addAttribute("periods", calendar.periods());
		model.addAttribute("hoursPerDay", time.dayLength().toMinutes() / 60.0);
		model.addAttribute("zone", calendar.zone());
		model.addAttribute("mayEdit", administration.mayEdit(actor));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("firstYear", WorkingCalendar.FIRST_YEAR);
		model.addAttribute("lastYear", WorkingCalendar.LAST_YEAR);
		return "system/calendar";
	}

	private int year(String text) {
		if (text == null || text.isBlank()) {
			return LocalDate.now(clock.withZone(calendar.zone())).getYear();
		}
		try {
			int y = Integer.parseInt(text.strip());
			if (y >= WorkingCalendar.FIRST_YEAR && y <= WorkingCalendar.LAST_YEAR) {
				return y;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new InvalidInputException("year", "calendar.day.yearRange", WorkingCalendar.FIRST_YEAR, WorkingCalendar.LAST_YEAR);
	}

	private Map<String, String> errors(InvalidInputException ex, Locale locale) {
		Map<String, String> result = new LinkedHashMap<>();
		for (InvalidInputException.FieldError e : ex.errors()) {
			result.putIfAbsent(e.field(), messages.getMessage(e.messageKey(), e.arguments().toArray(), e.messageKey(), locale));
		}
		return result;
	}
}
