package org.chuangwen.audit;

/**
 * The result of checking the chain: {@code ok} with the number of linked rows checked, or the first broken row and
 * what is wrong with it ({@code edited}: the row's content no longer matches its hash; {@code missing}: rows before it
 * were deleted; {@code truncated}: the newest links were deleted, the chain now ends at {@code brokenSeq};
 * {@code unlinked}: a row that is neither in the chain nor waiting to be linked). {@code pending} counts the rows
 * committed but not yet linked into the chain (records made while the check ran): they are not broken, their content
 * hash was checked, and the next check includes them.
 */
public record AuditVerification(boolean ok, long checked, Long brokenSeq, String problem, long pending) {

	static AuditVerification intact(long checked, long pending) {
		return new AuditVerification(true, checked, null, null, pending);
	}

	static AuditVerification broken(long checked, long seq, String problem) {
		return new AuditVerification(false, checked, seq, problem, 0);
	}
}
