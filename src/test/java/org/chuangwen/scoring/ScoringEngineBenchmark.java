package org.chuangwen.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.chuangwen.inspections.ObservationFact;
import org.chuangwen.inspections.ScoreDimension;
import org.junit.jupiter.api.Test;

/**
 * Measures (does not assert) the in-process figures of issue 5: a full recompute of every score from 1,000,000
 * observations over a 500-standard framework (aggregate the facts per standard for the city and every grouping, then
 * roll every group up the tree), and the forecast with 10,000 simulations over 5,000 points. Not part of the test
 * suite (the name does not end in Tests); run with bench/scoring-bench.sh.
 */
class ScoringEngineBenchmark {

	private static final int OBSERVATIONS = 1_000_000;

	private static void print(String line) {
		System.out.println("BENCH " + line);
	}

	@Test
	void fullRecomputeAndForecast() {
		BenchCity city = new BenchCity();
		List<ObservationFact> facts = city.facts(OBSERVATIONS, 20261125L);
		ScoreCalculator calculator = new ScoreCalculator(null, null, null, List.of(), new MethodShares(Map.of()));
		List<ScoreDimension> dimensions = List.of(ScoreDimension.CITY, ScoreDimension.DISTRICT, ScoreDimension.STREET,
				ScoreDimension.UNIT, ScoreDimension.POINT_TYPE, ScoreDimension.COMMAND_POST);

		// warm-up, then timed runs
		java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
		long[] times = new long[5];
		long[] cpuTimes = new long[5];
		int groups = 0;
		double total = 0;
		for (int run = -2; run < times.length; run++) {
			long t0 = System.nanoTime();
			long c0 = cpu.getCurrentThreadCpuTime();
			List<FactAggregator> aggregators = new ArrayList<>();
			for (ScoreDimension d : dimensions) {
				aggregators.add(new FactAggregator(city.engine, d));
			}
			for (ObservationFact f : facts) {
				for (FactAggregator a : aggregators) {
					a.add(f);
				}
			}
			groups = 0;
			for (int di = 0; di < dimensions.size(); di++) {
				ScoreDimension d = dimensions.get(di);
				for (ScoreCalculator.GroupRates r : aggregators.get(di).rates().values()) {
					ScoreEngine.Result result = city.engine.evaluate(r.rates(), r.observations());
					if (d == ScoreDimension.CITY) {
						total = result.totalScore();
					}
					groups++;
				}
			}
			if (run >= 0) {
				times[run] = System.nanoTime() - t0;
				cpuTimes[run] = cpu.getCurrentThreadCpuTime() - c0;
			}
		}
		Arrays.sort(times);
		Arrays.sort(cpuTimes);
		print(String.format("full recompute, in process: %,d observations, %d standards, %d groups (city + 10 districts + 100 streets + 300 units + 26 point types + 10 command posts) → wall median %.0f ms (min %.0f, max %.0f), CPU median %.0f ms (min %.0f) of 5 runs; city total %.3f",
				OBSERVATIONS, city.engine.standardCount(), groups, times[2] / 1e6, times[0] / 1e6, times[4] / 1e6,
				cpuTimes[2] / 1e6, cpuTimes[0] / 1e6, total));

		List<Simulation.PointState> population = city.population(7, 0.08);
		for (int perType : new int[] { 4, 20 }) {
			List<Simulation.Quota> quotas = city.quotas(perType);
			long[] sims = new long[3];
			long[] simsCpu = new long[3];
			Simulation.Outcome outcome = null;
			for (int run = -1; run < sims.length; run++) {
				long t0 = System.nanoTime();
				long c0 = cpu.getCurrentThreadCpuTime();
				outcome = Simulation.run(city.engine, population, quotas, Simulation.Parts.fieldOnly(city.engine.standardCount()),
						0, 10_000, 42);
				if (run >= 0) {
					sims[run] = System.nanoTime() - t0;
					simsCpu[run] = cpu.getCurrentThreadCpuTime() - c0;
				}
			}
			Arrays.sort(sims);
			Arrays.sort(simsCpu);
			print(String.format("forecast: 10,000 simulations over %,d points, %d drawn per simulation (%d per type) → wall median %.0f ms (min %.0f, max %.0f), CPU median %.0f ms (min %.0f) of 3 runs; expected %.3f [%.3f, %.3f]",
					population.size(), outcome.drawnPerSimulation(), perType, sims[1] / 1e6, sims[0] / 1e6, sims[2] / 1e6,
					simsCpu[1] / 1e6, simsCpu[0] / 1e6,
					outcome.expected(), outcome.p05(), outcome.p95()));
		}
	}
}
