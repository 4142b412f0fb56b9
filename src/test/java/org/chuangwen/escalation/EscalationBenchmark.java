package org.chuangwen.escalation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.demo.DemoCity;
import org.chuangwen.problems.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Measures (does not assert) the escalation sweep: with {@value #PROBLEMS} problems in the database of which
 * {@value #OVERDUE} are overdue at units, the first sweep (every overdue problem gets its copy notice), a sweep with
 * nothing new (the steady state of the scheduled job), the sweep that issues every rectification order, and the
 * notice pages and API afterwards (p50/p95 through MockMvc). Not part of the test suite (the name does not end in
 * Tests); run with bench/escalation-bench.sh.
 */
@ChuangwenIntegrationTest
class EscalationBenchmark {

	static final int PROBLEMS = 50_000;

	static final int OVERDUE = 5_000;

	private static final int RUNS = 100;

	@Autowired
	EscalationFixtures fixtures;

	@Autowired
	EscalationSweep sweep;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures accounts;

	@Test
	void measure() throws Exception {
		Instant reported = EscalationLadderIntegrationTests.at(LocalDate.of(2040, 3, 5), 9, 0);
		Problem template = fixtures.anOpenProblem(DemoCity.UNIT_URBAN_MANAGEMENT, reported);
		List<UUID> units = jdbc.sql("select id from unit where active and code like 'U-LJ-%' order by code")
			.query(UUID.class)
			.list();
		// copies of the template with fresh ids and numbers, spread over the city's units; OVERDUE of them overdue at
		// the look below, the others due later
		int batch = 10_000;
		for (int from = 0; from < PROBLEMS; from += batch) {
			int start = from;
			transactions.executeWithoutResult(tx -> jdbc.sql("""
					insert into problem
					select (jsonb_populate_record(null::problem, to_jsonb(p) || jsonb_build_object(
					    'id', gen_random_uuid(),
					    'number', 'B' || lpad((:start + g)::text, 9, '0'),
					    'unit_id', (:units)[1 + (g % cardinality(:units))],
					    'deadline', p.deadline + case when :start + g < :overdue then interval '0 day' else interval '400 day' end
					                          + (g % 997) * interval '1 second'))).*
					from problem p cross join generate_series(1, :count) g
					where p.id = :template
					""")
				.param("start", start)
				.param("units", units.toArray(UUID[]::new))
				.param("overdue", OVERDUE)
				.param("count", Math.min(batch, PROBLEMS - start))
				.param("template", template.id())
				.update());
		}
		jdbc.sql("analyze problem").update();
		long inDb = jdbc.sql("select count(*) from problem").query(Long.class).single();
		System.out.printf("BENCH problems in the database: %d, overdue at the look: ~%d, units: %d%n", inDb, OVERDUE,
				units.size());

		Instant look = EscalationLadderIntegrationTests.at(LocalDate.of(2040, 3, 12), 9, 0);
		time("first sweep (copy notices for every overdue problem)", look);
		time("second sweep (nothing new)", look.plusSeconds(300));
		time("third sweep (nothing new)", look.plusSeconds(600));
		time("sweep after the copy notices' deadline (rectification orders)", look.plus(Duration.ofDays(7)));
		time("next sweep (nothing new)", look.plus(Duration.ofDays(7)).plusSeconds(300));
		long notices = jdbc.sql("select count(*) from notice").query(Long.class).single();
		long listed = jdbc.sql("select count(*) from notice_problem").query(Long.class).single();
		System.out.printf("BENCH notices in the database: %d listing %d problems%n", notices, listed);
		jdbc.sql("analyze notice").update();
		jdbc.sql("analyze notice_problem").update();

		measure("GET /notices (office)", get("/notices").with(accounts.signedInAs("office")));
		measure("GET /notices?kind=RECTIFICATION_ORDER&year=2040 (office)",
				get("/notices").param("kind", "RECTIFICATION_ORDER").param("year", "2040").with(accounts.signedInAs("office")));
		measure("GET /notices (unit_admin)", get("/notices").with(accounts.signedInAs("unit_admin")));
		measure("GET /api/v1/notices?size=50 (office)", get("/api/v1/notices").with(accounts.signedInAs("office")));
	}

	private void time(String name, Instant at) {
		long started = System.nanoTime();
		EscalationSweep.Outcome outcome = sweep.sweep(at);
		System.out.printf("BENCH %-64s %7.2f s  %s%n", name, (System.nanoTime() - started) / 1e9, outcome);
	}

	private void measure(String name, MockHttpServletRequestBuilder request) throws Exception {
		for (int i = 0; i < 10; i++) {
			mvc.perform(request).andExpect(status().isOk());
		}
		long[] nanos = new long[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long t = System.nanoTime();
			mvc.perform(request).andExpect(status().isOk());
			nanos[i] = System.nanoTime() - t;
		}
		Arrays.sort(nanos);
		System.out.printf("BENCH %-64s p50 %6.1f ms  p95 %6.1f ms  (%d runs)%n", name, nanos[RUNS / 2] / 1e6,
				nanos[(int) (RUNS * 0.95) - 1] / 1e6, RUNS);
	}
}
