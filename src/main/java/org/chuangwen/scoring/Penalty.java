package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An entry of the penalties ledger (DOMAIN §9): what a unit is penalised for, the civility bonus points and annual
 * appraisal percentage points it loses, whether it loses award eligibility, with evidence files. Revoked with a reason,
 * never deleted.
 */
public record Penalty(UUID id, UUID unitId, String unitName, String jurisdictionPath, Kind kind, LocalDate occurredOn,
		String reason, BigDecimal bonusPoints, BigDecimal appraisalPoints, boolean losesAward, Instant recordedAt,
		UUID recordedBy, String recordedByName, Instant revokedAt, UUID revokedBy, String revokeReason, int version,
		List<Evidence> evidence) {

	public enum Kind {
		/** 公务车辆交通违法 */
		OFFICIAL_VEHICLE_VIOLATION,
		/** 扣减文明加分 */
		BONUS_DEDUCTION,
		/** 取消评先评优资格 */
		AWARD_INELIGIBLE,
		/** 其他 */
		OTHER;

		public String messageKey() {
			return "evaluation.penalty.kind." + name();
		}
	}

	/** A file that proves the penalty. */
	public record Evidence(UUID blobId, String filename) {
	}

	public boolean isRevoked() {
		return revokedAt != null;
	}

	public Penalty withEvidence(List<Evidence> files) {
		return new Penalty(id, unitId, unitName, jurisdictionPath, kind, occurredOn, reason, bonusPoints,
				appraisalPoints, losesAward, recordedAt, recordedBy, recordedByName, revokedAt, revokedBy, revokeReason,
				version, List.copyOf(files));
	}
}
