package org.chuangwen.shared;

import java.util.List;

/**
 * A rule of the domain refused a request. Carries a message key (resolved in the user's language at the edge)
 * and its arguments; the web layer maps each subclass to its HTTP status.
 */
public abstract class DomainException extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	protected DomainException(String messageKey, Object... arguments) {
		super(messageKey + (arguments.length == 0 ? "" : " " + List.of(arguments)));
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}
