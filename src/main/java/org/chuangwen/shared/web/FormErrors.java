package org.chuangwen.shared.web;

import org.chuangwen.shared.DomainException;
import org.chuangwen.shared.InvalidInputException;
import org.springframework.validation.BindingResult;

/** Puts a domain refusal onto a page form, so the form is shown again with each message next to its field. */
public final class FormErrors {

	private FormErrors() {
	}

	public static void apply(DomainException ex, BindingResult result) {
		if (ex instanceof InvalidInputException invalid) {
			for (InvalidInputException.FieldError error : invalid.errors()) {
				if (result.getTarget() != null && isField(result, error.field())) {
					result.rejectValue(error.field(), error.messageKey(), error.arguments().toArray(), error.messageKey());
				}
				else {
					result.reject(error.messageKey(), error.arguments().toArray(), error.messageKey());
				}
			}
		}
		else {
			result.reject(ex.messageKey(), ex.arguments(), ex.messageKey());
		}
	}

	private static boolean isField(BindingResult result, String field) {
		try {
			result.getFieldType(field);
			return result.getFieldType(field) != null;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}
}
