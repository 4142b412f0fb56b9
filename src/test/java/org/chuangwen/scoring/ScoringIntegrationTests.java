package org.chuangwen.scoring;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.criteria.Standard;
import org.chuangwen.inspections.InspectionDirectory;
import org.chuangwen.inspections.InspectionManagement;
import org.chuangwen.inspections.InspectionRound;
import org.chuangwen.inspections.InspectionTestRounds;
import org.chuangwen.inspections.Observation;
import org.chuangwen.inspections.ObservationQuery;
import org.chuangwen.inspections.SampledPoint;
import org.chuangwen.inspections.SamplingQuota;
import org.chuangwen.inspections.ScoreDimension;
import org.chuangwen.organisation.Actor;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.chuangwen.inspections.InspectionTestRounds.item;
import static org.chuangwen.inspections.ObservationResult.COMPLIANT;
import static org.chuangwen.inspections.ObservationResult.NON_COMPLIANT;
import static org.chuangwen.inspections.ObservationResult.NOT_APPLICABLE;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Scores from real observations: the round's scores, the city cache against a full recompute, scoping, the report. */
@ChuangwenIntegrationTest
class ScoringIntegrationTests {

	@Autowired
	InspectionTestRounds rounds;

	@Autowired
	InspectionManagement inspections;

	@Autowired
	InspectionDirectory inspectionDirectory;

	@Autowired
	ScoringDirectory directory;

	@Autowired
	ScoringReports reports;

	@Autowired
	ScoreCalculator calculator;

	@Autowired
	RateCache cache;

	@Autowired
	RateKeeper keeper;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	/** A round of three P05 points with mixed results; answers the round and the two standards used. */
	private record Recorded(InspectionRound round, List<SampledPoint> points, UUID s1, UUID s2) {
	}

	private Recorded aRoundWithMixedResults() {
		InspectionRound round = rounds.open(new SamplingQuota("P05", null, 3));
		List<SampledPoint> points = rounds.points(round);
		List<Standard> standards = rounds.standards(round, "P05");
		UUID s1 = standards.get(0).id();
		UUID s2 = standards.get(1).id();
		inspections.record(rounds.inspector(), round.id(), points.get(0).pointId(),
				List.of(item(s1, COMPLIANT, null), item(s2, COMPLIANT, "0.8")));
		inspections.record(rounds.inspector(), round.id(), points.get(1).pointId(),
				List.of(item(s1, NON_COMPLIANT, null), item(s2, NOT_APPLICABLE, null)));
		inspections.record(rounds.inspector2(), round.id(), points.get(2).pointId(),
				List.of(item(s1, NON_COMPLIANT, "0.5"), item(s2, NON_COMPLIANT, null)));
		return new Recorded(round, points, s1, s2);
	}

	private static void assertSameSums(RateSums a, RateSums b) {
		assertThat(a.groups().keySet()).isEqualTo(b.groups().keySet());
		a.groups().forEach((group, sums) -> {
			Map<UUID, RateSums.Sum> other = b.group(group);
			sums.forEach((standard, sum) -> {
				RateSums.Sum o = other.get(standard);
				if (sum.applicable == 0 && Math.abs(sum.getSum) < 1e-9) {
					return; // a row whose observations were all taken back
				}
				assertThat(o).as("group %s standard %s", group, standard).isNotNull();
				assertThat(o.applicable).isEqualTo(sum.applicable);
				assertThat(o.getSum).isCloseTo(sum.getSum, within(1e-6));
			});
		});
	}

