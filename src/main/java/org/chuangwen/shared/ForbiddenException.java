package org.chuangwen.shared;

/** The caller is known but the thing lies outside its role or its scope (403). */
public class ForbiddenException extends DomainException {

	public ForbiddenException() {
		super("error.forbidden");
	}

	public ForbiddenException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}
}
