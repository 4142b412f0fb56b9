package org.chuangwen.organisation;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An account that can sign in. The password hash never leaves the organisation and system modules' login path. */
public record UserAccount(UUID id, String username, String passwordHash, String displayName, UUID personId,
		UUID unitId, UUID jurisdictionId, boolean enabled, int failedAttempts, Instant lockedUntil,
		Instant passwordChangedAt, boolean mustChangePassword, Instant lastLoginAt, int version, Set<Role> roles) {

	public boolean isLockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}
}
