package org.chuangwen.shared;

import java.util.List;

/** One or more fields of a request are invalid (400 in the API, the form shown again on pages). */
public class InvalidInputException extends DomainException {

	/** One field's problem: the field name and a message key with its arguments. */
	public record FieldError(String field, String messageKey, List<Object> arguments) {

		public FieldError(String field, String messageKey, Object... arguments) {
			this(field, messageKey, List.of(arguments));
		}
	}

	private final transient List<FieldError> errors;

	public InvalidInputException(String field, String messageKey, Object... arguments) {
		this(List.of(new FieldError(field, messageKey, arguments)));
	}

	public InvalidInputException(List<FieldError> errors) {
		super("error.invalidInput");
		if (errors.isEmpty()) {
			throw new IllegalArgumentException("an invalid input names at least one field");
		}
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return errors;
	}
}
