package org.chuangwen.shared;

/** The request collides with the current state: a stale version or a duplicate (409). */
public class ConflictException extends DomainException {

	public ConflictException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

	public static ConflictException staleVersion(String what) {
		return new ConflictException("error.staleVersion", what);
	}
}
