package org.chuangwen.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ChuangwenIntegrationTest
class IdempotencyIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRetryWithTheSameKeyReturnsTheFirstAnswerAndWritesNothingMore() throws Exception {
		var office = fixtures.signedInAs("office");
		String body = "{\"note\":\"第一次\"}";
		mvc.perform(post("/api/v1/test-probe/retry").with(office).header("Idempotency-Key", "k-1")
				.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.writes").value(1));
		mvc.perform(post("/api/v1/test-probe/retry").with(office).header("Idempotency-Key", "k-1")
				.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.writes").value(1));
		assertThat(writes("retry")).isEqualTo(1);
		// without a key every call is a new write
		mvc.perform(post("/api/v1/test-probe/retry").with(office).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(jsonPath("$.writes").value(2));
	}

	@Test
	void theSameKeyWithADifferentRequestIsRefused() throws Exception {
		var office = fixtures.signedInAs("office");
		mvc.perform(post("/api/v1/test-probe/reuse").with(office).header("Idempotency-Key", "k-2")
				.contentType(MediaType.APPLICATION_JSON).content("{\"n\":1}"))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/v1/test-probe/reuse").with(office).header("Idempotency-Key", "k-2")
				.contentType(MediaType.APPLICATION_JSON).content("{\"n\":2}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("该 Idempotency-Key 已用于另一个不同的请求。"));
		assertThat(writes("reuse")).isEqualTo(1);
	}

	@Test
	void keysBelongToTheirCaller() throws Exception {
		String body = "{\"n\":1}";
		mvc.perform(post("/api/v1/test-probe/callers").with(fixtures.signedInAs("office")).header("Idempotency-Key", "shared")
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(jsonPath("$.writes").value(1));
		mvc.perform(post("/api/v1/test-probe/callers").with(fixtures.signedInAs("inspector")).header("Idempotency-Key", "shared")
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(jsonPath("$.writes").value(2));
	}

	@Test
	void aRefusedRequestKeepsNothingAndMayBeSentAgain() throws Exception {
		var office = fixtures.signedInAs("office");
		mvc.perform(post("/api/v1/test-probe/refused").with(office).header("Idempotency-Key", "k-3")
				.contentType(MediaType.APPLICATION_JSON).content("{\"fail\":true}"))
			.andExpect(status().isUnprocessableContent());
		assertThat(writes("refused")).isZero();
		mvc.perform(post("/api/v1/test-probe/refused").with(office).header("Idempotency-Key", "k-3")
				.contentType(MediaType.APPLICATION_JSON).content("{\"fail\":true}"))
			.andExpect(status().isUnprocessableContent());
		assertThat(writes("refused")).isZero();
	}

	@Test
	void concurrentRetriesWriteOnce() throws Exception {
		var office = fixtures.signedInAs("office");
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<MvcResult>> results = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				Callable<MvcResult> call = () -> mvc.perform(post("/api/v1/test-probe/concurrent").with(office)
					.header("Idempotency-Key", "k-4").contentType(MediaType.APPLICATION_JSON).content("{\"n\":1}")).andReturn();
				results.add(pool.submit(call));
			}
			for (Future<MvcResult> result : results) {
				assertThat(result.get().getResponse().getStatus()).isEqualTo(201);
				assertThat(result.get().getResponse().getContentAsString()).contains("\"writes\":1");
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(writes("concurrent")).isEqualTo(1);
	}

	@Test
	void anOverlongKeyIsRefusedAsMalformed() throws Exception {
		mvc.perform(post("/api/v1/test-probe/long").with(fixtures.signedInAs("office")).header("Idempotency-Key", "x".repeat(201))
				.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest());
		assertThat(writes("long")).isZero();
	}

	private long writes(String subject) {
		return jdbc.sql("select count(*) from audit_event where object_type = 'probe' and object_id = :s")
			.param("s", subject)
			.query(Long.class)
			.single();
	}
}
