package org.chuangwen.shared;

/** The thing asked for does not exist, or the caller may not know that it exists (404). */
public class NotFoundException extends DomainException {

	public NotFoundException(String what, Object id) {
		super("error.notFound", what, String.valueOf(id));
	}
}
