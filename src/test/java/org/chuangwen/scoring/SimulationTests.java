package org.chuangwen.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.chuangwen.criteria.Criterion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Forecast sanity: the maximum for a compliant city, reproducible draws, and fixes that raise the forecast. */
class SimulationTests {

	private final ScoreEngine engine;

	SimulationTests() {
		TestTrees t = new TestTrees();
		Criterion a = t.node("A", null, "60");
		Criterion b = t.node("B", null, "40");
		Criterion a2 = t.node("A2", a, "60");
		Criterion b2 = t.node("B2", b, "40");
		Criterion a3 = t.node("A3", a2, "60");
		Criterion b3 = t.node("B3", b2, "40");
		t.standard("s0", a3, "30", "P01");
		t.standard("s1", a3, "30", "P01", "P02");
		t.standard("s2", b3, "40", "P02");
		engine = new ScoreEngine(t.tree(), null);
	}

	/** 200 points of two types; a share of them fail some standards, each failure held by its own problem. */
	private List<Simulation.PointState> city(double failShare, long seed, int[] problemCount) {
		Random random = new Random(seed);
		List<Simulation.PointState> points = new ArrayList<>();
		int problems = 0;
		for (int i = 0; i < 200; i++) {
			boolean p01 = i % 2 == 0;
			int[] standards = p01 ? new int[] { 0, 1 } : new int[] { 1, 2 };
			double[] fractions = new double[2];
			int[] held = new int[2];
			for (int e = 0; e < 2; e++) {
				boolean fails = random.nextDouble() < failShare;
				fractions[e] = fails ? (random.nextBoolean() ? 0 : 0.5) : 1;
				held[e] = fails ? problems++ : -1;
			}
			points.add(new Simulation.PointState(standards, fractions, held));
		}
		problemCount[0] = problems;
		return points;
	}

	private static List<Simulation.Quota> quotas() {
		int[] p01 = new int[100];
		int[] p02 = new int[100];
		for (int i = 0; i < 100; i++) {
			p01[i] = 2 * i;
			p02[i] = 2 * i + 1;
		}
		return List.of(new Simulation.Quota(p01, 10), new Simulation.Quota(p02, 8));
	}

	@Test
	void aCompliantCityForecastsTheMaximumWithZeroSpread() {
		int[] problems = new int[1];
		List<Simulation.PointState> all = city(0, 1, problems);
		Simulation.Outcome o = Simulation.run(engine, all, quotas(), Simulation.Parts.fieldOnly(3), problems[0], 2_000, 7);

		assertThat(o.expected()).isCloseTo(100.0, within(1e-9));
		assertThat(o.p05()).isCloseTo(100.0, within(1e-9));
		assertThat(o.p95()).isCloseTo(100.0, within(1e-9));
		assertThat(o.pointGains()).containsOnly(0.0);
	}

	@Test
	void theSameSeedDrawsTheSameForecast() {
		int[] problems = new int[1];
		List<Simulation.PointState> all = city(0.2, 3, problems);
		Simulation.Outcome a = Simulation.run(engine, all, quotas(), Simulation.Parts.fieldOnly(3), problems[0], 1_000, 42);
		Simulation.Outcome b = Simulation.run(engine, all, quotas(), Simulation.Parts.fieldOnly(3), problems[0], 1_000, 42);

		assertThat(a.expected()).isEqualTo(b.expected());
		assertThat(a.p05()).isEqualTo(b.p05());
		assertThat(a.pointGains()).containsExactly(b.pointGains());
		assertThat(a.expected()).isLessThan(100.0);
		assertThat(a.p05()).isLessThan(a.p95());
	}

	@Test
	void fixingTheTopRankedProblemRaisesTheForecastByItsExpectedGain() {
		int[] problems = new int[1];
		List<Simulation.PointState> all = city(0.2, 5, problems);
		Simulation.Outcome before = Simulation.run(engine, all, quotas(), Simulation.Parts.fieldOnly(3), problems[0], 5_000, 11);
		int top = 0;
		for (int i = 1; i < before.problemGains().length; i++) {
			if (before.problemGains()[i] > before.problemGains()[top]) {
				top = i;
			}
		}
		assertThat(before.problemGains()[top]).isPositive();
		List<Simulation.PointState> fixed = new ArrayList<>();
		for (Simulation.PointState p : all) {
			double[] fractions = p.fractions().clone();
			for (int e = 0; e < fractions.length; e++) {
				if (p.problems()[e] == top) {
					fractions[e] = 1;
				}
			}
			fixed.add(new Simulation.PointState(p.standards(), fractions, p.problems()));
		}
		Simulation.Outcome after = Simulation.run(engine, fixed, quotas(), Simulation.Parts.fieldOnly(3), problems[0], 5_000, 11);

		assertThat(after.expected()).isGreaterThan(before.expected());
		assertThat(after.expected() - before.expected()).isCloseTo(before.problemGains()[top], within(1e-9));
	}

	@Test
	void percentilesInterpolateBetweenRanks() {
		double[] sorted = { 0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 };
		assertThat(Simulation.percentile(sorted, 0.05)).isCloseTo(5.0, within(1e-9));
		assertThat(Simulation.percentile(sorted, 0.95)).isCloseTo(95.0, within(1e-9));
	}
}
