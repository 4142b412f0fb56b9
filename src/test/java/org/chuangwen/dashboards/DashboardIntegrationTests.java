package org.chuangwen.dashboards;

import java.io.ByteArrayInputStream;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.organisation.Actor;
import org.chuangwen.problems.Problem;
import org.chuangwen.problems.ProblemDirectory;
import org.chuangwen.problems.ProblemFigures;
import org.chuangwen.problems.ProblemFilter;
import org.chuangwen.problems.ProblemStatus;
import org.chuangwen.problems.SlaLight;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The command dashboard against the demo city: every panel's figures agree with an independent count of the problems
 * (per state, per day, per SLA light computed one problem at a time, per point), within the caller's scope; units get
 * 403; a week with nothing in it says so; every panel and the weekly summary export an Excel workbook.
 */
@ChuangwenIntegrationTest
class DashboardIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CommandDashboard dashboard;

	@Autowired
	WeeklySummary weekly;

	@Autowired
	ProblemDirectory problems;

	@Autowired
	ProblemFigures figures;

	@Autowired
	JdbcClient jdbc;

	private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	private String scopeOf(Actor actor) {
		return actor.scopePath() == null ? "" : actor.scopePath();
	}

	@Test
	void problemsByStateAreTheCountsOfTheProblemsInTheCallersScope() {
		for (Actor actor : List.of(fixtures.cityOffice(), fixtures.districtOffice(), fixtures.actor("leader"))) {
			Map<ProblemStatus, Long> expected = new EnumMap<>(ProblemStatus.class);
			for (ProblemStatus s : ProblemStatus.values()) {
				expected.put(s, 0L);
			}
			jdbc.sql("select status, count(*) from problem where jurisdiction_path like :p || '%' group by status")
				.param("p", scopeOf(actor))
				.query((rs, n) -> expected.put(ProblemStatus.valueOf(rs.getString(1)), rs.getLong(2)))
				.list();
			assertThat(dashboard.states(actor)).as(actor.username()).isEqualTo(expected);
		}
		long city = dashboard.states(fixtures.cityOffice()).values().stream().mapToLong(Long::longValue).sum();
		long district = dashboard.states(fixtures.districtOffice()).values().stream().mapToLong(Long::longValue).sum();
		assertThat(city).isPositive();
		assertThat(district).isPositive().isLessThan(city);
	}

	@Test
	void theTrendCountsTheProblemsReportedAndClosedOnEachDay() {
		for (Actor actor : List.of(fixtures.cityOffice(), fixtures.districtOffice())) {
			List<ProblemFigures.DayFlow> trend = dashboard.trend(actor);
			assertThat(trend).hasSize(CommandDashboard.TREND_DAYS);
			assertThat(trend.get(trend.size() - 1).day()).isEqualTo(dashboard.today());
			for (ProblemFigures.DayFlow d : trend) {
				Instant from = d.day().atStartOfDay(CITY).toInstant();
				Instant to = d.day().plusDays(1).atStartOfDay(CITY).toInstant();
				long reported = jdbc.sql("""
						select count(*) from problem where jurisdiction_path like :p || '%'
						and created_at >= :from and created_at < :to""")
					.param("p", scopeOf(actor)).param("from", from.atOffset(java.time.ZoneOffset.UTC))
					.param("to", to.atOffset(java.time.ZoneOffset.UTC)).query(Long.class).single();
				long closed = jdbc.sql("""
						select count(*) from problem where jurisdiction_path like :p || '%' and status = 'CLOSED'
						and closed_at >= :from and closed_at < :to""")
					.param("p", scopeOf(actor)).param("from", from.atOffset(java.time.ZoneOffset.UTC))
					.param("to", to.atOffset(java.time.ZoneOffset.UTC)).query(Long.class).single();
				assertThat(d.reported()).as(actor.username() + " reported on " + d.day()).isEqualTo(reported);
				assertThat(d.closed()).as(actor.username() + " closed on " + d.day()).isEqualTo(closed);
			}
		}
		assertThat(dashboard.trend(fixtures.cityOffice()).stream().mapToLong(d -> d.reported() + d.closed()).sum())
			.as("the demo city has a few months of history").isPositive();
	}

	@Test
	void theSlaLightsAreTheLightsOfTheProblemsAtTheirUnitsOneByOne() {
		for (Actor actor : List.of(fixtures.cityOffice(), fixtures.districtOffice())) {
			Map<SlaLight, Long> expected = new EnumMap<>(SlaLight.class);
			for (SlaLight l : SlaLight.values()) {
				expected.put(l, 0L);
			}
			for (ProblemStatus s : ProblemStatus.AT_UNIT) {
				for (int page = 0;; page++) {
					var p = problems.problems(actor, ProblemFilter.none().withStatus(s), new PageRequest(page, 500));
					for (ProblemDirectory.Listed l : p.items()) {
						expected.merge(problems.light(l.problem()), 1L, Long::sum);
					}
					if (!p.hasNext()) {
						break;
					}
				}
			}
			ProblemFigures.Lights lights = dashboard.lights(actor);
			assertThat(Map.of(SlaLight.GREEN, lights.green(), SlaLight.YELLOW, lights.yellow(), SlaLight.RED, lights.red()))
				.as(actor.username()).isEqualTo(expected);
			for (SlaLight l : SlaLight.values()) {
				var listed = figures.withLight(actor, l, new PageRequest(0, 500));
				assertThat(listed.total()).as(l.name()).isEqualTo(lights.of(l));
				assertThat(listed.items()).allSatisfy(x -> assertThat(problems.light(x.problem())).isEqualTo(l));
			}
		}
		assertThat(dashboard.lights(fixtures.cityOffice()).total()).as("the demo city has problems at units").isPositive();
	}

	@Test
	void theOverdueListShowsTheLongestOverdueFirstAndCountsThemAll() {
		Actor office = fixtures.cityOffice();
		var overdue = dashboard.overdue(office);
		assertThat(overdue.total()).isEqualTo(problems.countOverdue(office));
		List<Instant> deadlines = overdue.items().stream().map(l -> l.problem().deadline()).toList();
		assertThat(deadlines).isSorted();
		assertThat(overdue.items()).allSatisfy(l -> assertThat(l.light()).isEqualTo(SlaLight.RED));
		Actor district = fixtures.districtOffice();
		assertThat(dashboard.overdue(district).items())
			.allSatisfy(l -> assertThat(l.problem().jurisdictionPath()).startsWith(district.scopePath()));
		assertThat(dashboard.overdue(district).total()).isEqualTo(problems.countOverdue(district));
	}

	@Test
	void theWorstPointsAreThoseWithTheMostOpenProblems() {
		Actor office = fixtures.cityOffice();
		Map<UUID, Long> open = new HashMap<>();
		jdbc.sql("""
				select point_id, count(*) from problem where point_id is not null
				and status not in ('CLOSED', 'REJECTED', 'MERGED') group by point_id""")
			.query((rs, n) -> open.put(rs.getObject(1, UUID.class), rs.getLong(2)))
			.list();
		List<CommandDashboard.WorstPoint> worst = dashboard.worstPoints(office);
		assertThat(worst).hasSize((int) Math.min(CommandDashboard.LIST_ROWS, open.size()));
		long max = open.values().stream().mapToLong(Long::longValue).max().orElse(0);
		if (!worst.isEmpty()) {
			assertThat(worst.get(0).open()).isEqualTo(max);
		}
		for (CommandDashboard.WorstPoint w : worst) {
			assertThat(w.open()).isEqualTo(open.get(w.pointId()));
			assertThat(w.point()).isNotNull();
		}
		assertThat(worst.stream().map(CommandDashboard.WorstPoint::open).toList()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
		assertThat(dashboard.map(office).withOpenProblems()).isEqualTo(open.size());
	}

	@Test
	void everyPanelRendersAndExportsItsTable() throws Exception {
		String page = mvc.perform(get("/dashboard").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		for (Panel p : Panel.values()) {
			assertThat(page).contains("hx-get=\"/dashboard/panels/" + p.slug() + "\"");
			mvc.perform(get("/dashboard/panels/" + p.slug()).with(fixtures.signedInAs("office")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"panel-" + p.slug() + "\"")));
			if (p.exported()) {
				MvcResult r = mvc.perform(get("/dashboard/export/" + p.slug()).with(fixtures.signedInAs("office")))
					.andExpect(status().isOk())
					.andExpect(header().string("Content-Type", containsString("spreadsheetml")))
					.andReturn();
				try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
					assertThat(book.getNumberOfSheets()).isPositive();
					assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isNotBlank();
				}
			}
		}
		// the chart and the table behind it, each state linking to the board filtered by it
		mvc.perform(get("/dashboard/panels/states").with(fixtures.signedInAs("office")))
			.andExpect(content().string(containsString("data-chart=\"bar\"")))
			.andExpect(content().string(containsString("href=\"/problems/board?status=DISPATCHED\"")))
			.andExpect(content().string(containsString("<details")));
		mvc.perform(get("/dashboard/panels/lights").with(fixtures.signedInAs("office")))
			.andExpect(content().string(containsString("href=\"/problems/board?overdue=true\"")))
			.andExpect(content().string(containsString("href=\"/dashboard/problems?light=YELLOW\"")));
		mvc.perform(get("/dashboard/screen").with(fixtures.signedInAs("leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("every 60s")))
			.andExpect(content().string(containsString("cw-screen")));
		mvc.perform(get("/dashboard/export/countdown").with(fixtures.signedInAs("office"))).andExpect(status().isNotFound());
		mvc.perform(get("/dashboard/panels/nothing").with(fixtures.signedInAs("office"))).andExpect(status().isNotFound());
	}

	@Autowired
	org.chuangwen.scoring.EvaluationDirectory evaluation;

	@Test
	void theRankingPanelIsLastWeeksStreetRankingBestFirst() throws Exception {
		for (String user : List.of("office", "district_office")) {
			Actor actor = fixtures.actor(user);
			var lastWeek = org.chuangwen.scoring.Period.of(org.chuangwen.scoring.Period.Kind.WEEK, dashboard.today()).previous();
			var expected = evaluation.ranking(actor, lastWeek, org.chuangwen.scoring.RankingCategory.STREET);
			var ranking = dashboard.rankings(actor);
			assertThat(ranking.period()).isEqualTo(lastWeek);
			assertThat(ranking.entries()).extracting(e -> e.id()).containsExactlyElementsOf(
					expected.entries().stream().map(e -> e.id()).toList());
			String panel = mvc.perform(get("/dashboard/panels/rankings").with(fixtures.signedInAs(user)))
				.andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			if (expected.isEmpty()) {
				assertThat(panel).contains("上周没有可排名的数据");
				continue;
			}
			var best = expected.entries().get(0);
			assertThat(panel).contains("table-rankings").contains(best.name())
				.contains("/evaluation/units/" + best.id() + "?period=week&amp;date=" + lastWeek.from());
			long rows = expected.entries().stream().filter(e -> e.rank() != null).count();
			assertThat(panel.split("<tr").length - 2).isEqualTo((int) Math.min(rows, CommandDashboard.LIST_ROWS));
		}
	}

	@Test
	void theListBehindAChartElementHoldsTheProblemsItCounts() throws Exception {
		Actor office = fixtures.cityOffice();
		ProblemFigures.DayFlow busiest = dashboard.trend(office).stream()
			.max(java.util.Comparator.comparingLong(ProblemFigures.DayFlow::reported)).orElseThrow();
		mvc.perform(get("/dashboard/problems").param("day", busiest.day().toString()).param("flow", "reported")
				.with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共 " + busiest.reported() + " 件")));
		ProblemFigures.DayFlow closedMost = dashboard.trend(office).stream()
			.max(java.util.Comparator.comparingLong(ProblemFigures.DayFlow::closed)).orElseThrow();
		mvc.perform(get("/dashboard/problems").param("day", closedMost.day().toString()).param("flow", "closed")
				.with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共 " + closedMost.closed() + " 件")));
		mvc.perform(get("/dashboard/problems").param("light", "YELLOW").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共 " + dashboard.lights(office).yellow() + " 件")));
		mvc.perform(get("/dashboard/problems").param("light", "PURPLE").with(fixtures.signedInAs("office")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/dashboard/problems").with(fixtures.signedInAs("office"))).andExpect(status().isBadRequest());
	}

	@Test
	void unitsAndAdministratorsMayNotReadTheDashboard() throws Exception {
		for (String user : List.of("unit_admin", "unit_staff", "sysadmin", "inspector")) {
			for (String path : List.of("/dashboard", "/dashboard/screen", "/dashboard/panels/states", "/dashboard/export/states",
					"/dashboard/weekly", "/dashboard/weekly/export", "/dashboard/problems?light=RED")) {
				mvc.perform(get(path).with(fixtures.signedInAs(user))).andExpect(status().isForbidden());
			}
		}
		assertThatThrownBy(() -> dashboard.states(fixtures.actor("unit_admin"))).isInstanceOf(ForbiddenException.class);
		mvc.perform(get("/").with(fixtures.signedInAs("unit_admin")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("href=\"/dashboard\""))));
		mvc.perform(get("/").with(fixtures.signedInAs("leader")))
			.andExpect(content().string(containsString("id=\"home-dashboard\"")))
			.andExpect(content().string(containsString("id=\"nav-dashboard\"")));
	}

	@Test
	void theDistrictOfficeSeesOnlyItsDistrict() throws Exception {
		Actor district = fixtures.districtOffice();
		assertThat(district.scopePath()).isNotBlank();
		var yellow = figures.withLight(district, SlaLight.YELLOW, new PageRequest(0, 500));
		var green = figures.withLight(district, SlaLight.GREEN, new PageRequest(0, 500));
		for (var l : List.of(yellow, green)) {
			assertThat(l.items()).allSatisfy(x -> assertThat(x.problem().jurisdictionPath()).startsWith(district.scopePath()));
		}
		for (CommandDashboard.WorstPoint w : dashboard.worstPoints(district)) {
			long outside = jdbc.sql("""
					select count(*) from problem where point_id = :point and status not in ('CLOSED', 'REJECTED', 'MERGED')
					and jurisdiction_path not like :p || '%'""")
				.param("point", w.pointId()).param("p", district.scopePath()).query(Long.class).single();
			long inside = jdbc.sql("""
					select count(*) from problem where point_id = :point and status not in ('CLOSED', 'REJECTED', 'MERGED')
					and jurisdiction_path like :p || '%'""")
				.param("point", w.pointId()).param("p", district.scopePath()).query(Long.class).single();
			assertThat(w.open()).isEqualTo(inside);
			assertThat(inside).isPositive();
			assertThat(outside).isZero();
		}
		// the forecast is the city's: a district office sees its own score but not the city's forecast
		assertThat(dashboard.score(district).forecast()).isNull();
		mvc.perform(get("/dashboard/panels/score").with(fixtures.signedInAs("district_office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("仅市创文办和市领导可见")));
	}

	@Test
	void theWeeklySummaryCountsTheWeekAndSaysSoWhenNothingHappened() throws Exception {
		Actor office = fixtures.cityOffice();
		LocalDate monday = dashboard.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		WeeklySummary.Week week = weekly.week(office, dashboard.today());
		assertThat(week.monday()).isEqualTo(monday);
		assertThat(week.current()).isTrue();
		Instant from = monday.atStartOfDay(CITY).toInstant();
		Instant to = monday.plusWeeks(1).atStartOfDay(CITY).toInstant();
		long reported = jdbc.sql("select count(*) from problem where created_at >= :from and created_at < :to")
			.param("from", from.atOffset(java.time.ZoneOffset.UTC)).param("to", to.atOffset(java.time.ZoneOffset.UTC))
			.query(Long.class).single();
		long closed = jdbc.sql("select count(*) from problem where status = 'CLOSED' and closed_at >= :from and closed_at < :to")
			.param("from", from.atOffset(java.time.ZoneOffset.UTC)).param("to", to.atOffset(java.time.ZoneOffset.UTC))
			.query(Long.class).single();
		assertThat(week.problems().reported()).isEqualTo(reported);
		assertThat(week.problems().closed()).isEqualTo(closed);
		assertThat(week.problems().closedOnTime()).isBetween(0L, closed);
		assertThat(week.notices()).allSatisfy(n -> assertThat(n.issuedAt()).isBetween(from, to));

		mvc.perform(get("/dashboard/weekly").with(fixtures.signedInAs("leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"weekly-title\"")))
			.andExpect(content().string(containsString("id=\"print\"")));
		MvcResult r = mvc.perform(get("/dashboard/weekly/export").param("week", monday.toString())
				.with(fixtures.signedInAs("leader")))
			.andExpect(status().isOk()).andReturn();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
			assertThat(book.getNumberOfSheets()).isEqualTo(5);
			assertThat(book.getSheetAt(0).getRow(1).getCell(1).getNumericCellValue()).isEqualTo(reported);
		}

		// a week long before the demo city's history: an honest empty state, not zeros pretending to be figures
		WeeklySummary.Week empty = weekly.week(office, LocalDate.of(2020, 1, 8));
		assertThat(empty.monday()).isEqualTo(LocalDate.of(2020, 1, 6));
		assertThat(empty.isEmpty()).isTrue();
		mvc.perform(get("/dashboard/weekly").param("week", "2020-01-08").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"weekly-empty\"")));
		// a week that has not begun is refused
		assertThatThrownBy(() -> weekly.week(office, dashboard.today().plusWeeks(1))).isInstanceOf(InvalidInputException.class);
		mvc.perform(get("/dashboard/weekly").param("week", dashboard.today().plusWeeks(1).toString())
				.with(fixtures.signedInAs("office")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/dashboard/weekly").param("week", "not-a-day").with(fixtures.signedInAs("office")))
			.andExpect(status().isBadRequest());
	}
}
