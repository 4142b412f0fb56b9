package org.chuangwen.escalation;

import java.util.Locale;

import org.chuangwen.shared.InvalidInputException;

/**
 * Where a notice stands: issued (the unit must act; an admonition also awaits the unit's written explanation),
 * answered (the admonition's explanation was submitted), resolved (every problem it lists was closed, rejected or
 * merged) or superseded (a problem it lists went on to the next step).
 */
public enum NoticeState {

	ISSUED, ANSWERED, RESOLVED, SUPERSEDED;

	public boolean isOpen() {
		return this == ISSUED || this == ANSWERED;
	}

	public String messageKey() {
		return "notice.state." + name();
	}

	public static NoticeState parse(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "notice.state.unknown", text);
		}
	}
}