	@Test
	void roundScoresAreReadyAtOnceAndTheCityCacheAgreesWithAFullRecompute() {
		Recorded r = aRoundWithMixedResults();
		UUID framework = r.round().frameworkId();
		// a correction: point A's s1 becomes non-compliant at 0.6
		inspections.record(rounds.inspector(), r.round().id(), r.points().get(0).pointId(),
				List.of(item(r.s1(), NON_COMPLIANT, "0.6")));

		Scores round = directory.scores(fixtures.cityOffice(),
				new ScoreQuery(framework, r.round().id(), null, null, null, ScoreGrouping.CRITERION), PageRequest.of(0, 50));
		CriterionScore s1 = round.criteria().stream().filter(c -> c.id().equals(r.s1())).findFirst().orElseThrow();
		CriterionScore s2 = round.criteria().stream().filter(c -> c.id().equals(r.s2())).findFirst().orElseThrow();
		assertThat(s1.passRate()).isEqualByComparingTo("0.3667"); // (0.6 + 0 + 0.5) / 3
		assertThat(s1.observations()).isEqualTo(3);
		assertThat(s2.passRate()).isEqualByComparingTo("0.4000"); // (0.8 + 0) / 2, n/a left out
		assertThat(round.total().score()).isNotNull();
		// only s1 and s2 were observed: the total's maximum went to them, in proportion
		assertThat(round.total().maxScore()).isEqualByComparingTo(s1.effectiveMax().add(s2.effectiveMax()));

		for (ScoreDimension d : RateCache.CACHED) {
			assertSameSums(cache.sums(framework, d, Set.of()),
					calculator.fromInspections(new ObservationQuery(framework, null, null, null, null), d));
		}
		keeper.rebuild(framework);
		for (ScoreDimension d : RateCache.CACHED) {
			assertSameSums(calculator.fromInspections(new ObservationQuery(framework, null, null, null, null), d),
					cache.sums(framework, d, Set.of()));
		}
		assertThat(cache.lastRebuild(framework)).isPresent();
	}

