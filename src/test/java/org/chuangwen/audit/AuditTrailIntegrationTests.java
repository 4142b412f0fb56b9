package org.chuangwen.audit;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ChuangwenIntegrationTest
class AuditTrailIntegrationTests {

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void theDemoCityLeavesAnIntactChain() {
		AuditVerification result = audit.verify();
		assertThat(result.ok()).isTrue();
		assertThat(result.checked()).isGreaterThan(1000);
	}

	@Test
	void refusesUpdatesAndDeletesThroughOrdinarySql() {
		assertThatThrownBy(() -> jdbc.sql("update audit_event set actor_name = 'someone else' where seq = 1").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_event where seq = 1").update()).hasMessageContaining("append-only");
	}

	@Test
	void recordsWhoChangedWhatWithBeforeAndAfter() {
		transactions.executeWithoutResult(tx -> audit.record(new AuditActor("u1", "测试员"), "unit.updated", "unit",
				"probe-1", java.util.Map.of("name", "旧名"), java.util.Map.of("name", "新名"), "更名"));
		var history = audit.historyOf("unit", "probe-1", 10);
		assertThat(history).hasSize(1);
		assertThat(history.get(0).actorName()).isEqualTo("测试员");
		assertThat(history.get(0).before()).contains("旧名");
		assertThat(history.get(0).after()).contains("新名");
		assertThat(history.get(0).reason()).isEqualTo("更名");
	}

	@Test
	void refusesToRecordOutsideATransaction() {
		assertThatThrownBy(() -> audit.record("x", "y", "z", null, null, null))
			.isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
	}

	@Test
	void verifyEndpointDetectsAnEditedAndADeletedRow() throws Exception {
		var auditor = fixtures.signedInAs("auditor");
		mvc.perform(get("/api/v1/audit/verify").with(auditor)).andExpect(status().isOk()).andExpect(jsonPath("$.ok").value(true));
		long seq = jdbc.sql("select min(seq) + 5 from audit_event").query(Long.class).single();
		try {
			tamper("update audit_event set actor_name = 'forged' where seq = " + seq);
			mvc.perform(get("/api/v1/audit/verify").with(auditor))
				.andExpect(jsonPath("$.ok").value(false))
				.andExpect(jsonPath("$.brokenSeq").value(seq))
				.andExpect(jsonPath("$.problem").value("edited"));
		}
		finally {
			tamper("update audit_event set actor_name = 'system' where seq = " + seq);
		}
		mvc.perform(get("/api/v1/audit/verify").with(auditor)).andExpect(jsonPath("$.ok").value(true));

		String saved = jdbc.sql("select row_to_json(a)::text from audit_event a where seq = :s").param("s", seq + 1).query(String.class).single();
		try {
			tamper("delete from audit_event where seq = " + (seq + 1));
			mvc.perform(get("/api/v1/audit/verify").with(auditor))
				.andExpect(jsonPath("$.ok").value(false))
				.andExpect(jsonPath("$.brokenSeq").value(seq + 2))
				.andExpect(jsonPath("$.problem").value("missing"));
		}
		finally {
			tamper("insert into audit_event select * from json_populate_record(null::audit_event, '" + saved.replace("'", "''") + "'::json)");
		}
		mvc.perform(get("/api/v1/audit/verify").with(auditor)).andExpect(jsonPath("$.ok").value(true));
	}

	@Test
	void onlyTheAuditAndSecurityAdministratorsMayVerify() throws Exception {
		mvc.perform(get("/api/v1/audit/verify").with(fixtures.signedInAs("unit_admin"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/audit/verify")).andExpect(status().isUnauthorized());
	}

	/** What an intruder with direct database access would do: switch the guard triggers off, then edit. */
	private void tamper(String sql) {
		transactions.executeWithoutResult(tx -> {
			jdbc.sql("set local session_replication_role = replica").update();
			jdbc.sql(sql).update();
		});
	}
}
