package org.chuangwen.system.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chuangwen.audit.AuditTrail;
import org.chuangwen.audit.AuditVerification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit", description = "The append-only, hash-chained audit trail")
class AuditApi {

	private final AuditTrail audit;

	AuditApi(AuditTrail audit) {
		this.audit = audit;
	}

	@GetMapping("/verify")
	@PreAuthorize("hasAnyRole('AUDIT_ADMIN', 'SECURITY_ADMIN')")
	@Operation(summary = "Check the audit chain", description = "Links every committed record, then recomputes every "
			+ "row's hash in chain order. Answers {\"ok\": true, \"checked\": N, \"pending\": P} (P: records committed "
			+ "meanwhile, not yet linked) or the first broken row: brokenSeq and problem (edited, missing, truncated, unlinked).")
	AuditVerification verify() {
		return audit.verify();
	}
}
