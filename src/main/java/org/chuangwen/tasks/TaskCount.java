package org.chuangwen.tasks;

/**
 * One line of the office's overview: a group (a unit, a criterion or a status) with how many of its tasks are in each
 * state, how many are overdue, and its total weight.
 */
public record TaskCount(String key, String code, String name, long total, long issued, long claimed, long inProgress,
		long submitted, long accepted, long returned, long cancelled, long overdue) {

	/** Share of accepted tasks among those not cancelled, in whole percent. */
	public long acceptedPercent() {
		long counted = total - cancelled;
		return counted <= 0 ? 0 : Math.round(accepted * 100.0 / counted);
	}
}