	@Test
	void theReportCountsPointsProblemsAndUnitsAndTheTraceNamesWhoLostWhat() throws Exception {
		Recorded r = aRoundWithMixedResults();
		RoundReport report = reports.report(fixtures.cityOffice(), r.round().id());

		assertThat(report.points()).isEqualTo(3);
		assertThat(report.problems()).isEqualTo(3);
		assertThat(report.units()).isBetween(1, 3);
		assertThat(report.observations()).isEqualTo(5);
		assertThat(report.worstPoints()).hasSize(3);
		assertThat(report.worstPoints().get(0).passRate()).isEqualByComparingTo("0.0000"); // point C? no: B fails s1 → 0
		assertThat(report.byUnit()).isNotEmpty();

		LossTrace trace = reports.trace(fixtures.cityOffice(), r.round().id(), null);
		assertThat(trace.items()).hasSize(4); // A s2 at 0.8, B s1, C s1 at 0.5, C s2
		assertThat(trace.items()).allSatisfy(i -> {
			assertThat(i.unitName()).isNotBlank();
			assertThat(i.lost().signum()).isPositive();
		});
		// every non-compliant item created a problem: the trace names it (id and number), a partial pass did not
		List<Observation> observed = inspectionDirectory.observations(fixtures.cityOffice(), r.round().id());
		Map<UUID, UUID> problemOf = new HashMap<>();
		observed.forEach(o -> problemOf.put(o.id(), o.problemId()));
		assertThat(trace.items()).filteredOn(i -> "NON_COMPLIANT".equals(i.result())).hasSize(3).allSatisfy(i -> {
			assertThat(i.problemId()).isNotNull().isEqualTo(problemOf.get(i.observationId()));
			assertThat(i.problemNumber()).matches("\\d{4}-\\d{6}");
		});
		assertThat(trace.items()).filteredOn(i -> !"NON_COMPLIANT".equals(i.result()))
			.allSatisfy(i -> assertThat(i.problemId()).isNull());
		LossTrace.LostItem withProblem = trace.items().stream().filter(i -> i.problemId() != null).findFirst().orElseThrow();
		mvc.perform(get("/scores/trace").param("round", r.round().id().toString()).with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(
					"href=\"/problems/" + withProblem.problemId() + "\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(withProblem.problemNumber())));
		// what the items cost adds up to what the round lost against its maximum
		Scores scores = directory.scores(fixtures.cityOffice(),
				new ScoreQuery(r.round().frameworkId(), r.round().id(), null, null, null, ScoreGrouping.CRITERION),
				PageRequest.of(0, 1));
		assertThat(trace.lostInAll().doubleValue()).isCloseTo(
				scores.total().maxScore().subtract(scores.total().score()).doubleValue(), within(0.002));

		mvc.perform(get("/scores/rounds/{id}", r.round().id()).with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("共测评 3 个点位、发现 3 个问题")));
		mvc.perform(get("/scores/rounds/{id}/print", r.round().id()).with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("@page { size: A4")));
		byte[] xlsx = mvc.perform(get("/scores/rounds/{id}/export", r.round().id()).with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(book.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("3");
		}
		byte[] traceXlsx = mvc.perform(get("/scores/trace/export").param("round", r.round().id().toString())
			.with(fixtures.signedInAs("office"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(traceXlsx))) {
			assertThat(book.getSheetAt(0).getPhysicalNumberOfRows()).isEqualTo(5);
			assertThat(book.getSheetAt(0).getRow(0).getCell(11).getStringCellValue()).startsWith("问题编号");
			java.util.Set<String> numbers = new java.util.HashSet<>();
			for (int row = 1; row < 5; row++) {
				org.apache.poi.ss.usermodel.Cell cell = book.getSheetAt(0).getRow(row).getCell(11);
				if (cell != null) {
					numbers.add(cell.getStringCellValue());
				}
			}
			assertThat(numbers).hasSize(3).contains(withProblem.problemNumber());
		}
		mvc.perform(get("/api/v1/scores").param("round", r.round().id().toString()).param("by", "unit")
			.with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.groupBy").value("unit"))
			.andExpect(jsonPath("$.items").isArray())
			.andExpect(jsonPath("$.total.maxScore").exists());
		mvc.perform(get("/api/v1/scores").param("by", "planet").with(fixtures.signedInAs("office")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/scores").param("round", r.round().id().toString()).with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("criteria-scores")));
		mvc.perform(get("/scores").param("by", "pointType").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk());
		mvc.perform(get("/scores/trace").param("round", r.round().id().toString()).with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("trace-units")));
	}

	@Test
	void aUnitSeesOnlyItsOwnPartOfClosedRoundsAndTheDistrictOfficeItsDistrict() throws Exception {
		Recorded r = aRoundWithMixedResults();
		Actor unit = fixtures.actor("unit_admin");
		// unannounced: an open round does not exist for a unit
		assertThatThrownBy(() -> reports.report(unit, r.round().id())).isInstanceOf(NotFoundException.class);
		mvc.perform(get("/api/v1/scores/rounds/{id}/trace", r.round().id()).with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isNotFound());
		inspections.close(rounds.office(), r.round().id());

		LossTrace mine = reports.trace(unit, r.round().id(), null);
		assertThat(mine.items()).allSatisfy(i -> assertThat(i.unitId()).isEqualTo(unit.unitId()));
		LossTrace all = reports.trace(fixtures.cityOffice(), r.round().id(), null);
		assertThat(all.items().stream().filter(i -> unit.unitId().equals(i.unitId())).count())
			.isEqualTo(mine.items().size());
		assertThatThrownBy(() -> reports.trace(unit, r.round().id(), UUID.randomUUID()))
			.isInstanceOf(ForbiddenException.class);

		Scores byUnit = directory.scores(unit,
				new ScoreQuery(r.round().frameworkId(), r.round().id(), null, null, null, ScoreGrouping.UNIT),
				PageRequest.of(0, 50));
		assertThat(byUnit.groups().items()).allSatisfy(l -> assertThat(l.key()).isEqualTo(unit.unitId().toString()));
		assertThat(byUnit.total().key()).isEqualTo(unit.unitId().toString());
		assertThatThrownBy(() -> directory.scores(unit,
				new ScoreQuery(r.round().frameworkId(), r.round().id(), null, null, null, ScoreGrouping.DISTRICT),
				PageRequest.of(0, 50))).isInstanceOf(ForbiddenException.class);
		mvc.perform(get("/api/v1/forecast").with(fixtures.signedInAs("unit_admin"))).andExpect(status().isForbidden());

		Actor district = fixtures.districtOffice();
		Scores districts = directory.scores(district,
				new ScoreQuery(r.round().frameworkId(), r.round().id(), null, null, null, ScoreGrouping.DISTRICT),
				PageRequest.of(0, 50));
		assertThat(districts.groups().items()).allSatisfy(l -> assertThat(l.key()).isEqualTo(district.jurisdictionId().toString()));
		assertThatThrownBy(() -> directory.scores(district,
				new ScoreQuery(r.round().frameworkId(), r.round().id(), null, null, null, ScoreGrouping.POINT_TYPE),
				PageRequest.of(0, 50))).isInstanceOf(ForbiddenException.class);
		mvc.perform(get("/api/v1/scores").with(fixtures.signedInAs("grid_worker"))).andExpect(status().isForbidden());
		mvc.perform(get("/scores").with(fixtures.signedInAs("unit_admin"))).andExpect(status().isOk());
		mvc.perform(get("/scores").param("by", "district").with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/scores/trace").with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("因我单位失分的点位")));
	}

	@Test
	void theForecastIsReproducibleAndAFixedFailureRaisesIt() throws Exception {
		// a failing item at a point of a type the official rule samples
		InspectionRound round = rounds.open(new SamplingQuota("P05", null, 1));
		SampledPoint point = rounds.points(round).get(0);
		UUID standard = rounds.standards(round, "P05").get(0).id();
		inspections.record(rounds.inspector(), round.id(), point.pointId(), List.of(item(standard, NON_COMPLIANT, null)));

		Forecast before = reports.forecast(fixtures.cityOffice(), round.frameworkId(), 2_000, 7L);
		Forecast again = reports.forecast(fixtures.cityOffice(), round.frameworkId(), 2_000, 7L);
		assertThat(again.expected()).isEqualByComparingTo(before.expected());
		assertThat(before.p05()).isLessThanOrEqualTo(before.expected());
		assertThat(before.expected()).isLessThanOrEqualTo(before.p95());
		assertThat(before.expected()).isLessThan(before.maxScore());
		assertThat(before.pointGains()).isNotEmpty().allSatisfy(g -> assertThat(g.expectedGain().signum()).isPositive());
		assertThat(before.problemGains()).isNotEmpty();

		// a re-check finds it fixed
		InspectionRound recheck = rounds.open(new SamplingQuota("P05", null, 1));
		UUID again2 = rounds.points(recheck).get(0).pointId();
		List<UUID> fixedPoints = new ArrayList<>(List.of(again2));
		if (!again2.equals(point.pointId())) {
			fixedPoints.clear();
		}
		inspections.record(rounds.inspector(), recheck.id(), again2, List.of(item(standard, COMPLIANT, null)));
		Forecast after = reports.forecast(fixtures.cityOffice(), round.frameworkId(), 2_000, 7L);
		if (!fixedPoints.isEmpty()) {
			assertThat(after.expected()).isGreaterThan(before.expected());
		}
		else {
			// another P05 point was drawn for the re-check; a compliant observation never lowers the forecast
			assertThat(after.expected()).isGreaterThanOrEqualTo(before.expected());
		}
		mvc.perform(get("/api/v1/forecast").param("simulations", "500").param("seed", "3")
			.with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.simulations").value(500))
			.andExpect(jsonPath("$.expected").isNumber());
		mvc.perform(get("/api/v1/forecast").param("simulations", "0").with(fixtures.signedInAs("office")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/scores/forecast").param("simulations", "200").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk());
	}
}
