package org.chuangwen.inspections;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.chuangwen.ChuangwenIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures (does not assert) {@link InspectionDirectory#standardRates} over {@value #OBSERVATIONS} observations of a
 * 500-standard framework (5,000 points, 200 units, 26 types, 3 districts), for the whole framework and for one round,
 * by city, district, unit and point type (p50/p95 of {@value #RUNS} runs). Everything is rolled back. Not part of the
 * test suite (the name does not end in Tests): run with
 * {@code mvn -o verify -Dit.test=ObservationRatesBenchmark -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
@ChuangwenIntegrationTest
class ObservationRatesBenchmark {

	static final int OBSERVATIONS = 1_000_000;

	static final int RUNS = 11;

	@Autowired
	InspectionDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void measure() {
		transactions.executeWithoutResult(tx -> {
			UUID framework = UUID.randomUUID();
			UUID[] rounds = new UUID[20];
			for (int r = 0; r < rounds.length; r++) {
				rounds[r] = UUID.randomUUID();
				jdbc.sql("""
						insert into inspection_round (id, name, kind, framework_id, status, seed, planned_on, created_at)
						values (:id, 'bench', 'MOCK_ASSESSMENT', :f, 'CLOSED', 1, current_date, now())
						""").param("id", rounds[r]).param("f", framework).update();
			}
			long t0 = System.nanoTime();
			jdbc.sql("""
					insert into inspection_observation (id, round_id, round_kind, framework_id, standard_id, standard_code,
					    point_id, point_type_code, district_id, street_id, unit_id, result, recorded_fraction, get_fraction,
					    get_units, observed_at)
					select gen_random_uuid(), (:rounds)[1 + i / 50000], 'MOCK_ASSESSMENT', :f,
					       ('00000000-0000-0000-0000-' || lpad(to_hex((p * 7 + i % 10) % 500), 12, '0'))::uuid,
					       'S' || ((p * 7 + i % 10) % 500),
					       ('00000000-0000-0000-0001-' || lpad(to_hex(p), 12, '0'))::uuid,
					       'P' || lpad((1 + p % 26)::text, 2, '0'),
					       ('00000000-0000-0000-0002-' || lpad(to_hex(p % 3), 12, '0'))::uuid,
					       ('00000000-0000-0000-0003-' || lpad(to_hex(p % 30), 12, '0'))::uuid,
					       ('00000000-0000-0000-0004-' || lpad(to_hex(p % 200), 12, '0'))::uuid,
					       case when i % 25 = 0 then 'NOT_APPLICABLE' when i % 7 = 0 then 'NON_COMPLIANT' else 'COMPLIANT' end,
					       case when i % 11 = 0 and i % 25 <> 0 then 0.8 end,
					       case when i % 25 = 0 then null when i % 11 = 0 then 0.8 when i % 7 = 0 then 0 else 1 end,
					       case when i % 25 = 0 then null when i % 11 = 0 then 8000 when i % 7 = 0 then 0 else 10000 end,
					       now() - (i % 90) * interval '1 day'
					from generate_series(0, :n - 1) as i, lateral (select (i % 50000) / 10 as p) as x
					""").param("rounds", rounds).param("f", framework).param("n", OBSERVATIONS).update();
			jdbc.sql("analyze inspection_observation").update();
			System.out.printf("BENCH inspections: inserted %,d observations in %d ms%n", OBSERVATIONS,
					(System.nanoTime() - t0) / 1_000_000);
			ObservationQuery all = new ObservationQuery(framework, null, null, null, null);
			ObservationQuery oneRound = ObservationQuery.ofRound(framework, rounds[0]);
			for (ScoreDimension by : List.of(ScoreDimension.CITY, ScoreDimension.DISTRICT, ScoreDimension.UNIT,
					ScoreDimension.POINT_TYPE)) {
				report("framework by " + by, all, by);
			}
			report("one round (50k) by UNIT", oneRound, ScoreDimension.UNIT);
			tx.setRollbackOnly();
		});
	}

	private void report(String label, ObservationQuery query, ScoreDimension by) {
		List<Long> times = new ArrayList<>();
		int rows = 0;
		for (int i = 0; i < RUNS; i++) {
			long t0 = System.nanoTime();
			rows = directory.standardRates(query, by).size();
			times.add((System.nanoTime() - t0) / 1_000_000);
		}
		Collections.sort(times);
		System.out.printf("BENCH inspections: standardRates %s: %d rows, p50 %d ms, p95 %d ms%n", label, rows,
				times.get(RUNS / 2), times.get((int) Math.ceil(RUNS * 0.95) - 1));
	}
}
