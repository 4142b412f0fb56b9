package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.chuangwen.criteria.Criterion;
import org.chuangwen.criteria.Standard;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The roll-up of DOMAIN §7 against hand-computed cases. */
class ScoreEngineTests {

	private static double[] unobserved(int n) {
		double[] rates = new double[n];
		Arrays.fill(rates, Double.NaN);
		return rates;
	}

	private static BigDecimal round3(double v) {
		return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP);
	}

	@Test
	void scoresThe2016PublicServiceItemAsTheMeanOfItsContentItemsNotThePooledObservations() {
		// 公共服务, 9 points, nine content items without their own maxima; 210 observations, 4 failures:
		// 2 of 10 in one item, 1 of 21 and 1 of 55 in two others, the other six items all compliant.
		TestTrees t = new TestTrees();
		Criterion category = t.node("公共服务", null, "9");
		Criterion indicator = t.node("Ⅱ-1", category, null);
		int[] sizes = { 10, 21, 55, 20, 20, 20, 21, 21, 22 };
		int[] failures = { 2, 1, 1, 0, 0, 0, 0, 0, 0 };
		List<Standard> standards = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			Criterion item = t.node("Ⅲ-" + (i + 1), indicator, null);
			standards.add(t.standard("S" + (i + 1), item, null, "P01"));
		}
		ScoreEngine engine = new ScoreEngine(t.tree(), null);
		double[] rates = new double[9];
		long[] counts = new long[9];
		int all = 0;
		int passed = 0;
		for (int i = 0; i < 9; i++) {
			rates[i] = (sizes[i] - failures[i]) / (double) sizes[i];
			counts[i] = sizes[i];
			all += sizes[i];
			passed += sizes[i] - failures[i];
		}
		ScoreEngine.Result result = engine.evaluate(rates, counts);

		assertThat(all).isEqualTo(210);
		assertThat(round3(result.totalScore())).isEqualByComparingTo("8.734");
		assertThat(BigDecimal.valueOf(result.totalRate() * 100).setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("97.05");
		assertThat(result.criterion(category.id()).observations()).isEqualTo(210);
		// pooling the observations would have given 98.10 %
		assertThat(BigDecimal.valueOf(passed * 100.0 / all).setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("98.10");
		assertThat(result.totalMax()).isEqualTo(9.0);
	}

	@Test
	void aParentIsTheSumOfItsChildrenWeightedByTheirOwnMaxima() {
		TestTrees t = new TestTrees();
		Criterion a = t.node("A", null, "10");
		Criterion b = t.node("B", null, "30");
		Criterion a2 = t.node("A2", a, "10");
		Criterion b2 = t.node("B2", b, "30");
		Criterion a3 = t.node("A3", a2, "10");
		Criterion b3 = t.node("B3", b2, "30");
		t.standard("a1", a3, "4", "P01");
		t.standard("a2", a3, "6", "P01");
		t.standard("b1", b3, "30", "P01");
		ScoreEngine engine = new ScoreEngine(t.tree(), new BigDecimal("40"));
		ScoreEngine.Result r = engine.evaluate(new double[] { 0.5, 1.0, 0.8 }, new long[] { 2, 1, 5 });

		// a: 4 × 0.5 + 6 × 1 = 8; b: 30 × 0.8 = 24; total 32 of 40
		assertThat(r.criterion(a.id()).score()).isCloseTo(8.0, within(1e-9));
		assertThat(r.criterion(b.id()).score()).isCloseTo(24.0, within(1e-9));
		assertThat(r.totalScore()).isCloseTo(32.0, within(1e-9));
		assertThat(r.totalRate()).isCloseTo(0.8, within(1e-9));
		assertThat(r.criterion(a3.id()).observations()).isEqualTo(3);
	}

	@Test
	void unobservedChildrenAreLeftOutAndTheParentsMaximumIsSpreadOverTheObservedOnes() {
		TestTrees t = new TestTrees();
		Criterion a = t.node("A", null, "10");
		Criterion a2 = t.node("A2", a, "10");
		Criterion a3 = t.node("A3", a2, "10");
		t.standard("s1", a3, "2", "P01");
		t.standard("s2", a3, "3", "P01");
		t.standard("s3", a3, "5", "P01");
		ScoreEngine engine = new ScoreEngine(t.tree(), null);
		// s3 not observed: 10 spread over s1 (2) and s2 (3) → 4 and 6
		double[] rates = { 0.5, 1.0, Double.NaN };
		ScoreEngine.Result r = engine.evaluate(rates, new long[] { 2, 3, 0 });

		assertThat(r.standard(t.standards.get(0).id()).effectiveMax()).isCloseTo(4.0, within(1e-9));
		assertThat(r.standard(t.standards.get(1).id()).effectiveMax()).isCloseTo(6.0, within(1e-9));
		assertThat(r.standard(t.standards.get(2).id()).score()).isNull();
		assertThat(r.totalScore()).isCloseTo(4 * 0.5 + 6.0, within(1e-9));
		assertThat(r.totalMax()).isEqualTo(10.0);
	}

	@Test
	void childrenWithoutMaximaSplitTheParentEqually() {
		TestTrees t = new TestTrees();
		Criterion a = t.node("A", null, "12");
		Criterion a2 = t.node("A2", a, null);
		Criterion a3 = t.node("A3", a2, null);
		t.standard("s1", a3, null, "P01");
		t.standard("s2", a3, null, "P01");
		t.standard("s3", a3, null, "P01");
		ScoreEngine engine = new ScoreEngine(t.tree(), null);
		ScoreEngine.Result r = engine.evaluate(new double[] { 1.0, 0.0, 0.5 }, null);

		assertThat(r.standard(t.standards.get(0).id()).effectiveMax()).isCloseTo(4.0, within(1e-9));
		assertThat(r.totalScore()).isCloseTo(4 + 0 + 2, within(1e-9));
	}

	@Test
	void anEmptyItemCountsForNothingAndNothingObservedMeansNoScore() {
		TestTrees t = new TestTrees();
		Criterion a = t.node("A", null, "6");
		Criterion b = t.node("B", null, "4");
		Criterion a2 = t.node("A2", a, "6");
		Criterion b2 = t.node("B2", b, "4");
		Criterion a3 = t.node("A3", a2, "6");
		t.node("B3-empty", b2, "4");
		t.standard("s1", a3, "6", "P01");
		ScoreEngine engine = new ScoreEngine(t.tree(), new BigDecimal("10"));

		ScoreEngine.Result nothing = engine.evaluate(unobserved(1), null);
		assertThat(nothing.totalScore()).isZero();
		assertThat(nothing.totalRate()).isNaN();
		assertThat(nothing.criterion(a.id()).score()).isNull();

		// B has no standards at all: never observed, its 4 points go to A
		ScoreEngine.Result r = engine.evaluate(new double[] { 0.75 }, null);
		assertThat(r.criterion(a.id()).effectiveMax()).isCloseTo(10.0, within(1e-9));
		assertThat(r.criterion(b.id()).score()).isNull();
		assertThat(r.totalScore()).isCloseTo(7.5, within(1e-9));
	}

	@Test
	void rowsComeInTreeOrderWithParentCodes() {
		TestTrees t = new TestTrees();
		Criterion a = t.node("A", null, "10");
		Criterion a2 = t.node("A2", a, "10");
		Criterion a3 = t.node("A3", a2, "10");
		t.standard("s1", a3, "10", "P01");
		ScoreEngine engine = new ScoreEngine(t.tree(), null);
		List<ScoreEngine.Row> rows = engine.evaluate(new double[] { 1.0 }, new long[] { 1 }).rows();

		assertThat(rows).extracting(ScoreEngine.Row::code).containsExactly("A", "A2", "A3", "s1");
		assertThat(rows).extracting(ScoreEngine.Row::parentCode).containsExactly(null, "A", "A2", "A3");
		assertThat(rows.get(3).value().score()).isCloseTo(10.0, within(1e-9));
	}
}
