package org.chuangwen.notifications;

/**
 * The rungs of the reminder ladder (三次催报, DOMAIN §5): D−7 to the unit's liaison, D−5 to the unit head, D−3 to the
 * responsible leader (offsets configurable, see {@link ReminderOffsets}); at D the deadline lands on the
 * accountability list (问责清单) and the liaison and the unit head are told so.
 */
public enum ReminderStep {

	LIAISON, HEAD, LEADER, OVERDUE;

	/** The message key of the step's name. */
	public String messageKey() {
		return "notifications.step." + name();
	}
}
