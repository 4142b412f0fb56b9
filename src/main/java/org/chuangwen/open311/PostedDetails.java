package org.chuangwen.open311;

import java.time.Instant;

/**
 * What a third-party app sent with a request, the reporter's personal data included: for the campaign office only
 * (never for the handling unit, never in a GET answer).
 */
public record PostedDetails(java.util.UUID problemId, String app, Instant requestedAt, String addressString, String addressId, String mediaUrl,
		String email, String deviceId, String accountId, String firstName, String lastName, String phone) {
}
