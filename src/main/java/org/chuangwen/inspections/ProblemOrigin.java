package org.chuangwen.inspections;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a problem created by an inspection observation came from (the problem page's "来自督查" link): the round, the
 * sampled point and the standard found non-compliant, and when.
 */
public record ProblemOrigin(UUID roundId, String roundName, RoundKind roundKind, RoundStatus roundStatus, UUID pointId,
		String pointCode, String pointName, UUID standardId, String standardCode, String standardContent,
		Instant observedAt) {

	public boolean closed() {
		return roundStatus == RoundStatus.CLOSED;
	}
}
