package org.chuangwen.system;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.JurisdictionLevel;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.Role;
import org.chuangwen.shared.CalendarDay;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.WorkingCalendar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editing the city's working-time calendar (节假日与调休): the system administrator and the city's campaign office (an
 * OFFICE_ADMIN whose jurisdiction is the city or above; a district office may not change the city's calendar) mark and
 * unmark days. Every change is audited in the transaction that makes it.
 */
@Service
public class CalendarAdministration {

	private final WorkingCalendar calendar;

	private final OrganisationDirectory organisation;

	private final AuditTrail audit;

	CalendarAdministration(WorkingCalendar calendar, OrganisationDirectory organisation, AuditTrail audit) {
		this.calendar = calendar;
		this.organisation = organisation;
		this.audit = audit;
	}

	/** Whether this actor may change the calendar. */
	@Transactional(readOnly = true)
	public boolean mayEdit(Actor actor) {
		if (actor == null) {
			return false;
		}
		if (actor.has(Role.SYSTEM_ADMIN)) {
			return true;
		}
		if (!actor.has(Role.OFFICE_ADMIN) || actor.jurisdictionId() == null) {
			return false;
		}
		return organisation.jurisdiction(actor.jurisdictionId())
			.map(Jurisdiction::level)
			.map(level -> level.ordinal() <= JurisdictionLevel.CITY.ordinal())
			.orElse(false);
	}

	/** Marks a day (new or changed); see {@link WorkingCalendar#mark}. */
	@Transactional
	public CalendarDay mark(Actor actor, LocalDate day, CalendarDay.Kind kind, String name, Integer expectedVersion) {
		requireEditor(actor);
		WorkingCalendar.Change change = calendar.mark(day, kind, name, expectedVersion);
		CalendarDay after = change.after().orElseThrow();
		audit.record(change.before().isPresent() ? "calendar.day.changed" : "calendar.day.marked", "calendarDay", day,
				state(change.before()), state(change.after()), null);
		return after;
	}

	/** Unmarks a day: it follows the week again; see {@link WorkingCalendar#unmark}. */
	@Transactional
	public void unmark(Actor actor, LocalDate day, Integer expectedVersion) {
		requireEditor(actor);
		WorkingCalendar.Change change = calendar.unmark(day, expectedVersion);
		audit.record("calendar.day.unmarked", "calendarDay", day, state(change.before()), null, null);
	}

	/** The audited changes of one day, newest first (also of a day no longer marked). */
	@Transactional(readOnly = true)
	public java.util.List<org.chuangwen.audit.AuditEvent> history(LocalDate day) {
		return audit.historyOf("calendarDay", day, 20);
	}

	private void requireEditor(Actor actor) {
		if (!mayEdit(actor)) {
			throw new ForbiddenException("calendar.forbidden");
		}
	}

	private static Map<String, Object> state(Optional<CalendarDay> day) {
		if (day.isEmpty()) {
			return null;
		}
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("day", day.get().day().toString());
		state.put("kind", day.get().kind().name());
		state.put("name", day.get().name());
		state.put("version", day.get().version());
		return state;
	}
}
