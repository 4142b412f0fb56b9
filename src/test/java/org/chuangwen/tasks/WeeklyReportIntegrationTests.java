package org.chuangwen.tasks;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.audit.AuditTrail;
import org.chuangwen.notifications.ReminderSweep;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.tasks.ReportFixtures.TestUnit;
import org.chuangwen.tasks.ReportSummary.Standing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chuangwen.tasks.ReportFixtures.at;
import static org.chuangwen.tasks.ReportFixtures.clockAt;

/** Weekly reports drafted from a unit's tasks at chosen instants (an injected clock), submitted, returned, summarised. */
@ChuangwenIntegrationTest
class WeeklyReportIntegrationTests {

	/** Report days of the tests: Fridays in 2031, far from the demo's weeks. */
	static final LocalDate FRIDAY = LocalDate.of(2031, 3, 7);

	@Autowired
	ReportFixtures reports;

	@Autowired
	WeeklyReportManagement management;

	@Autowired
	WeeklyReportDirectory directory;

	@Autowired
	WeeklyReportRepository repository;

	@Autowired
	ReportCalendar calendar;

	@Autowired
	OrganisationDirectory organisation;

	@Autowired
	AuditTrail audit;

	@Autowired
	ReminderSweep sweep;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	private long reportsOf(UUID unitId, LocalDate day) {
		return jdbc.sql("select count(*) from weekly_report where unit_id = :unit and period_date = :day")
			.param("unit", unitId)
			.param("day", day)
			.query(Long.class)
			.single();
	}

	private long reportsOn(LocalDate day) {
		return jdbc.sql("select count(*) from weekly_report where period_date = :day").param("day", day)
			.query(Long.class).single();
	}

	private long drafted(UUID reportId) {
		return audit.historyOf("weeklyReport", reportId, 100).stream().filter(e -> e.action().equals("report.drafted")).count();
	}

	/**
	 * The job drafts every reporting unit's report, demo units too: their far-future deadlines are settled afterwards so
	 * that other tests sweeping the ladder at future instants do not fill the demo accounts' inboxes with them.
	 */
	@org.junit.jupiter.api.AfterEach
	void settleDemoUnitsFarFutureReports() {
		jdbc.sql("""
				update tracked_deadline set settled_at = now()
				where subject_type = 'WEEKLY_REPORT' and settled_at is null
				  and subject_id in (select id::text from weekly_report
				                     where period_date >= date '2031-01-01' and unit_code not like 'U-R-%')
				""").update();
	}

	/** A directory that sees the time as {@code now} (missing or pending depends on it). */
	private WeeklyReportDirectory directoryAt(java.time.Instant now) {
		return new WeeklyReportDirectory(repository, management, calendar, organisation, audit, clockAt(now));
	}

