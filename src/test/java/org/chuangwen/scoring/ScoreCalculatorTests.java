package org.chuangwen.scoring;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.criteria.AssessmentMethod;
import org.chuangwen.criteria.Criterion;
import org.chuangwen.criteria.Standard;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** How a standard's methods combine into its rate. */
class ScoreCalculatorTests {

	@Test
	void methodsShareAStandardByTheirConfiguredSharesAndAnAbsentPartIsNotObserved() {
		TestTrees t = new TestTrees();
		Criterion a = t.node("A", null, "10");
		Criterion a2 = t.node("A2", a, "10");
		Criterion a3 = t.node("A3", a2, "10");
		Standard both = t.standard("s1", a3, "5", List.of(AssessmentMethod.FIELD, AssessmentMethod.MATERIAL), "P01");
		Standard fieldOnly = t.standard("s2", a3, "5", "P01");
		ScoreEngine engine = new ScoreEngine(t.tree(), null);
		RateSums field = new RateSums();
		field.add("", both.id(), 3, 4); // 0.75
		field.add("", fieldOnly.id(), 1, 2); // 0.5

		ScoreCalculator equal = new ScoreCalculator(null, null, null, List.of(), new MethodShares(Map.of()));
		Map<String, ScoreCalculator.GroupRates> noParts = equal.combine(engine, field, Map.of());
		assertThat(noParts.get("").rates()).containsExactly(0.75, 0.5);

		Map<AssessmentMethod, Map<String, Map<UUID, Double>>> material = Map.of(AssessmentMethod.MATERIAL,
				Map.of("", Map.of(both.id(), 1.0, fieldOnly.id(), 0.0)));
		// equal shares: (0.75 + 1) / 2; the material rate of s2 is ignored (s2 is not assessed by material review)
		assertThat(equal.combine(engine, field, material).get("").rates()[0]).isCloseTo(0.875, within(1e-9));
		assertThat(equal.combine(engine, field, material).get("").rates()[1]).isCloseTo(0.5, within(1e-9));

		ScoreCalculator fieldHeavy = new ScoreCalculator(null, null, null, List.of(),
				new MethodShares(Map.of(AssessmentMethod.FIELD, 3.0, AssessmentMethod.MATERIAL, 1.0)));
		assertThat(fieldHeavy.combine(engine, field, material).get("").rates()[0]).isCloseTo((3 * 0.75 + 1) / 4,
				within(1e-9));
	}

	@Test
	void groupingsReadTheirApiNames() {
		assertThat(ScoreGrouping.parse("pointType")).isEqualTo(ScoreGrouping.POINT_TYPE);
		assertThat(ScoreGrouping.parse("command_post")).isEqualTo(ScoreGrouping.COMMAND_POST);
		assertThat(ScoreGrouping.parse(null)).isEqualTo(ScoreGrouping.CRITERION);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> ScoreGrouping.parse("planet"))
			.isInstanceOf(org.chuangwen.shared.InvalidInputException.class);
	}
}
