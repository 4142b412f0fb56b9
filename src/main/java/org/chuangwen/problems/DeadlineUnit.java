package org.chuangwen.problems;

/** The unit of a category's default deadline, counted on the working-time calendar. */
public enum DeadlineUnit {

	WORKING_HOURS, WORKING_DAYS;

	public String messageKey() {
		return "problem.deadlineUnit." + name();
	}
}
