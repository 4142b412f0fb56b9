package org.chuangwen.problems;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The SLA light of a problem at its unit (DOMAIN §8): green while less than 80 % of the working-time limit is used,
 * yellow from 80 % up to the deadline, red once overdue. Working time is measured on the working-time calendar.
 */
public enum SlaLight {

	GREEN, YELLOW, RED;

	/** The share of the limit at which the light turns yellow. */
	public static final double YELLOW_FROM = 0.8;

	/**
	 * The light for a deadline: red when {@code now} is past it, otherwise by the share of the working-time limit used
	 * ({@code used} of {@code limit}, both in working time from when the clock started).
	 */
	public static SlaLight of(Instant now, Instant deadline, Duration used, Duration limit) {
		if (now.isAfter(deadline)) {
			return RED;
		}
		if (limit.isZero() || limit.isNegative()) {
			return used.isZero() ? GREEN : YELLOW;
		}
		double share = (double) used.toSeconds() / limit.toSeconds();
		return share >= YELLOW_FROM ? YELLOW : GREEN;
	}

	public String apiName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String messageKey() {
		return "problem.sla." + name();
	}
}
