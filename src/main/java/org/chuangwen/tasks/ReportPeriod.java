package org.chuangwen.tasks;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The stretch of time one report covers: from the previous report's close ({@code start}) to this report's close
 * ({@code end}, the deadline) on the report day {@code date}, which names the period (a Friday for a weekly report, a
 * working day for a daily one). Periods follow each other without gap or overlap.
 */
public record ReportPeriod(ReportKind kind, LocalDate date, Instant start, Instant end) {

	public boolean contains(Instant instant) {
		return !instant.isBefore(start) && instant.isBefore(end);
	}
}
