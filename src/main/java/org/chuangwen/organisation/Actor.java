package org.chuangwen.organisation;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in user as every module sees it: roles, the unit and/or jurisdiction the account is bound to, and the
 * materialised path of the jurisdiction that bounds what it may see. Held in the (database-backed) session.
 *
 * @param jurisdictionPath the path of the account's jurisdiction, or of its unit's jurisdiction for unit accounts
 */
public record Actor(UUID userId, String username, String displayName, Set<Role> roles, UUID unitId,
		UUID jurisdictionId, String jurisdictionPath) implements Serializable, Principal {

	@Serial
	private static final long serialVersionUID = 1L;

	public Actor {
		roles = Set.copyOf(roles);
	}

	/** The username: what Spring Security and the session registry know the actor by. */
	@Override
	public String getName() {
		return username;
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/**
	 * The role a page asks to act in (e.g. {@code ?role=UNIT_ADMIN} of a home panel): 400 when it names no role, 403
	 * when this actor does not hold it.
	 */
	public Role actingAs(String role) {
		Role as;
		try {
			as = Role.valueOf(role.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new org.chuangwen.shared.InvalidInputException("role", "home.role.unknown", role);
		}
		if (!has(as)) {
			throw new org.chuangwen.shared.ForbiddenException();
		}
		return as;
	}

	public boolean hasAny(Role... wanted) {
		for (Role role : wanted) {
			if (roles.contains(role)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A unit-bound account (unit admin or staff without any jurisdiction-wide role) sees only its own unit's data.
	 */
	public boolean isUnitBound() {
		return unitId != null && roles.stream().allMatch(Role.UNIT_ROLES::contains);
	}

	/** Whether a jurisdiction (given by its path) lies inside this actor's jurisdiction. */
	public boolean covers(String path) {
		return jurisdictionPath != null && path != null && path.startsWith(jurisdictionPath);
	}

	/** The path prefix that bounds this actor's queries. */
	public String scopePath() {
		return jurisdictionPath;
	}

	/** Holds only administrator roles (system, security, audit): no business pages. */
	public boolean isAdministratorOnly() {
		return !roles.isEmpty() && roles.stream().allMatch(Role::isAdministrator);
	}

	public boolean isOfficeAdmin() {
		return roles.contains(Role.OFFICE_ADMIN);
	}
}
