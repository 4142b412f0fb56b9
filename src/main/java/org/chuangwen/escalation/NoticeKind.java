package org.chuangwen.escalation;

import java.util.Locale;
import java.util.Optional;

import org.chuangwen.shared.InvalidInputException;

/**
 * The steps of the escalation ladder, in order: copy notice (抄告单), rectification order (整改通知书), admonition
 * (约谈通知). Each kind is numbered on its own per year; {@code mark} is its character in the number
 * (创文抄〔2026〕第017号).
 */
public enum NoticeKind {

	COPY_NOTICE("抄"), RECTIFICATION_ORDER("整"), ADMONITION("约");

	private final String mark;

	NoticeKind(String mark) {
		this.mark = mark;
	}

	public String mark() {
		return mark;
	}

	/** The step after this one; the admonition is the last. */
	public Optional<NoticeKind> next() {
		return this == ADMONITION ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
	}

	public boolean isAfter(NoticeKind other) {
		return other == null || ordinal() > other.ordinal();
	}

	/** Whether the unit must answer this notice with a written explanation. */
	public boolean requiresExplanation() {
		return this == ADMONITION;
	}

	public String messageKey() {
		return "notice.kind." + name();
	}

	/** A kind from a filter or a request ({@code COPY_NOTICE} or {@code copy_notice}); blank is none. */
	public static NoticeKind parse(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "notice.kind.unknown", text);
		}
	}
}
