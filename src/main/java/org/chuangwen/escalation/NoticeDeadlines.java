package org.chuangwen.escalation;

import java.time.Instant;
import java.util.UUID;

import org.chuangwen.shared.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * A notice's deadline: the working days its kind gives (chuangwen.escalation.*-days) after it was issued, counted on
 * the city's working-time calendar (weekends and public holidays do not count).
 */
@Component
class NoticeDeadlines {

	private final WorkingCalendar calendar;

	private final EscalationSettings settings;

	NoticeDeadlines(WorkingCalendar calendar, EscalationSettings settings) {
		this.calendar = calendar;
		this.settings = settings;
	}

	/** The deadline of a notice of this kind issued at {@code issuedAt} to a unit of this jurisdiction. */
	Instant deadline(NoticeKind kind, Instant issuedAt, UUID jurisdictionId) {
		return calendar.addWorkingDays(issuedAt, settings.workingDays(kind));
	}
}
