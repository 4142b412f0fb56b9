package org.chuangwen.system;

import java.util.Map;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.shared.RuleViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A write endpoint that exists only in tests: each call appends one audit record for the given subject. */
@RestController
class IdempotencyProbe {

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	IdempotencyProbe(AuditTrail audit, JdbcClient jdbc) {
		this.audit = audit;
		this.jdbc = jdbc;
	}

	@PostMapping("/api/v1/test-probe/{subject}")
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	Map<String, Object> write(@PathVariable String subject, @RequestBody Map<String, Object> body) {
		if (Boolean.TRUE.equals(body.get("fail"))) {
			audit.record("probe.written", "probe", subject, null, body, null);
			throw new RuleViolationException("error.forbidden");
		}
		audit.record("probe.written", "probe", subject, null, body, null);
		return Map.of("subject", subject, "writes", count(subject));
	}

	long count(String subject) {
		return jdbc.sql("select count(*) from audit_event where object_type = 'probe' and object_id = :s")
			.param("s", subject)
			.query(Long.class)
			.single();
	}
}
