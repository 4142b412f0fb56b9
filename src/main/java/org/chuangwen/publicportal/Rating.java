package org.chuangwen.publicportal;

import java.util.Locale;
import java.util.Optional;

/** A reporter's rating of how their report was handled (满意 / 基本满意 / 不满意). */
public enum Rating {

	SATISFIED, BASIC, UNSATISFIED;

	public String messageKey() {
		return "public.rating." + name();
	}

	static Optional<Rating> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}
}
