package org.chuangwen.shared;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The thing asked for does not exist, or the caller may not know that it exists (404). {@code what} names the kind
 * of thing; its display name is the message {@code object.<what>} ("单位", "unit"), falling back to {@code what}.
 */
public class NotFoundException extends DomainException {

	public NotFoundException(String what, Object id) {
		super("error.notFound", new DefaultMessageSourceResolvable(new String[] { "object." + what }, what),
				String.valueOf(id));
	}
}
