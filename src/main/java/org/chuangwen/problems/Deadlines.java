package org.chuangwen.problems;

import java.time.Duration;
import java.time.Instant;

import org.chuangwen.shared.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * Deadlines and the SLA light in working time: a category's default deadline counted on the working-time calendar
 * (weekends and public holidays left out), and how much of a problem's limit is used.
 */
@Component
class Deadlines {

	private final WorkingCalendar calendar;

	Deadlines(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	/** The category's default deadline from a start: so many working hours or working days later. */
	DeadlinePolicy policyFor(ProblemCategory category) {
		int value = category.deadlineValue();
		return switch (category.deadlineUnit()) {
			case WORKING_HOURS -> start -> calendar.addWorkingHours(start, value);
			case WORKING_DAYS -> start -> calendar.addWorkingDays(start, value);
		};
	}

	/** The SLA light of a problem at its unit, or {@code null} when no deadline runs against a unit. */
	SlaLight light(Problem p, Instant now) {
		if (!p.status().isAtUnit() || p.deadline() == null) {
			return null;
		}
		Instant start = p.clockStartedAt() != null ? p.clockStartedAt() : p.createdAt();
		if (now.isAfter(p.deadline())) {
			return SlaLight.RED;
		}
		Duration limit = calendar.workingDurationBetween(start, p.deadline());
		Duration used = now.isAfter(start) ? calendar.workingDurationBetween(start, now) : Duration.ZERO;
		return SlaLight.of(now, p.deadline(), used, limit);
	}
}
