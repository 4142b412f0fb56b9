package org.chuangwen.shared;

import java.util.ArrayList;
import java.util.List;

/** Collects every field error of a command before refusing it, so a form shows all of them at once. */
public final class Validation {

	private final List<InvalidInputException.FieldError> errors = new ArrayList<>();

	public Validation required(String field, String value) {
		if (value == null || value.isBlank()) {
			reject(field, "error.field.required");
		}
		return this;
	}

	public Validation required(String field, Object value) {
		if (value == null) {
			reject(field, "error.field.required");
		}
		return this;
	}

	public Validation maxLength(String field, String value, int max) {
		if (value != null && value.codePointCount(0, value.length()) > max) {
			reject(field, "error.field.tooLong", max);
		}
		return this;
	}

	public Validation pattern(String field, String value, String regex, String messageKey) {
		if (value != null && !value.isBlank() && !value.matches(regex)) {
			reject(field, messageKey);
		}
		return this;
	}

	public Validation check(boolean ok, String field, String messageKey, Object... arguments) {
		if (!ok) {
			reject(field, messageKey, arguments);
		}
		return this;
	}

	public Validation reject(String field, String messageKey, Object... arguments) {
		errors.add(new InvalidInputException.FieldError(field, messageKey, arguments));
		return this;
	}

	public boolean hasErrors() {
		return !errors.isEmpty();
	}

	public List<InvalidInputException.FieldError> errors() {
		return List.copyOf(errors);
	}

	public void throwIfInvalid() {
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}
}
