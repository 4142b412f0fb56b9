package org.chuangwen.audit;

import java.time.Instant;

/** One recorded change of state, as read back for a history panel. */
public record AuditEvent(long seq, Instant occurredAt, String actorId, String actorName, String action,
		String objectType, String objectId, String reason, String before, String after) {
}
