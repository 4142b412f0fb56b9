package org.chuangwen.problems;

import java.time.Instant;

/**
 * How long a unit has, from the moment the clock starts: the category's default deadline on the working-time
 * calendar. Handed to the verbs that start a clock (dispatch, rework, reassignment, reopening).
 */
@FunctionalInterface
public interface DeadlinePolicy {

	Instant deadlineFrom(Instant start);
}
