package org.chuangwen.organisation;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An account as administrators see it: who, which roles, bound to which unit and/or jurisdiction, and its state. Never
 * carries the password hash.
 *
 * @param scopePath the path of the jurisdiction that bounds the account (its own, else its unit's)
 */
public record UserProfile(UUID id, String username, String displayName, Set<Role> roles, UUID unitId, String unitCode,
		String unitName, UUID jurisdictionId, String jurisdictionCode, String jurisdictionName,
		JurisdictionLevel jurisdictionLevel, String scopePath, boolean enabled, int failedAttempts, Instant lockedUntil,
		Instant passwordChangedAt, boolean mustChangePassword, Instant lastLoginAt, Instant createdAt, int version) {

	public UserProfile {
		roles = Set.copyOf(roles);
	}

	public boolean isLockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	public boolean holdsAdministratorRole() {
		return roles.stream().anyMatch(Role::isAdministrator);
	}
}
