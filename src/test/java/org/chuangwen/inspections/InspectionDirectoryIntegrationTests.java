package org.chuangwen.inspections;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.criteria.Standard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chuangwen.inspections.InspectionTestRounds.item;
import static org.chuangwen.inspections.ObservationResult.COMPLIANT;
import static org.chuangwen.inspections.ObservationResult.NON_COMPLIANT;
import static org.chuangwen.inspections.ObservationResult.NOT_APPLICABLE;

/** The contract with the scoring floor: pass-rate sums per standard and group, facts, latest state, events. */
@ChuangwenIntegrationTest
class InspectionDirectoryIntegrationTests {

	@Autowired
	InspectionTestRounds rounds;

	@Autowired
	InspectionDirectory directory;

	@Autowired
	InspectionManagement management;

	@Test
	void standardRatesSumTheEffectiveFractionsAndLeaveNotApplicableOut() {
		InspectionRound round = rounds.open(new SamplingQuota("P05", null, 3));
		List<SampledPoint> points = rounds.points(round);
		assertThat(points).hasSize(3);
		List<Standard> standards = rounds.standards(round, "P05");
		assertThat(standards.size()).isGreaterThanOrEqualTo(2);
		UUID s1 = standards.get(0).id();
		UUID s2 = standards.get(1).id();
		// point A: s1 compliant (1), s2 compliant at 0.8
		management.record(rounds.inspector(), round.id(), points.get(0).pointId(),
				List.of(item(s1, COMPLIANT, null), item(s2, COMPLIANT, "0.8")));
		// point B: s1 non-compliant (0), s2 not applicable (left out)
		management.record(rounds.inspector(), round.id(), points.get(1).pointId(),
				List.of(item(s1, NON_COMPLIANT, null), item(s2, NOT_APPLICABLE, null)));
		// point C: s1 non-compliant with a fraction 0.5, s2 non-compliant (0)
		management.record(rounds.inspector2(), round.id(), points.get(2).pointId(),
				List.of(item(s1, NON_COMPLIANT, "0.5"), item(s2, NON_COMPLIANT, null)));

		ObservationQuery query = ObservationQuery.ofRound(round.frameworkId(), round.id());
		Map<UUID, StandardRate> city = directory.standardRates(query, ScoreDimension.CITY)
			.stream()
			.collect(Collectors.toMap(StandardRate::standardId, r -> r));
		assertThat(city.get(s1).groupKey()).isNull();
		assertThat(city.get(s1).getSum()).isEqualByComparingTo("1.5"); // 1 + 0 + 0.5
		assertThat(city.get(s1).applicable()).isEqualTo(3);
		assertThat(city.get(s2).getSum()).isEqualByComparingTo("0.8"); // 0.8 + (n/a) + 0
		assertThat(city.get(s2).applicable()).isEqualTo(2);

		List<StandardRate> byPoint = directory.standardRates(query, ScoreDimension.POINT);
		assertThat(byPoint).hasSize(5);
		assertThat(byPoint).filteredOn(r -> r.groupKey().equals(points.get(1).pointId().toString()))
			.singleElement()
			.satisfies(r -> assertThat(r.getSum()).isEqualByComparingTo(BigDecimal.ZERO));
		assertThat(directory.standardRates(query, ScoreDimension.POINT_TYPE)).allMatch(r -> r.groupKey().equals("P05"));
		assertThat(directory.standardRates(query, ScoreDimension.DISTRICT)).isNotEmpty()
			.allMatch(r -> r.groupKey() != null);

		// a period and kind filter that excludes everything
		assertThat(directory.standardRates(new ObservationQuery(round.frameworkId(), Set.of(round.id()),
				Set.of(RoundKind.MOCK_ASSESSMENT), null, null), ScoreDimension.CITY)).isEmpty();

		List<ObservationFact> facts = new ArrayList<>();
		directory.forEachFact(query, facts::add);
		assertThat(facts).hasSize(6);
		assertThat(facts).filteredOn(f -> f.result() == NOT_APPLICABLE).singleElement()
			.satisfies(f -> assertThat(f.getFraction()).isNull());
		assertThat(facts).allSatisfy(f -> {
			assertThat(f.districtId()).isNotNull();
			assertThat(f.unitId()).isNotNull();
			assertThat(f.roundKind()).isEqualTo(RoundKind.WEEKLY_CHECK);
		});

		// the three non-compliant items created one problem each
		assertThat(directory.observations(rounds.office(), round.id()))
			.filteredOn(o -> o.result() == NON_COMPLIANT)
			.hasSize(3)
			.allSatisfy(o -> assertThat(o.problemId()).isNotNull());
	}

	@Test
	void reSavingAnItemReplacesItAndPublishesThePreviousFact() {
		InspectionRound round = rounds.open(new SamplingQuota("P08", null, 1));
		SampledPoint point = rounds.points(round).get(0);
		UUID s = rounds.standards(round, "P08").get(0).id();
		int before = rounds.recorded.size();
		management.record(rounds.inspector(), round.id(), point.pointId(), List.of(item(s, COMPLIANT, null)));
		management.record(rounds.inspector(), round.id(), point.pointId(), List.of(item(s, COMPLIANT, "0.6")));
		// a retry with the same values changes nothing and publishes nothing
		management.record(rounds.inspector(), round.id(), point.pointId(), List.of(item(s, COMPLIANT, "0.60")));
		List<ObservationRecorded> events = rounds.recorded.subList(before, rounds.recorded.size());
		assertThat(events).hasSize(2);
		assertThat(events.get(0).previous()).isNull();
		assertThat(events.get(1).previous().getFraction()).isEqualByComparingTo("1");
		assertThat(events.get(1).fact().getFraction()).isEqualByComparingTo("0.6");
		assertThat(events.get(1).fact().observationId()).isEqualTo(events.get(0).fact().observationId());

		List<ObservationFact> latest = directory.latestFacts(round.frameworkId());
		assertThat(latest).filteredOn(f -> f.pointId().equals(point.pointId()) && f.standardId().equals(s))
			.singleElement()
			.satisfies(f -> assertThat(f.getFraction()).isEqualByComparingTo("0.6"));
		assertThat(directory.round(round.id())).get().satisfies(r -> {
			assertThat(r.sampledPoints()).isEqualTo(1);
			assertThat(r.observedPoints()).isEqualTo(1);
		});
		assertThat(directory.rounds(round.frameworkId())).extracting(InspectionRound::id).contains(round.id());
		assertThat(directory.photos(round.id())).isEmpty();
	}

	@Test
	void samplingRulesListTheOfficialOneFirst() {
		List<SamplingRule> rules = directory.samplingRules();
		assertThat(rules).isNotEmpty();
		assertThat(rules.get(0).official()).isTrue();
		assertThat(rules.get(0).quotas().stream().mapToInt(SamplingQuota::count).sum()).isEqualTo(87);
		assertThat(rules.stream().filter(SamplingRule::official)).hasSize(1);
	}
}
