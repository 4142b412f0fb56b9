package org.chuangwen.inspections;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One observation as the higher floors see it, with the point's place and responsibility as they were when it was
 * observed (snapshots, so a later reassignment does not rewrite history): {@code getFraction} is the effective get
 * fraction (see {@link ObservationResult#getFraction}), {@code null} when not applicable. {@code streetId} and
 * {@code commandPostId} may be {@code null} where the point has none. {@code problemId} is the problem the observation
 * created (a non-compliant item), else {@code null}.
 */
public record ObservationFact(UUID observationId, UUID roundId, RoundKind roundKind, UUID frameworkId,
		UUID standardId, UUID pointId, String pointTypeCode, UUID districtId, UUID streetId, UUID unitId,
		UUID commandPostId, UUID leaderPersonId, UUID personId, ObservationResult result, BigDecimal getFraction,
		Instant observedAt, UUID problemId) {

	/** A fact without a problem (tests, benchmarks, callers written before the problem link). */
	public ObservationFact(UUID observationId, UUID roundId, RoundKind roundKind, UUID frameworkId, UUID standardId,
			UUID pointId, String pointTypeCode, UUID districtId, UUID streetId, UUID unitId, UUID commandPostId,
			UUID leaderPersonId, UUID personId, ObservationResult result, BigDecimal getFraction, Instant observedAt) {
		this(observationId, roundId, roundKind, frameworkId, standardId, pointId, pointTypeCode, districtId, streetId,
				unitId, commandPostId, leaderPersonId, personId, result, getFraction, observedAt, null);
	}
}
