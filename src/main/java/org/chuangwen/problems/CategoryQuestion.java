package org.chuangwen.problems;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chuangwen.shared.InvalidInputException;

/**
 * An extra question a category asks of the reporter (e.g. "state of the bin" for overflowing bins), with its type and,
 * for choices, the allowed answers. Open311 publishes them as the attributes of a service definition.
 *
 * @param code the question's code within the category (lower case, e.g. {@code bin_state})
 * @param sortOrder 1 is asked first
 */
public record CategoryQuestion(String categoryCode, String code, Datatype datatype, boolean required, String prompt,
		String promptEn, String hint, String hintEn, int sortOrder, List<Choice> choices) {

	/** The kinds of answer (Open311 datatypes: string, number, datetime, text, singlevaluelist, multivaluelist). */
	public enum Datatype {

		STRING, NUMBER, DATETIME, TEXT, SINGLE_CHOICE, MULTIPLE_CHOICE;

		public boolean isChoice() {
			return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
		}
	}

	/** An allowed answer of a choice question. */
	public record Choice(String key, String name, String nameEn) {

		public String displayName(Locale locale) {
			return locale != null && "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : name;
		}
	}

	/** The longest answer kept. */
	public static final int MAX_ANSWER = 2000;

	public CategoryQuestion {
		choices = choices == null ? List.of() : List.copyOf(choices);
	}

	public String displayPrompt(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? promptEn : prompt;
	}

	public String displayHint(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? hintEn : hint;
	}

	/**
	 * The answer checked against the question: the values kept (several only for a multiple choice), or errors added
	 * under the field {@code attribute[code]}. A missing answer to an optional question is an empty list.
	 */
	List<String> check(List<String> given, List<InvalidInputException.FieldError> errors) {
		String field = "attribute[" + code + "]";
		List<String> values = new ArrayList<>();
		if (given != null) {
			for (String v : given) {
				if (v != null && !v.isBlank()) {
					values.add(v.strip());
				}
			}
		}
		values = values.stream().distinct().toList();
		if (values.isEmpty()) {
			if (required) {
				errors.add(new InvalidInputException.FieldError(field, "problem.answer.required", displayPrompt(null)));
			}
			return List.of();
		}
		if (values.size() > 1 && datatype != Datatype.MULTIPLE_CHOICE) {
			errors.add(new InvalidInputException.FieldError(field, "problem.answer.single"));
			return List.of();
		}
		for (String v : values) {
			if (v.codePointCount(0, v.length()) > MAX_ANSWER) {
				errors.add(new InvalidInputException.FieldError(field, "error.field.tooLong", MAX_ANSWER));
				return List.of();
			}
			boolean ok = switch (datatype) {
				case STRING -> v.length() <= 200 && v.indexOf('\n') < 0;
				case TEXT -> true;
				case NUMBER -> isNumber(v);
				case DATETIME -> isDateTime(v);
				case SINGLE_CHOICE, MULTIPLE_CHOICE -> choices.stream().anyMatch(c -> c.key().equals(v));
			};
			if (!ok) {
				errors.add(new InvalidInputException.FieldError(field, "problem.answer.invalid." + datatype.name(), v));
				return List.of();
			}
		}
		return values;
	}

	private static boolean isNumber(String v) {
		try {
			double d = Double.parseDouble(v);
			return Double.isFinite(d) && !v.endsWith("d") && !v.endsWith("D") && !v.endsWith("f") && !v.endsWith("F");
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static boolean isDateTime(String v) {
		try {
			OffsetDateTime.parse(v);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}
}
