package org.chuangwen.open311;

import java.time.Instant;
import java.util.UUID;

/**
 * An API key of a third-party app (Open311 POST requests), issued by a campaign office for its jurisdiction. Only the
 * key's hash is kept; {@code prefix} (its first characters) lets the office recognise it.
 */
public record ApiKey(UUID id, String name, String contact, String prefix, UUID jurisdictionId, Instant issuedAt,
		UUID issuedBy, Instant revokedAt, UUID revokedBy, String revokeReason, Instant lastUsedAt, int version) {

	public boolean active() {
		return revokedAt == null;
	}
}
