package org.chuangwen.scoring;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.audit.AuditTrail;
import org.chuangwen.demo.DemoCity;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.problems.UnitDayFigures;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The evaluation on the demo city and on a small test city of its own: the facts against a recount of the problems,
 * the rankings API's shape, scoping, weights, flags with the three-step last-place escalation under an injected
 * clock, penalties, pages and the Excel export.
 */
@ChuangwenIntegrationTest
class EvaluationIntegrationTests {

	static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UnitDayFacts facts;

	@Autowired
	UnitDayFigures figures;

	@Autowired
	RankingEngine engine;

	@Autowired
	EvaluationRepository repository;

	@Autowired
	AuditTrail audit;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	EvaluationDirectory directory;

	@Autowired
	EvaluationManagement management;

	@Autowired
	OrganisationDirectory organisation;

	// facts

	@Test
	void theFactsAreWhatARecountOfTheProblemsGivesEvenAfterATamperedRowAndARetry() {
		facts.drain();
		List<UUID> units = jdbc.sql("select distinct unit_id from eval_unit_day").query(UUID.class).list();
		assertThat(units).as("the demo city's problems are counted").isNotEmpty();
		var row = jdbc.sql("select unit_id, day from eval_unit_day order by dispatched desc, unit_id limit 1")
			.query((rs, n) -> new UnitDayFigures.Slot(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class)))
			.single();
		UnitDayFigures.Counts truth = figures.of(row.unitId(), row.day(), CITY, Instant.now());
		assertThat(dispatched(row)).isEqualTo(truth.dispatched());

		jdbc.sql("update eval_unit_day set dispatched = 999, computed_at = computed_at - interval '1 day' where unit_id = :u and day = :d")
			.param("u", row.unitId()).param("d", row.day()).update();
		facts.mark(row.unitId(), row.day());
		facts.mark(row.unitId(), row.day());
		assertThat(facts.drain()).isGreaterThanOrEqualTo(1);
		assertThat(dispatched(row)).isEqualTo(truth.dispatched());
		assertThat(facts.drain()).isZero();

