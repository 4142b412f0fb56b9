package org.chuangwen.audit;

/**
 * The result of checking the chain: {@code ok} with the number of rows checked, or the first broken row and what is
 * wrong with it ({@code edited}: the row's content no longer matches its hash; {@code missing}: rows before it
 * were deleted; {@code truncated}: the newest rows were deleted).
 */
public record AuditVerification(boolean ok, long checked, Long brokenSeq, String problem) {

	static AuditVerification intact(long checked) {
		return new AuditVerification(true, checked, null, null);
	}

	static AuditVerification broken(long checked, long seq, String problem) {
		return new AuditVerification(false, checked, seq, problem);
	}
}
