package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The evaluation's arithmetic on fixtures with known answers: indicators, index, grades, ties, tiers, periods. */
class EvaluationArithmeticTests {

	static final Period WEEK = Period.of(Period.Kind.WEEK, LocalDate.of(2026, 11, 18));

	/** 20 dispatched, 16 disposed (12 on time), 10 closed (8 by the deadline), 16 rectified of which 4 reworked… */
	static final FactSums KNOWN = new FactSums(20, 16, 12, 10, 8, 16, 4, 10, 1, 3, 5, 4, 2, 1, new BigDecimal("7.5"), 10);

	@Test
	void computesEveryIndicatorAsNumeratorOverDenominator() {
		UnitPerformance p = PerformanceCalculator.compute(UUID.randomUUID(), "U-1", "单位", WEEK, null, KNOWN, 40,
				Weights.DEFAULT, "/problems/board?unitId=x");
		assertThat(p.disposal().rate()).isEqualTo(0.8);
		assertThat(p.disposal().numerator()).isEqualTo(16);
		assertThat(p.disposal().denominator()).isEqualTo(20);
		assertThat(p.onTimeDisposal().rate()).isEqualTo(0.6);
		assertThat(p.close().rate()).isEqualTo(0.5);
		assertThat(p.onTimeClose().rate()).isEqualTo(0.4);
		assertThat(p.rework().rate()).isEqualTo(0.25);
		assertThat(p.relapse().rate()).isEqualTo(0.1);
		assertThat(p.overdue().numerator()).isEqualTo(3);
		assertThat(p.overdue().denominator()).isNull();
		assertThat(p.taskCompletion().rate()).isEqualTo(0.8);
		assertThat(p.reportPunctuality().rate()).isEqualTo(0.5);
		assertThat(p.inspectionPass().rate()).isEqualTo(0.75);
		assertThat(p.volume().rate()).isEqualTo(0.5);
		// 0.8×30 + 0.6×30 + 0.75×30 + 0.5×10 = 24 + 18 + 22.5 + 5 = 69.5
		assertThat(p.index()).isEqualTo(69.5);
		assertThat(p.grade()).isEqualTo(Grade.C);
		assertThat(p.close().link()).isEqualTo("/problems/board?unitId=x&status=CLOSED");
		assertThat(p.overdue().link()).isEqualTo("/problems/board?unitId=x&overdue=true");
	}

	@Test
	void aZeroDenominatorIsNoDataNeverZeroOrHundred() {
		UnitPerformance none = PerformanceCalculator.compute(UUID.randomUUID(), "U-2", "无", WEEK, null, FactSums.NONE,
				40, Weights.DEFAULT, null);
		assertThat(none.index()).isNull();
		assertThat(none.grade()).isNull();
		assertThat(none.hasData()).isFalse();
		assertThat(none.indicators()).filteredOn(i -> i.denominator() != null)
			.allSatisfy(i -> assertThat(i.rate()).isNull());
		assertThat(none.disposal().percent()).isNull();
	}

	@Test
	void aComponentWithoutDataLeavesTheIndexAndItsWeightIsShared() {
		// 4 dispatched, nothing rectified yet: no rework rate; 0/4 disposed, 4 of at most 4 → volume 1
		FactSums s = FactSums.problems(4, 0, 0, 0, 0, 0, 0, 0, 0, 0);
		UnitPerformance p = PerformanceCalculator.compute(UUID.randomUUID(), "U-3", "新", WEEK, null, s, 4,
				Weights.DEFAULT, null);
		assertThat(p.rework().rate()).isNull();
		// (0×30 + 0×30 + 1×10) / 70 × 100 = 14.29
		assertThat(p.index()).isEqualTo(14.29);
		assertThat(p.grade()).isEqualTo(Grade.E);
	}

	@Test
	void perfectUnitGetsAHundredAndGradeA() {
		FactSums s = FactSums.problems(10, 10, 10, 10, 10, 10, 0, 10, 0, 0);
		assertThat(PerformanceCalculator.index(10, 1.0, 1.0, 0.0, 1.0, Weights.DEFAULT)).isEqualTo(100.0);
		assertThat(PerformanceCalculator.compute(UUID.randomUUID(), "U", "满", WEEK, null, s, 10, Weights.DEFAULT, null)
			.grade()).isEqualTo(Grade.A);
	}

	@Test
	void gradesFollowTheThresholds() {
		assertThat(Grade.of(90)).isEqualTo(Grade.A);
		assertThat(Grade.of(89.99)).isEqualTo(Grade.B);
		assertThat(Grade.of(75)).isEqualTo(Grade.B);
		assertThat(Grade.of(60)).isEqualTo(Grade.C);
		assertThat(Grade.of(59.99)).isEqualTo(Grade.D);
		assertThat(Grade.of(40)).isEqualTo(Grade.D);
		assertThat(Grade.of(39.99)).isEqualTo(Grade.E);
	}

