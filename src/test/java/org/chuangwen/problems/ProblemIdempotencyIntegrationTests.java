package org.chuangwen.problems;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.organisation.ApiTokens;
import org.chuangwen.points.LatLng;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code Idempotency-Key} on the problem endpoints (API.md): intake ({@code POST /api/v1/problems}) and transitions
 * ({@code POST /api/v1/problems/{id}/transitions}). A retry gets the stored answer and writes nothing; retries sent at
 * once write once; the same key with another body is refused (422) and writes nothing.
 */
@ChuangwenIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemIdempotencyIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApiTokens tokens;

	@Autowired
	ProblemTestPlaces places;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	void places() {
		places.ready();
	}

	private String bearer(String username) {
		return "Bearer " + tokens.issue(fixtures.actor(username).userId()).token();
	}

	private ResultActions report(String username, String key, String body) throws Exception {
		return mvc.perform(post("/api/v1/problems").header("Authorization", bearer(username))
			.header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private ResultActions act(String username, String key, String id, String body) throws Exception {
		var request = post("/api/v1/problems/" + id + "/transitions").header("Authorization", bearer(username))
			.contentType(MediaType.APPLICATION_JSON).content(body);
		if (key != null) {
			request = request.header("Idempotency-Key", key);
		}
		return mvc.perform(request);
	}

	private static String key() {
		return "problem-" + UUID.randomUUID();
	}

	private String intake(String description) {
		LatLng at = places.spot(false);
		return """
				{"categoryCode": "D04", "description": "%s", "lat": %s, "lng": %s, "allowDuplicate": true}
				""".formatted(description, at.lat(), at.lng());
	}

	private long problemsDescribed(String description) {
		return jdbc.sql("select count(*) from problem where description = :d").param("d", description)
			.query(Long.class).single();
	}

	private long events(String problemId, String action) {
		return jdbc.sql("select count(*) from problem_event where problem_id = :p and action = :a")
			.param("p", UUID.fromString(problemId)).param("a", action).query(Long.class).single();
	}

	/** A problem dispatched to a unit (by the office's report), as its id. */
	private String aDispatchedProblem() throws Exception {
		String answer = report("office", key(), intake("幂等测试 " + ThreadLocalRandom.current().nextInt(1_000_000_000)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("dispatched"))
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(answer, "$.id");
	}

	@Test
	void aRetriedIntakeReturnsTheStoredAnswerAndReportsOnce() throws Exception {
		String description = "重复提交测试 " + ThreadLocalRandom.current().nextInt(1_000_000_000);
		String body = intake(description);
		String key = key();
		var firstAnswer = report("inspector", key, body).andExpect(status().isCreated()).andReturn().getResponse();
		String first = firstAnswer.getContentAsString();
		assertThat(firstAnswer.getHeader("Location")).endsWith("/api/v1/problems/" + JsonPath.read(first, "$.id"));
		assertThat(firstAnswer.getHeader("ETag")).isNotBlank();
		// the replay repeats the first answer's Location and ETag, not only its body
		String again = report("inspector", key, body).andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(header().string("Location", firstAnswer.getHeader("Location")))
			.andExpect(header().string("ETag", firstAnswer.getHeader("ETag")))
			.andReturn().getResponse().getContentAsString();
		assertThat((String) JsonPath.read(again, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
		assertThat((String) JsonPath.read(again, "$.number")).isEqualTo(JsonPath.read(first, "$.number"));
		assertThat(problemsDescribed(description)).isEqualTo(1);

		// the same key with another body: 422 in Chinese, nothing written
		String other = intake(description + "（改）");
		report("inspector", key, other).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("该 Idempotency-Key 已用于另一个不同的请求。"));
		assertThat(problemsDescribed(description + "（改）")).isZero();
	}

	@Test
	void intakeRetriesSentAtOnceReportOnce() throws Exception {
		String description = "并发重复提交 " + ThreadLocalRandom.current().nextInt(1_000_000_000);
		String body = intake(description);
		String key = key();
		String token = bearer("office");
		List<MvcResult> results = atOnce(5, () -> mvc.perform(post("/api/v1/problems").header("Authorization", token)
			.header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn());
		List<String> ids = new ArrayList<>();
		for (MvcResult result : results) {
			assertThat(result.getResponse().getStatus()).isEqualTo(201);
			ids.add(JsonPath.read(result.getResponse().getContentAsString(), "$.id"));
		}
		assertThat(ids).hasSize(5).containsOnly(ids.get(0));
		assertThat(problemsDescribed(description)).isEqualTo(1);
	}

	@Test
	void aRetriedTransitionReturnsTheStoredAnswerAndActsOnce() throws Exception {
		String id = aDispatchedProblem();
		String key = key();
		var firstAnswer = act("unit_admin", key, id, "{\"action\": \"claim\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("claimed"))
			.andReturn().getResponse();
		String first = firstAnswer.getContentAsString();
		assertThat(firstAnswer.getHeader("ETag")).isNotBlank();
		String again = act("unit_admin", key, id, "{\"action\": \"claim\"}").andExpect(status().isOk())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(header().string("ETag", firstAnswer.getHeader("ETag")))
			.andReturn().getResponse().getContentAsString();
		assertThat(again).isEqualTo(first);
		assertThat(events(id, "claim")).isEqualTo(1);
		// without the key, the same claim is a new request, which the state refuses now
		act("unit_admin", null, id, "{\"action\": \"claim\"}").andExpect(status().isUnprocessableContent());

		// the same key with another body: 422, and the problem does not move
		act("unit_admin", key, id, "{\"action\": \"dispute\", \"reason\": \"不归我们管\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("该 Idempotency-Key 已用于另一个不同的请求。"));
		assertThat(events(id, "dispute")).isZero();
	}

	@Test
	void transitionRetriesSentAtOnceActOnce() throws Exception {
		String id = aDispatchedProblem();
		String key = key();
		String token = bearer("unit_admin");
		List<MvcResult> results = atOnce(5, () -> mvc.perform(post("/api/v1/problems/" + id + "/transitions")
			.header("Authorization", token).header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON).content("{\"action\": \"claim\"}")).andReturn());
		String first = results.get(0).getResponse().getContentAsString();
		for (MvcResult result : results) {
			assertThat(result.getResponse().getStatus()).isEqualTo(200);
			assertThat(result.getResponse().getContentAsString()).isEqualTo(first);
		}
		assertThat(events(id, "claim")).isEqualTo(1);
	}

	private static List<MvcResult> atOnce(int n, Callable<MvcResult> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<MvcResult>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<MvcResult> results = new ArrayList<>();
			for (Future<MvcResult> f : futures) {
				results.add(f.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