	@Test
	void theDraftHoldsExactlyTheTasksTheUnitDidAndDidNotDoThatWeek() {
		TestUnit u = reports.aUnit();
		LocalDate lastFriday = FRIDAY.minusDays(7);
		UUID submittedThisWeek = reports.aTask(u, "本周提交", FRIDAY.minusDays(2));
		reports.claim(u, submittedThisWeek, at(lastFriday.minusDays(6), 10, 0));
		reports.submit(u, submittedThisWeek, at(FRIDAY.minusDays(4), 10, 0));
		UUID overdue = reports.aTask(u, "已逾期未完成", FRIDAY.minusDays(3));
		reports.claim(u, overdue, at(lastFriday.minusDays(6), 10, 0));
		UUID dueLater = reports.aTask(u, "下月到期", FRIDAY.plusDays(13));
		UUID acceptedThisWeek = reports.aTask(u, "本周验收", lastFriday.minusDays(2));
		reports.claim(u, acceptedThisWeek, at(lastFriday.minusDays(6), 10, 0));
		reports.submit(u, acceptedThisWeek, at(lastFriday.minusDays(1), 10, 0));
		reports.accept(acceptedThisWeek, at(FRIDAY.minusDays(5), 10, 0));
		UUID submittedLastWeek = reports.aTask(u, "上周已提交待验收", lastFriday);
		reports.claim(u, submittedLastWeek, at(lastFriday.minusDays(6), 10, 0));
		reports.submit(u, submittedLastWeek, at(lastFriday.minusDays(1), 10, 0));
		UUID dueOnTheReportDay = reports.aTask(u, "报告日到期", FRIDAY);
		UUID returnedThisWeek = reports.aTask(u, "本周提交被退回", FRIDAY.minusDays(4));
		reports.claim(u, returnedThisWeek, at(lastFriday.minusDays(6), 10, 0));
		reports.submit(u, returnedThisWeek, at(FRIDAY.minusDays(4), 9, 0));
		reports.returnTask(returnedThisWeek, at(FRIDAY.minusDays(3), 9, 0));

		int created = management.draftDue(at(FRIDAY, 8, 0));

		assertThat(created).isPositive();
		WeeklyReport report = directory.ownReport(u.admin(), FRIDAY).orElseThrow();
		assertThat(report.kind()).isEqualTo(ReportKind.WEEKLY);
		assertThat(report.status()).isEqualTo(ReportStatus.DRAFT);
		assertThat(report.periodStart()).isEqualTo(at(lastFriday, 17, 30));
		assertThat(report.periodEnd()).isEqualTo(at(FRIDAY, 17, 30));
		assertThat(report.doneItems()).extracting(WeeklyReportItem::taskId)
			.containsExactlyInAnyOrder(submittedThisWeek, acceptedThisWeek);
		assertThat(report.undoneItems()).extracting(WeeklyReportItem::taskId)
			.containsExactlyInAnyOrder(overdue, dueOnTheReportDay, returnedThisWeek)
			.doesNotContain(dueLater, submittedLastWeek);
		assertThat(report.undoneItems()).filteredOn(WeeklyReportItem::overdue)
			.extracting(WeeklyReportItem::taskId)
			.containsExactlyInAnyOrder(overdue, returnedThisWeek);
		assertThat(List.of(report.doneCount(), report.undoneCount(), report.overdueCount())).containsExactly(2, 3, 2);
		assertThat(jdbc.sql("""
				select due_at = :due and liaison_lead_minutes = 570 and settled_at is null from tracked_deadline
				where subject_type = 'WEEKLY_REPORT' and subject_id = :id
				""").param("due", report.periodEnd().atOffset(java.time.ZoneOffset.UTC)).param("id", report.id().toString())
			.query(Boolean.class).single()).as("the deadline is on the reminder ladder").isTrue();
		assertThat(reportsOf(u.unit().id(), lastFriday)).as("the week before, missed by the job, is drafted too").isOne();

		assertThat(management.draftDue(at(FRIDAY, 8, 5))).as("a second run drafts nothing").isZero();
		assertThat(reportsOf(u.unit().id(), FRIDAY)).isOne();
		assertThat(reports.draft(u, FRIDAY, at(FRIDAY, 9, 0)).id()).as("on demand: the same report").isEqualTo(report.id());
		assertThat(drafted(report.id())).isOne();
	}

