package org.chuangwen.scoring;

import java.math.BigDecimal;

/**
 * The sums of a unit's (or a group's) per-day facts over a period, with its task, report and inspection figures: what
 * every indicator of {@link UnitPerformance} is computed from.
 */
public record FactSums(long dispatched, long disposed, long disposedOnTime, long closed, long closedOnTime,
		long rectified, long reworked, long everClosed, long relapsed, long overdue, long tasksDue, long tasksDone,
		long reportsDue, long reportsOnTime, BigDecimal passSum, long passApplicable) {

	public static final FactSums NONE = new FactSums(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0);

	public FactSums plus(FactSums o) {
		return new FactSums(dispatched + o.dispatched, disposed + o.disposed, disposedOnTime + o.disposedOnTime,
				closed + o.closed, closedOnTime + o.closedOnTime, rectified + o.rectified, reworked + o.reworked,
				everClosed + o.everClosed, relapsed + o.relapsed, overdue + o.overdue, tasksDue + o.tasksDue,
				tasksDone + o.tasksDone, reportsDue + o.reportsDue, reportsOnTime + o.reportsOnTime,
				passSum.add(o.passSum), passApplicable + o.passApplicable);
	}

	public FactSums withTasks(long due, long done, long reports, long reportsInTime) {
		return new FactSums(dispatched, disposed, disposedOnTime, closed, closedOnTime, rectified, reworked, everClosed,
				relapsed, overdue, due, done, reports, reportsInTime, passSum, passApplicable);
	}

	public FactSums withPass(BigDecimal sum, long applicable) {
		return new FactSums(dispatched, disposed, disposedOnTime, closed, closedOnTime, rectified, reworked, everClosed,
				relapsed, overdue, tasksDue, tasksDone, reportsDue, reportsOnTime, sum, applicable);
	}

	/** Only problem counts (no tasks, reports or inspections). */
	public static FactSums problems(long dispatched, long disposed, long disposedOnTime, long closed,
			long closedOnTime, long rectified, long reworked, long everClosed, long relapsed, long overdue) {
		return new FactSums(dispatched, disposed, disposedOnTime, closed, closedOnTime, rectified, reworked, everClosed,
				relapsed, overdue, 0, 0, 0, 0, BigDecimal.ZERO, 0);
	}
}
