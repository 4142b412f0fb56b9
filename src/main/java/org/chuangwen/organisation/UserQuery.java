package org.chuangwen.organisation;

import java.util.UUID;

/**
 * Filters of the user list; every part is optional.
 *
 * @param text part of the username or the display name
 */
public record UserQuery(String text, Role role, UUID unitId, UUID jurisdictionId) {

	public static UserQuery everyone() {
		return new UserQuery(null, null, null, null);
	}
}