	@Test
	void twoInstancesDraftingAtOnceMakeOneReportPerUnit() throws Exception {
		TestUnit u = reports.aUnit();
		LocalDate day = FRIDAY.plusDays(7);
		long before = reportsOn(day) + reportsOn(day.minusDays(7));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				WeeklyReportManagement instance = management.at(clockAt(at(day, 8, 1)));
				runs.add(pool.submit(() -> {
					start.await();
					return instance.draftDue(at(day, 8, 1));
				}));
			}
			List<Future<WeeklyReport>> clicks = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				clicks.add(pool.submit(() -> {
					start.await();
					return reports.draft(u, day.plusDays(7), at(day.plusDays(7), 9, 0));
				}));
			}
			start.countDown();
			int created = 0;
			for (Future<Integer> run : runs) {
				created += run.get();
			}
			long rows = reportsOn(day) + reportsOn(day.minusDays(7)) - before;
			assertThat(created).as("each draft counted by the run that inserted it").isEqualTo(rows);
			assertThat(reportsOn(day)).as("every reporting unit has its one report")
				.isEqualTo(organisation.unitsForExport(null, OrganisationDirectory.UnitFilter.none())
					.stream()
					.filter(s -> ReportCalendar.reports(s.unit()))
					.count());
			assertThat(reportsOf(u.unit().id(), day)).isOne();
			UUID first = clicks.get(0).get().id();
			assertThat(clicks.get(1).get().id()).isEqualTo(first);
			assertThat(reportsOf(u.unit().id(), day.plusDays(7))).isOne();
			assertThat(drafted(first)).isOne();
			assertThat(jdbc.sql("select count(*) from weekly_report_item i join weekly_report r on r.id = i.report_id "
					+ "where r.unit_id = :unit").param("unit", u.unit().id()).query(Long.class).single()).isZero();
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void submittedReportsAreReadOnlyUntilTheOfficeReturnsThemAndLateOnesAreMarked() {
		TestUnit u = reports.aUnit();
		UUID open = reports.aTask(u, "未完成任务", FRIDAY.minusDays(3));
		WeeklyReport draft = reports.draft(u, FRIDAY, at(FRIDAY, 8, 30));
		assertThat(draft.undoneItems()).extracting(WeeklyReportItem::taskId).containsExactly(open);

		assertThatThrownBy(() -> reports.submit(u, draft.id(), null, at(FRIDAY, 9, 0)))
			.isInstanceOfSatisfying(org.chuangwen.shared.InvalidInputException.class,
					ex -> assertThat(ex.errors()).extracting(e -> e.field() + " " + e.messageKey())
						.containsExactly("reason." + open + " reports.reason.required"));
		WeeklyReportEdit stale = new WeeklyReportEdit(null, null, "建议", Map.of(open, "资金未到位"), draft.version() + 1);
		assertThatThrownBy(() -> reports.submit(u, draft.id(), stale, at(FRIDAY, 9, 0)))
			.isInstanceOf(org.chuangwen.shared.ConflictException.class);

		WeeklyReport sent = reports.submit(u, draft.id(),
				new WeeklyReportEdit("本周开展整治 2 次", "下周完成剩余任务", "建议增加经费", Map.of(open, "资金未到位"), draft.version()),
				at(FRIDAY, 16, 0));
		assertThat(sent.status()).isEqualTo(ReportStatus.SUBMITTED);
		assertThat(sent.late()).isFalse();
		assertThat(sent.undoneItems().get(0).reason()).isEqualTo("资金未到位");
		assertThat(open(sent)).as("submission settles the deadline").isFalse();
		assertThatThrownBy(() -> transactions.execute(tx -> reports.reportsAt(at(FRIDAY, 16, 5))
			.edit(u.admin(), sent.id(), new WeeklyReportEdit("改", null, null, Map.of(), null))))
			.isInstanceOf(org.chuangwen.shared.RuleViolationException.class);

		assertThatThrownBy(() -> transactions.execute(tx -> reports.reportsAt(at(FRIDAY, 18, 0))
			.returnTo(fixtures.districtOffice(), sent.id(), "请细化", null)))
			.as("a district office outside the unit's district does not see it")
			.isInstanceOf(org.chuangwen.shared.NotFoundException.class);
		WeeklyReport returned = transactions.execute(tx -> reports.reportsAt(at(FRIDAY, 18, 0))
			.returnTo(fixtures.cityOffice(), sent.id(), "未完成原因请写明预计完成时间", sent.version()));
		assertThat(returned.status()).isEqualTo(ReportStatus.RETURNED);
		assertThat(returned.returnReason()).isEqualTo("未完成原因请写明预计完成时间");
		assertThat(open(returned)).as("the unit is reminded again").isTrue();

		WeeklyReport again = reports.submit(u, draft.id(),
				new WeeklyReportEdit(null, null, null, Map.of(open, "资金未到位，预计 3 月 20 日前完成"), returned.version()),
				at(FRIDAY.plusDays(1), 10, 0));
		assertThat(again.status()).isEqualTo(ReportStatus.SUBMITTED);
		assertThat(again.submissions()).isEqualTo(2);
		assertThat(again.late()).as("the first submission was on time").isFalse();
		assertThat(audit.historyOf("weeklyReport", draft.id(), 20)).extracting(e -> e.action())
			.containsExactly("report.submitted", "report.returned", "report.submitted", "report.drafted");

		TestUnit slow = reports.aUnit();
		WeeklyReport late = reports.submit(slow, reports.draft(slow, FRIDAY, at(FRIDAY, 9, 0)).id(), null,
				at(FRIDAY, 17, 31));
		assertThat(late.late()).isTrue();
		TestUnit silent = reports.aUnit();
		reports.draft(silent, FRIDAY, at(FRIDAY, 9, 0));
		ReportSummary before = directoryAt(at(FRIDAY, 17, 0)).summary(fixtures.cityOffice(), FRIDAY);
		ReportSummary after = directoryAt(at(FRIDAY.plusDays(3), 9, 0)).summary(fixtures.cityOffice(), FRIDAY);
		assertThat(standing(before, u)).isEqualTo(Standing.ON_TIME);
		assertThat(standing(before, silent)).isEqualTo(Standing.PENDING);
		assertThat(standing(after, silent)).isEqualTo(Standing.MISSING);
		assertThat(standing(after, slow)).isEqualTo(Standing.LATE);
		assertThat(after.unfinished()).filteredOn(x -> x.taskId().equals(open))
			.extracting(ReportSummary.Unfinished::reason)
			.containsExactly("资金未到位，预计 3 月 20 日前完成");
	}

	private static Standing standing(ReportSummary summary, TestUnit u) {
		return summary.lines().stream().filter(l -> l.unitId().equals(u.unit().id())).findFirst().orElseThrow().standing();
	}

	private boolean open(WeeklyReport report) {
		return jdbc.sql("select settled_at is null from tracked_deadline where subject_type = 'WEEKLY_REPORT' and subject_id = :id")
			.param("id", report.id().toString())
			.query(Boolean.class)
			.single();
	}

	@Test
	void theLadderRemindsOnTheDeadlineDayNotAllAtOnce() {
		TestUnit u = reports.aUnit();
		LocalDate day = FRIDAY.plusDays(28);
		WeeklyReport report = reports.draft(u, day, at(day, 7, 0));
		sweep.sweep(at(day, 7, 59));
		assertThat(steps(report)).isEmpty();
		sweep.sweep(at(day, 8, 0));
		assertThat(steps(report)).containsExactly("LIAISON");
		sweep.sweep(at(day, 14, 30));
		assertThat(steps(report)).containsExactlyInAnyOrder("LIAISON", "HEAD");
		sweep.sweep(at(day, 16, 30));
		assertThat(steps(report)).containsExactlyInAnyOrder("LIAISON", "HEAD", "LEADER");
		sweep.sweep(at(day, 17, 31));
		assertThat(steps(report)).containsExactlyInAnyOrder("LIAISON", "HEAD", "LEADER", "OVERDUE");
	}

	private List<String> steps(WeeklyReport report) {
		return jdbc.sql("select step from reminder_sent where subject_type = 'WEEKLY_REPORT' and subject_id = :id")
			.param("id", report.id().toString())
			.query(String.class)
			.list();
	}

	@Test
	void dailyReportModeMakesEveryWorkingDayAReportDay() {
		var office = fixtures.districtOffice();
		TestUnit u = reports.aUnitIn(org.chuangwen.demo.DemoCity.DISTRICT_EAST);
		LocalDate from = LocalDate.of(2031, 4, 1); // a Tuesday
		transactions.executeWithoutResult(tx -> management.changeDailyMode(office, from, -1));
		try {
			ReportCalendar.Modes modes = calendar.modes();
			UUID node = u.unit().jurisdictionId();
			ReportPeriod first = calendar.periodOn(modes, node, from).orElseThrow();
			assertThat(first.kind()).isEqualTo(ReportKind.DAILY);
			assertThat(first.start()).as("from the last weekly report's close").isEqualTo(at(LocalDate.of(2031, 3, 28), 17, 30));
			assertThat(first.end()).isEqualTo(at(from, 17, 30));
			assertThat(calendar.periodOn(modes, node, LocalDate.of(2031, 4, 5))).as("Saturday").isEmpty();
			assertThat(calendar.periodOn(modes, node, LocalDate.of(2031, 3, 31))).as("Monday before").isEmpty();
			UUID city = fixtures.cityOffice().jurisdictionId();
			assertThat(calendar.periodOn(modes, city, from)).as("the rest of the city reports weekly").isEmpty();

			UUID task = reports.aTask(u, "日报告任务", from.plusDays(1));
			reports.claim(u, task, at(from, 9, 0));
			WeeklyReport daily = reports.draft(u, null, at(from.plusDays(1), 8, 30));
			assertThat(daily.kind()).isEqualTo(ReportKind.DAILY);
			assertThat(daily.periodDate()).isEqualTo(from.plusDays(1));
			assertThat(daily.periodStart()).isEqualTo(at(from, 17, 30));
			assertThat(daily.doneItems()).isEmpty();
			assertThat(daily.undoneItems()).extracting(WeeklyReportItem::taskId).containsExactly(task);
			reports.submit(u, task, at(from.plusDays(1), 11, 0));
			WeeklyReport evening = transactions.execute(tx -> reports.reportsAt(at(from.plusDays(1), 16, 0))
				.refresh(u.admin(), daily.id(), daily.version()));
			assertThat(evening.doneItems()).extracting(WeeklyReportItem::taskId).containsExactly(task);
			assertThat(evening.undoneItems()).isEmpty();
			assertThat(management.dailyMode(office).dailyFrom()).isEqualTo(from);
		}
		finally {
			int version = management.dailyMode(office).version();
			transactions.executeWithoutResult(tx -> management.changeDailyMode(office, null, version));
		}
		assertThat(management.dailyMode(office).dailyFrom()).isNull();
		assertThat(audit.historyOf("reportSchedule", office.jurisdictionId(), 5)).hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void theSummaryWorkbookListsEveryUnitAndTheUnfinishedTasksWithReasons() throws Exception {
		TestUnit u = reports.aUnit();
		LocalDate day = FRIDAY.plusDays(35);
		UUID open = reports.aTask(u, "汇总表未完成任务", day.minusDays(2));
		WeeklyReport draft = reports.draft(u, day, at(day, 8, 0));
		reports.submit(u, draft.id(), new WeeklyReportEdit("工作情况", "计划", "建议设立专项资金", Map.of(open, "施工受天气影响"),
				null), at(day, 10, 0));
		byte[] xlsx = directory.summaryWorkbook(fixtures.cityOffice(), day, key -> key);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
			Sheet units = workbook.getSheetAt(0);
			Row line = rowWith(units, 0, u.unit().code());
			assertThat(line.getCell(2).getStringCellValue()).isEqualTo("reports.standing.ON_TIME");
			assertThat(line.getCell(5).getNumericCellValue()).isEqualTo(1);
			long reporting = organisation.unitsForExport(fixtures.cityOffice(), OrganisationDirectory.UnitFilter.none())
				.stream()
				.filter(s -> ReportCalendar.reports(s.unit()))
				.count();
			assertThat(units.getLastRowNum() - 2).as("a line per reporting unit, then a total").isEqualTo((int) reporting);
			Row open1 = rowWith(workbook.getSheetAt(1), 1, "汇总表未完成任务");
			assertThat(open1.getCell(0).getStringCellValue()).isEqualTo(u.unit().name());
			assertThat(open1.getCell(5).getStringCellValue()).isEqualTo("施工受天气影响");
			assertThat(rowWith(workbook.getSheetAt(2), 0, u.unit().name()).getCell(3).getStringCellValue())
				.isEqualTo("建议设立专项资金");
		}
		assertThatThrownBy(() -> directory.summary(u.admin(), day)).isInstanceOf(org.chuangwen.shared.ForbiddenException.class);
		assertThat(directory.summary(fixtures.districtOffice(), day).lines()).extracting(ReportSummary.Line::unitId)
			.doesNotContain(u.unit().id());
	}

	private static Row rowWith(Sheet sheet, int column, String text) {
		for (Row row : sheet) {
			if (row.getCell(column) != null && row.getCell(column).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
					&& text.equals(row.getCell(column).getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("no row with " + text);
	}

	@Test
	void reportsAreSeenOnlyWithinScope() {
		TestUnit u = reports.aUnit();
		TestUnit other = reports.aUnit();
		WeeklyReport report = reports.draft(u, FRIDAY.plusDays(42), at(FRIDAY.plusDays(42), 8, 0));
		assertThatThrownBy(() -> directory.report(other.admin(), report.id()))
			.isInstanceOf(org.chuangwen.shared.NotFoundException.class);
		assertThatThrownBy(() -> directory.report(fixtures.districtOffice(), report.id()))
			.isInstanceOf(org.chuangwen.shared.NotFoundException.class);
		assertThatThrownBy(() -> directory.report(fixtures.actor("inspector"), report.id()))
			.isInstanceOf(org.chuangwen.shared.ForbiddenException.class);
		assertThat(directory.report(fixtures.actor("leader"), report.id()).id()).isEqualTo(report.id());
		assertThatThrownBy(() -> transactions.execute(tx -> management.edit(fixtures.actor("leader"), report.id(),
				new WeeklyReportEdit("x", null, null, Map.of(), null))))
			.isInstanceOf(org.chuangwen.shared.ForbiddenException.class);
		assertThat(directory.reports(other.admin(), FRIDAY.plusDays(42))).isEmpty();
		assertThat(directory.reports(fixtures.cityOffice(), FRIDAY.plusDays(42))).extracting(WeeklyReport::id)
			.contains(report.id());
		assertThat(Set.copyOf(directory.reports(u.admin(), FRIDAY.plusDays(42)).stream().map(WeeklyReport::id).toList()))
			.containsExactly(report.id());
		assertThat(Duration.between(report.periodStart(), report.periodEnd())).isEqualTo(Duration.ofDays(7));
	}
}
