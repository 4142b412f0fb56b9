package org.chuangwen.scoring;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.inspections.ObservationFact;
import org.chuangwen.inspections.ObservationRecorded;
import org.chuangwen.inspections.ScoreDimension;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures (does not assert) the database side of issue 5's scoring figures on the embedded PostgreSQL: rebuilding
 * the city-wide cache from 1,000,000 observation facts of a 500-standard framework (aggregation, then the rows
 * replaced in one transaction), and the update after one new observation (the delta applied in the saving
 * transaction and committed, then the city's score read back from the cache and rolled up). The facts are generated
 * in memory (BenchCity), so reading them from the inspections tables is not included. Not part of the test suite;
 * run with bench/scoring-bench.sh.
 */
@ChuangwenIntegrationTest
class ScoringBenchmark {

	@Autowired
	RateKeeper keeper;

	@Autowired
	RateCache cache;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	private static void print(String line) {
		System.out.println("BENCH " + line);
	}

	@Test
	void rebuildAndSingleUpdate() {
		BenchCity city = new BenchCity();
		List<ObservationFact> facts = city.facts(1_000_000, 20261125L);
		java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
		long[] wall = new long[3];
		long[] cpuTimes = new long[3];
		for (int run = -1; run < wall.length; run++) {
			long t0 = System.nanoTime();
			long c0 = cpu.getCurrentThreadCpuTime();
			transactions.executeWithoutResult(tx -> {
				cache.lockExclusive(city.trees.framework);
				keeper.rebuild(city.trees.framework, city.engine, sink -> facts.forEach(sink));
			});
			if (run >= 0) {
				wall[run] = System.nanoTime() - t0;
				cpuTimes[run] = cpu.getCurrentThreadCpuTime() - c0;
			}
		}
		Arrays.sort(wall);
		Arrays.sort(cpuTimes);
		long rows = jdbc.sql("select count(*) from scoring_rate where framework_id = :f")
			.param("f", city.trees.framework).query(Long.class).single();
		print(String.format("cache rebuild from %,d facts (%d standards) → %,d rows: wall median %.0f ms (min %.0f, max %.0f), CPU of the JVM thread median %.0f ms, of 3 runs",
				facts.size(), city.engine.standardCount(), rows, wall[1] / 1e6, wall[0] / 1e6, wall[2] / 1e6,
				cpuTimes[1] / 1e6));

		SplittableRandom random = new SplittableRandom(5);
		int runs = 200;
		long[] update = new long[runs];
		long[] read = new long[runs];
		double score = 0;
		for (int i = -20; i < runs; i++) {
			ObservationFact fact = city.fact(random, Instant.now());
			long t0 = System.nanoTime();
			transactions.executeWithoutResult(tx -> keeper.on(new ObservationRecorded(fact, null)));
			long t1 = System.nanoTime();
			RateSums sums = cache.sums(city.trees.framework, ScoreDimension.CITY, Set.of());
			ScoreCalculator.GroupRates rates = new ScoreCalculator(null, null, null, List.of(),
					new MethodShares(java.util.Map.of())).combine(city.engine, sums, java.util.Map.of()).get("");
			score = city.engine.evaluate(rates.rates(), rates.observations()).totalScore();
			long t2 = System.nanoTime();
			if (i >= 0) {
				update[i] = t1 - t0;
				read[i] = t2 - t1;
			}
		}
		Arrays.sort(update);
		Arrays.sort(read);
		print(String.format("update after one observation (delta upserts + commit): p50 %.1f ms, p95 %.1f ms; city score read back from the cache and rolled up: p50 %.1f ms, p95 %.1f ms (%d runs; total %.3f)",
				update[runs / 2] / 1e6, update[runs * 95 / 100] / 1e6, read[runs / 2] / 1e6, read[runs * 95 / 100] / 1e6,
				runs, score));
		transactions.executeWithoutResult(tx -> cache.clear(city.trees.framework));
	}
}
