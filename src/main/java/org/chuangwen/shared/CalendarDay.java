package org.chuangwen.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * A day marked in the working-time calendar: a public holiday (法定节假日, also the weekend days inside a holiday
 * span) or an adjusted working day (调休上班, a Saturday or Sunday worked in exchange). Unmarked days follow the week:
 * Monday to Friday work, Saturday and Sunday rest.
 */
public record CalendarDay(LocalDate day, Kind kind, String name, int version) {

	/** What a marked day is. */
	public enum Kind {
		/** 节假日: no working time that day. */
		HOLIDAY,
		/** 调休上班: a weekend day with full working hours. */
		WORKDAY;

		public String messageKey() {
			return "calendar.kind." + name();
		}
	}

	public boolean isWeekend() {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
	}
}
