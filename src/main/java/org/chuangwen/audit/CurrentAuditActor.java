package org.chuangwen.audit;

/** Tells the audit trail who is acting now; provided by the module that knows the signed-in user. */
public interface CurrentAuditActor {

	AuditActor current();
}