		facts.recount(row.day(), row.day().plusDays(1));
		facts.recount(row.day(), row.day().plusDays(1));
		assertThat(dispatched(row)).isEqualTo(truth.dispatched());
		long total = jdbc.sql("select coalesce(sum(dispatched), 0) from eval_unit_day where day = :d").param("d", row.day())
			.query(Long.class).single();
		assertThat(total).isEqualTo(figures.ofDay(row.day(), CITY, Instant.now()).stream()
			.mapToLong(UnitDayFigures.Counts::dispatched).sum());
	}

	private int dispatched(UnitDayFigures.Slot slot) {
		return jdbc.sql("select dispatched from eval_unit_day where unit_id = :u and day = :d")
			.param("u", slot.unitId()).param("d", slot.day()).query(Integer.class).single();
	}

	// API shape and bad input

	@Test
	void theRankingsApiAnswersTheDocumentedShape() throws Exception {
		mvc.perform(get("/api/v1/rankings").param("period", "month").param("unitType", "department")
			.with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.period").value("month"))
			.andExpect(jsonPath("$.unitType").value("department"))
			.andExpect(jsonPath("$.from").value(LocalDate.now(CITY).withDayOfMonth(1).toString()))
			.andExpect(jsonPath("$.to", notNullValue()))
			.andExpect(jsonPath("$.items.length()", greaterThan(1)))
			.andExpect(jsonPath("$.items[0].unitId", notNullValue()))
			.andExpect(jsonPath("$.items[0].unitName", notNullValue()))
			.andExpect(jsonPath("$.items[0].index", notNullValue()))
			.andExpect(jsonPath("$.items[0].grade", notNullValue()))
			.andExpect(jsonPath("$.items[0].rank").value(1))
			.andExpect(jsonPath("$.items[0].tier").value("good"));
	}

	@Test
	void aFuturePeriodOrAnUnknownCategoryIsRefusedAndAnEmptyPeriodIsHonest() throws Exception {
		mvc.perform(get("/api/v1/rankings").param("period", "week").param("date", LocalDate.now(CITY).plusDays(8).toString())
			.with(fixtures.signedInAs("office")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(get("/api/v1/rankings").param("unitType", "planets").with(fixtures.signedInAs("office")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/rankings").param("period", "day").param("date", "2020-01-01")
			.param("unitType", "street").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(0))
			.andExpect(jsonPath("$.ranked").value(0));
		mvc.perform(get("/evaluation/rankings").param("period", "day").param("date", "2020-01-01")
			.with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("本期还没有可排名的数据")));
	}

	// scoping

	@Test
	void aUnitSeesItsOwnScorecardAndItsOwnRankingLineOnly() throws Exception {
		Actor unit = fixtures.actor("unit_admin");
		UUID other = organisation.unitByCode(DemoCity.UNIT_TRAFFIC_POLICE).orElseThrow().id();
		mvc.perform(get("/api/v1/units/{id}/performance", unit.unitId()).param("period", "month")
			.with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unitId").value(unit.unitId().toString()))
			.andExpect(jsonPath("$.indicators.length()").value(11))
			.andExpect(jsonPath("$.indicators[0].key").value("disposal"));
		mvc.perform(get("/api/v1/units/{id}/performance", other).with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/evaluation/units/{id}", other).with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/rankings").param("period", "month").param("unitType", "department")
			.with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].unitId", everyItem(is(unit.unitId().toString()))));
		mvc.perform(get("/api/v1/rankings").with(fixtures.signedInAs("grid_worker"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/units/{id}/performance", other).with(fixtures.signedInAs("auditor")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/units/{id}/performance", other).param("period", "month")
			.with(fixtures.signedInAs("leader"))).andExpect(status().isOk());
		assertThatThrownBy(() -> directory.eveningList(unit, LocalDate.now(CITY))).isInstanceOf(ForbiddenException.class);
	}

	// weights

	@Test
	void weightsThatDoNotAddUpToAHundredAreRefusedWithAClearMessageAndValidOnesAreAudited() throws Exception {
		mvc.perform(post("/evaluation/settings/weights").param("disposal", "30").param("onTime", "30")
			.param("rework", "30").param("volume", "5").with(fixtures.signedInAs("office"))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("四项权重合计为 95%，必须正好为 100%")));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/evaluation/weights")
			.contentType("application/json").content("{\"disposal\": 50, \"onTime\": 30, \"rework\": 30, \"volume\": 10}")
			.header("Accept-Language", "zh-CN").with(fixtures.signedInAs("office")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(content().string(containsString("120%")));
		Actor office = fixtures.cityOffice();
		assertThat(directory.weights(office)).isEqualTo(Weights.DEFAULT);
		try {
			mvc.perform(post("/evaluation/settings/weights").param("disposal", "40").param("onTime", "30")
				.param("rework", "20").param("volume", "10").with(fixtures.signedInAs("office"))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
				.andExpect(status().is3xxRedirection());
			assertThat(directory.weights(office).disposal()).isEqualByComparingTo("40");
			assertThat(jdbc.sql("select count(*) from audit_event where action = 'evaluation.weights.set'")
				.query(Long.class).single()).isPositive();
			assertThatThrownBy(() -> management.setWeights(fixtures.actor("leader"), BigDecimal.valueOf(25),
					BigDecimal.valueOf(25), BigDecimal.valueOf(25), BigDecimal.valueOf(25)))
				.isInstanceOf(ForbiddenException.class);
		}
		finally {
			management.setWeights(office, BigDecimal.valueOf(30), BigDecimal.valueOf(30), BigDecimal.valueOf(30),
					BigDecimal.TEN);
		}
	}

	// flags and the last-place ladder

	@Test
	void flagsGoToTheFirstAndLastAndTheSameLastPlaceClimbsTalkThenOrganisationThenAccountability() {
		UUID city = UUID.randomUUID();
		String suffix = city.toString().substring(0, 8);
		jdbc.sql("insert into jurisdiction (id, parent_id, level, code, name, path) values (:id, null, 'CITY', :code, '测试市', :path)")
			.param("id", city).param("code", "T-" + suffix).param("path", "/" + city + "/").update();
		UUID best = street(city, "T-" + suffix + "-1", "甲街道");
		UUID middle = street(city, "T-" + suffix + "-2", "乙街道");
		UUID worst = street(city, "T-" + suffix + "-3", "丙街道");
		LocalDate monday = LocalDate.of(2021, 3, 1);
		for (int week = 0; week < 4; week++) {
			LocalDate day = monday.plusWeeks(week);
			fact(best, day, 10, 10, 10, 0);
			fact(middle, day, 10, 8, 6, 2);
			// in week 4 the worst does better than the middle one
			fact(worst, day, 10, week == 3 ? 10 : 4, week == 3 ? 9 : 2, week == 3 ? 0 : 3);
		}
		Clock clock = Clock.fixed(LocalDate.of(2021, 4, 1).atStartOfDay(CITY).toInstant(), CITY);
		FlagAwards awards = new FlagAwards(engine, facts, repository, audit, clock, transactions);
		for (int week = 0; week < 4; week++) {
			awards.award(Period.of(Period.Kind.WEEK, monday.plusWeeks(week)));
		}
		assertThat(awards.award(Period.of(Period.Kind.WEEK, monday))).as("awarded once only").isZero();
		assertThatThrownBy(() -> awards.award(Period.of(Period.Kind.WEEK, LocalDate.of(2021, 3, 31))))
			.isInstanceOf(IllegalArgumentException.class);

		List<RotatingFlag> bestFlags = repository.flagsOfUnit(best, 10);
		assertThat(bestFlags).hasSize(4).allSatisfy(f -> assertThat(f.colour()).isEqualTo(RotatingFlag.Colour.RED));
		assertThat(repository.flagsOfUnit(worst, 10)).hasSize(3)
			.allSatisfy(f -> assertThat(f.colour()).isEqualTo(RotatingFlag.Colour.BLACK));
		assertThat(repository.flagsOfUnit(middle, 10)).singleElement()
			.satisfies(f -> assertThat(f.periodStart()).isEqualTo(monday.plusWeeks(3)));

		List<LastPlaceNotice> worstNotices = new java.util.ArrayList<>(repository.notices(worst, 10));
		java.util.Collections.reverse(worstNotices);
		assertThat(worstNotices).extracting(LastPlaceNotice::kind).containsExactly(LastPlaceNotice.Kind.LEADER_TALK,
				LastPlaceNotice.Kind.ORGANISATION_TALK, LastPlaceNotice.Kind.ACCOUNTABILITY);
		assertThat(worstNotices).extracting(LastPlaceNotice::consecutive).containsExactly(1, 2, 3);
		assertThat(worstNotices).allSatisfy(n -> assertThat(n.number()).startsWith("创文问〔2021〕第"));
		assertThat(worstNotices.get(1).seq()).isEqualTo(worstNotices.get(0).seq() + 1);
		// the middle unit's first last place starts the ladder from the beginning
		assertThat(repository.notices(middle, 10)).singleElement()
			.satisfies(n -> assertThat(n.kind()).isEqualTo(LastPlaceNotice.Kind.LEADER_TALK));
		assertThat(engine.rank(Period.of(Period.Kind.WEEK, monday), RankingCategory.STREET,
				organisation.jurisdiction(city).orElseThrow()).entries())
			.extracting(Ranking.Entry::flag).containsExactly("red", null, "black");
	}

	private UUID street(UUID city, String code, String name) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into unit (id, code, name, type, jurisdiction_id) values (:id, :code, :name, 'STREET_OFFICE', :j)")
			.param("id", id).param("code", code).param("name", name).param("j", city).update();
		return id;
	}

	private void fact(UUID unit, LocalDate day, int dispatched, int disposed, int onTime, int reworked) {
		jdbc.sql("""
				insert into eval_unit_day (unit_id, day, dispatched, disposed, disposed_on_time, closed, closed_on_time,
				                           rectified, reworked, ever_closed, relapsed, overdue, computed_at)
				values (:u, :d, :n, :disposed, :onTime, :disposed, :onTime, :disposed, :reworked, :disposed, 0, 0, now())
				""")
			.param("u", unit).param("d", day).param("n", dispatched).param("disposed", disposed).param("onTime", onTime)
			.param("reworked", reworked).update();
	}

	// penalties

	@Test
	void aPenaltyWithEvidenceIsSeenByItsUnitOnlyAndRevokedOnceWithAReason() throws Exception {
		Actor office = fixtures.cityOffice();
		Actor unit = fixtures.actor("unit_admin");
		Penalty p = management.recordPenalty(office, new EvaluationManagement.NewPenalty(unit.unitId(),
				Penalty.Kind.OFFICIAL_VEHICLE_VIOLATION, LocalDate.now(CITY).minusDays(1), "公务车闯红灯",
				BigDecimal.valueOf(2), BigDecimal.ONE, false, List.of(new EvaluationManagement.EvidenceFile("记录.pdf",
						"%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))));
		assertThat(p.evidence()).hasSize(1);
		assertThat(directory.penalty(unit, p.id()).unitId()).isEqualTo(unit.unitId());
		assertThatThrownBy(() -> directory.penalty(fixtures.actor("police_admin"), p.id()))
			.isInstanceOf(NotFoundException.class);
		mvc.perform(get("/evaluation/penalties/{id}/evidence/{b}", p.id(), p.evidence().get(0).blobId())
			.with(fixtures.signedInAs("unit_admin"))).andExpect(status().isOk());
		Scorecard card = directory.scorecard(unit, unit.unitId(), Period.of(Period.Kind.MONTH, LocalDate.now(CITY)));
		assertThat(card.penalties()).extracting(Penalty::id).contains(p.id());
		assertThat(card.appraisalPointsLost()).isGreaterThanOrEqualTo(BigDecimal.ONE);

		assertThatThrownBy(() -> management.revokePenalty(office, p.id(), " ", null)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> management.recordPenalty(unit, new EvaluationManagement.NewPenalty(unit.unitId(),
				Penalty.Kind.OTHER, LocalDate.now(CITY), "x", BigDecimal.ONE, null, false, List.of())))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> management.recordPenalty(office, new EvaluationManagement.NewPenalty(unit.unitId(),
				Penalty.Kind.OTHER, LocalDate.now(CITY), "x", BigDecimal.ZERO, BigDecimal.ZERO, false, List.of())))
			.isInstanceOf(InvalidInputException.class);
		Penalty revoked = management.revokePenalty(office, p.id(), "重复登记", p.version());
		assertThat(revoked.isRevoked()).isTrue();
		assertThatThrownBy(() -> management.revokePenalty(office, p.id(), "再次撤销", null)).isInstanceOf(ConflictException.class);
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'evaluationPenalty' and object_id = :id")
			.param("id", p.id().toString()).query(Long.class).single()).isEqualTo(2);
	}

	// pages and exports

	@Test
	void thePagesRenderAndTheRankingExportsToExcel() throws Exception {
		for (String path : List.of("/evaluation/rankings?period=month&unitType=department",
				"/evaluation/rankings?period=week&unitType=street&publish=tiers", "/evaluation/flags",
				"/evaluation/evening", "/evaluation/penalties", "/evaluation/settings",
				"/evaluation/rankings?period=quarter&unitType=commandPost", "/evaluation/rankings?unitType=district")) {
			mvc.perform(get(path).with(fixtures.signedInAs("office"))).andExpect(status().isOk());
		}
		Actor unit = fixtures.actor("unit_admin");
		mvc.perform(get("/evaluation/units/{id}", unit.unitId()).param("period", "month").with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("处置率")));
		mvc.perform(get("/evaluation").with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().is3xxRedirection());

		MvcResult export = mvc.perform(get("/evaluation/rankings/export").param("period", "month")
			.param("unitType", "department").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
			assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("名次");
			assertThat(book.getSheetAt(0).getRow(2).getCell(0).getNumericCellValue()).isEqualTo(1.0);
		}
		MvcResult appraisal = mvc.perform(get("/evaluation/appraisal/export").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk()).andReturn();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(appraisal.getResponse().getContentAsByteArray()))) {
			assertThat(book.getSheetAt(0).getPhysicalNumberOfRows()).isGreaterThan(1);
		}
	}

	@Test
	void theDemoCityHasFlagsAndPenalties() {
		Actor office = fixtures.cityOffice();
		assertThat(directory.redBlackList(office, Period.Kind.WEEK, 8)).isNotEmpty();
		assertThat(directory.penalties(office, null, org.chuangwen.shared.PageRequest.of(0, 50)).items())
			.anySatisfy(p -> assertThat(p.isRevoked()).isTrue());
	}
}