	@Test
	void customWeightsChangeTheIndex() {
		Weights onlyDisposal = Weights.validated(BigDecimal.valueOf(100), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
		assertThat(PerformanceCalculator.index(20, 0.8, 0.6, 0.25, 0.5, onlyDisposal)).isEqualTo(80.0);
	}

	@Test
	void weightsMustAddUpToExactlyAHundred() {
		assertThatThrownBy(() -> Weights.validated(BigDecimal.valueOf(30), BigDecimal.valueOf(30), BigDecimal.valueOf(30),
				BigDecimal.valueOf(5)))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.errors())
				.singleElement()
				.satisfies(e -> {
					assertThat(e.messageKey()).isEqualTo("evaluation.weights.sum");
					assertThat(e.arguments()).containsExactly("95");
				}));
		assertThatThrownBy(() -> Weights.validated(null, BigDecimal.valueOf(-1), BigDecimal.valueOf(30), BigDecimal.TEN))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.errors()).extracting(e -> e.field())
				.containsExactly("disposal", "onTime"));
		assertThat(Weights.validated(new BigDecimal("33.33"), new BigDecimal("33.33"), new BigDecimal("23.34"),
				BigDecimal.TEN).volume()).isEqualByComparingTo("10");
	}

	@Test
	void equalIndexesShareARankAndTheNextRankSkips() {
		List<UnitPerformance> list = List.of(perf("A", 90.0), perf("B", 95.0), perf("C", 90.0), perf("D", 70.0),
				perf("E", null));
		Ranking r = RankingEngine.ranked(WEEK, RankingCategory.STREET, null, list, Map.of());
		assertThat(r.entries()).extracting(Ranking.Entry::code).containsExactly("B", "A", "C", "D", "E");
		assertThat(r.entries()).extracting(Ranking.Entry::rank).containsExactly(1, 2, 2, 4, null);
		assertThat(r.ranked()).isEqualTo(4);
		// the first third of 4 places is places 1–2: both units sharing place 2 are "good"
		assertThat(r.entries()).extracting(Ranking.Entry::tier)
			.containsExactly(Tier.GOOD, Tier.GOOD, Tier.GOOD, Tier.AVERAGE, null);
	}

	@Test
	void tiersSplitTheRankedPlacesInThirds() {
		List<UnitPerformance> list = List.of(perf("A", 99.0), perf("B", 95.0), perf("C", 90.0), perf("D", 80.0),
				perf("E", 70.0), perf("F", 60.0));
		assertThat(RankingEngine.ranked(WEEK, RankingCategory.STREET, null, list, Map.of()).entries())
			.extracting(Ranking.Entry::tier)
			.containsExactly(Tier.GOOD, Tier.GOOD, Tier.FAIRLY_GOOD, Tier.FAIRLY_GOOD, Tier.AVERAGE, Tier.AVERAGE);
	}

	@Test
	void aRankingWithoutDataIsEmpty() {
		Ranking r = RankingEngine.ranked(WEEK, RankingCategory.STREET, null, List.of(perf("A", null)), Map.of());
		assertThat(r.isEmpty()).isTrue();
	}

	@Test
	void periodsAreWeeksMonthsQuartersAndFuturePeriodsAreRefused() {
		LocalDate today = LocalDate.of(2026, 11, 25);
		Period week = Period.parse("week", "2026-11-18", null, null, today);
		assertThat(week.from()).isEqualTo(LocalDate.of(2026, 11, 16));
		assertThat(week.to()).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(week.label()).isEqualTo("2026-W47");
		assertThat(Period.parse("quarter", "2026-11-18", null, null, today).from()).isEqualTo(LocalDate.of(2026, 10, 1));
		assertThat(Period.parse("month", null, null, null, today).from()).isEqualTo(LocalDate.of(2026, 11, 1));
		assertThat(Period.parse("custom", null, "2026-11-01", "2026-11-07", today).days()).isEqualTo(7);
		assertThatThrownBy(() -> Period.parse("week", "2026-12-01", null, null, today))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.errors().get(0).messageKey()).isEqualTo("evaluation.period.future"));
		assertThatThrownBy(() -> Period.parse("year", null, null, null, today)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> Period.parse("custom", null, "2026-11-07", "2026-11-01", today))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void lastPlaceStepsClimbWithConsecutiveLastPlaces() {
		assertThat(LastPlaceNotice.Kind.forConsecutive(1)).isEqualTo(LastPlaceNotice.Kind.LEADER_TALK);
		assertThat(LastPlaceNotice.Kind.forConsecutive(2)).isEqualTo(LastPlaceNotice.Kind.ORGANISATION_TALK);
		assertThat(LastPlaceNotice.Kind.forConsecutive(3)).isEqualTo(LastPlaceNotice.Kind.ACCOUNTABILITY);
		assertThat(LastPlaceNotice.numberOf(2026, 7)).isEqualTo("创文问〔2026〕第007号");
	}

	private static UnitPerformance perf(String code, Double index) {
		FactSums s = index == null ? FactSums.NONE : FactSums.problems(1, 1, 1, 1, 1, 1, 0, 1, 0, 0);
		UnitPerformance p = PerformanceCalculator.compute(UUID.randomUUID(), code, code, WEEK, null, s, 1,
				Weights.DEFAULT, null);
		return new UnitPerformance(p.unitId(), code, code, WEEK, null, s, p.disposal(), p.onTimeDisposal(), p.close(),
				p.onTimeClose(), p.rework(), p.relapse(), p.overdue(), p.taskCompletion(), p.reportPunctuality(),
				p.inspectionPass(), p.volume(), index, index == null ? null : Grade.of(index), Weights.DEFAULT);
	}
}
