package org.chuangwen.escalation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.shared.CalendarDay;
import org.chuangwen.demo.DemoCity;
import org.chuangwen.problems.Problem;
import org.chuangwen.shared.WorkingCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The escalation ladder swept at chosen instants (as the scheduled job does every few minutes), in March 2033, when
 * nothing else of the demo city is due, with Thursday 10 March 2033 marked as a public holiday.
 */
@ChuangwenIntegrationTest
class EscalationLadderIntegrationTests {

	static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	/** Thursday 10 March 2033: a holiday for these tests. */
	static final LocalDate HOLIDAY = LocalDate.of(2033, 3, 10);

	@Autowired
	EscalationSweep sweep;

	@Autowired
	EscalationFixtures fixtures;

	@Autowired
	NoticeRepository repository;

	@Autowired
	NoticeIssuer issuer;

	@Autowired
	LadderStops stops;

	@Autowired
	ProblemLookup lookup;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	java.time.Clock clock;

	@BeforeEach
	void markTheHoliday() {
		fixtures.holiday(HOLIDAY);
	}

	@AfterEach
	void unmarkTheHoliday() {
		fixtures.noHoliday(HOLIDAY);
	}

	static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(LocalTime.of(hour, minute)).atZone(CITY).toInstant();
	}

	/** A second sweeper with its own transactions, as another app instance on the same database would have. */
	private EscalationSweep anotherInstance() {
		return new EscalationSweep(repository, issuer, stops, lookup, new TransactionTemplate(transactionManager), clock);
	}

	@Test
	void climbsFromCopyNoticeToRectificationOrderToAdmonitionInWorkingDays() {
		Problem problem = fixtures.anOpenProblem(DemoCity.UNIT_URBAN_MANAGEMENT, at(LocalDate.of(2033, 2, 28), 9, 0));
		Instant due = problem.deadline();
		assertThat(due).isBefore(at(LocalDate.of(2033, 3, 9), 10, 0));

		sweep.sweep(due.minusSeconds(60));
		assertThat(fixtures.noticesOf(problem.id())).isEmpty();

		// the first sweep after the deadline issues the copy notice, with 2 working days: Thursday is a holiday
		Instant firstLook = at(LocalDate.of(2033, 3, 9), 10, 0);
		sweep.sweep(firstLook);
		List<Notice> notices = fixtures.noticesOf(problem.id());
		assertThat(notices).hasSize(1);
		Notice copy = notices.get(0);
		assertThat(copy.kind()).isEqualTo(NoticeKind.COPY_NOTICE);
		assertThat(copy.number()).matches("创文抄〔2033〕第\\d{3}号");
		assertThat(copy.deadline()).isEqualTo(at(LocalDate.of(2033, 3, 14), 10, 0));
		assertThat(copy.state()).isEqualTo(NoticeState.ISSUED);
		assertThat(copy.unitName()).isNotBlank();
		assertThat(copy.problems()).extracting(NoticeProblem::number).contains(problem.number());
		// delivered in the app to the unit's admins, linking to the notice
		assertThat(jdbc.sql("""
				select count(*) from notification where account_id = :account and kind = 'COPY_NOTICE' and link = :link
				""").param("account", fixtures.actor("unit_admin").userId()).param("link", "/notices/" + copy.id())
			.query(Long.class).single()).isEqualTo(1);

		// again at the same time, and until the copy notice's deadline: nothing more
		sweep.sweep(firstLook);
		sweep.sweep(copy.deadline().minusSeconds(60));
		assertThat(fixtures.noticesOf(problem.id())).hasSize(1);

		// after it: the rectification order, 3 working days
		Instant secondLook = copy.deadline().plusSeconds(60);
		sweep.sweep(secondLook);
		notices = fixtures.noticesOf(problem.id());
		assertThat(notices).extracting(Notice::kind)
			.containsExactlyInAnyOrder(NoticeKind.COPY_NOTICE, NoticeKind.RECTIFICATION_ORDER);
		Notice order = notices.stream().filter(n -> n.kind() == NoticeKind.RECTIFICATION_ORDER).findFirst().orElseThrow();
		assertThat(order.number()).matches("创文整〔2033〕第\\d{3}号");
		assertThat(order.deadline()).isEqualTo(calendar.addWorkingDays(secondLook.truncatedTo(java.time.temporal.ChronoUnit.MICROS), 3));
		assertThat(order.deadline()).isEqualTo(at(LocalDate.of(2033, 3, 17), 10, 1));
		assertThat(repository.find(copy.id()).orElseThrow().state()).isEqualTo(NoticeState.SUPERSEDED);
		assertThat(repository.find(copy.id()).orElseThrow().problems())
			.filteredOn(p -> p.problemId().equals(problem.id()))
			.extracting(NoticeProblem::outcome)
			.containsExactly("ESCALATED");

		sweep.sweep(order.deadline().minusSeconds(60));
		assertThat(fixtures.noticesOf(problem.id())).hasSize(2);

		// after that: the admonition, which waits for the unit's written explanation
		sweep.sweep(order.deadline().plusSeconds(60));
		notices = fixtures.noticesOf(problem.id());
		assertThat(notices).extracting(Notice::kind)
			.containsExactlyInAnyOrder(NoticeKind.COPY_NOTICE, NoticeKind.RECTIFICATION_ORDER, NoticeKind.ADMONITION);
		Notice admonition = notices.stream().filter(n -> n.kind() == NoticeKind.ADMONITION).findFirst().orElseThrow();
		assertThat(admonition.number()).matches("创文约〔2033〕第\\d{3}号");
		assertThat(admonition.awaitsExplanation()).isTrue();
		assertThat(repository.find(order.id()).orElseThrow().state()).isEqualTo(NoticeState.SUPERSEDED);

		// the ladder ends there: a week later, still three notices
		sweep.sweep(admonition.deadline().plus(Duration.ofDays(7)));
		assertThat(fixtures.noticesOf(problem.id())).hasSize(3);
	}

	@Test
	void pagesThroughEveryOverdueProblemInDeadlineOrderWithoutRepeats() {
		Instant reported = at(LocalDate.of(2033, 2, 1), 9, 0);
		List<UUID> mine = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			mine.add(fixtures.anOpenProblem(DemoCity.UNIT_URBAN_MANAGEMENT, reported.plusSeconds(i)).id());
		}
		Instant look = at(LocalDate.of(2033, 2, 3), 9, 0);
		List<ProblemFacts> seen = new ArrayList<>();
		lookup.forEachOverdue(look, 2, seen::addAll);
		assertThat(seen).extracting(ProblemFacts::id).doesNotHaveDuplicates().containsAll(mine);
		assertThat(seen).allSatisfy(p -> assertThat(p.overdueAt(look)).isTrue());
		for (int i = 1; i < seen.size(); i++) {
			assertThat(seen.get(i).deadline()).isAfterOrEqualTo(seen.get(i - 1).deadline());
		}
		assertThat(lookup.find(mine)).containsOnlyKeys(mine);
		assertThat(lookup.find(mine).get(mine.get(0)).categoryName()).isEqualTo("占道经营");
		assertThat(lookup.find(mine).get(mine.get(0)).location()).startsWith("督办测试点位");
	}

	@Test
	void aClosedProblemStopsItsLadderAndTheOtherOneGoesOn() {
		Instant reported = at(LocalDate.of(2033, 2, 28), 9, 30);
		Problem fixed = fixtures.anOpenProblem(DemoCity.UNIT_URBAN_MANAGEMENT, reported);
		Problem left = fixtures.anOpenProblem(DemoCity.UNIT_URBAN_MANAGEMENT, reported);
		Instant firstLook = at(LocalDate.of(2033, 3, 9), 11, 0);
		sweep.sweep(firstLook);
		Notice copyOfFixed = fixtures.noticesOf(fixed.id()).get(0);
		Notice copyOfLeft = fixtures.noticesOf(left.id()).get(0);
		// one unit, one sweep: one copy notice lists both
		assertThat(copyOfFixed.id()).isEqualTo(copyOfLeft.id());

		fixtures.close(fixed.id(), firstLook.plus(Duration.ofHours(1)));

		sweep.sweep(copyOfFixed.deadline().plusSeconds(60));
		assertThat(fixtures.noticesOf(fixed.id())).extracting(Notice::kind).containsExactly(NoticeKind.COPY_NOTICE);
		assertThat(fixtures.noticesOf(left.id())).extracting(Notice::kind)
			.containsExactlyInAnyOrder(NoticeKind.COPY_NOTICE, NoticeKind.RECTIFICATION_ORDER);
		Notice copy = repository.find(copyOfFixed.id()).orElseThrow();
		assertThat(copy.state()).isEqualTo(NoticeState.SUPERSEDED);
		assertThat(copy.problems()).filteredOn(p -> p.problemId().equals(fixed.id()))
			.extracting(NoticeProblem::outcome)
			.containsExactly("STOPPED");
		assertThat(repository.rung(fixed.id()).orElseThrow().stoppedAt()).isNotNull();

		sweep.sweep(at(LocalDate.of(2033, 4, 30), 9, 0));
		assertThat(fixtures.noticesOf(fixed.id())).hasSize(1);
	}

	@Test
	void aRelapsedProblemClimbsTheLadderAgainInANewCycleUntilItIsClosedAgain() {
		// May 2033: no holidays marked; Monday 9 May
		Problem problem = fixtures.anOpenProblem(DemoCity.UNIT_URBAN_MANAGEMENT, at(LocalDate.of(2033, 5, 9), 9, 0));
		sweep.sweep(at(LocalDate.of(2033, 5, 10), 10, 0));
		Notice firstCopy = fixtures.noticesOf(problem.id()).get(0);
		assertThat(firstCopy.kind()).isEqualTo(NoticeKind.COPY_NOTICE);
		assertThat(repository.rung(problem.id()).orElseThrow().cycle()).isEqualTo(1);

		Instant closedAt = at(LocalDate.of(2033, 5, 10), 11, 0);
		fixtures.close(problem.id(), closedAt);
		sweep.sweep(firstCopy.deadline().plusSeconds(60));
		assertThat(fixtures.noticesOf(problem.id())).hasSize(1);
		assertThat(repository.rung(problem.id()).orElseThrow().stoppedAt()).isNotNull();

		// the re-check a week later fails: a relapse, back at the unit with a new deadline
		Problem relapsed = fixtures.relapse(problem.id(), at(LocalDate.of(2033, 5, 17), 9, 0));
		assertThat(relapsed.relapses()).isEqualTo(1);
		assertThat(relapsed.deadline()).isAfter(at(LocalDate.of(2033, 5, 17), 9, 0));

		// not overdue yet: nothing
		sweep.sweep(relapsed.deadline().minusSeconds(60));
		assertThat(fixtures.noticesOf(problem.id())).hasSize(1);

		// overdue again: a new copy notice, with a new number, in cycle 2
		Instant overdueAgain = relapsed.deadline().plusSeconds(120);
		sweep.sweep(overdueAgain);
		List<Notice> notices = fixtures.noticesOf(problem.id());
		assertThat(notices).extracting(Notice::kind).containsExactly(NoticeKind.COPY_NOTICE, NoticeKind.COPY_NOTICE);
		Notice secondCopy = notices.get(1);
		assertThat(secondCopy.id()).isNotEqualTo(firstCopy.id());
		assertThat(secondCopy.number()).isNotEqualTo(firstCopy.number());
		assertThat(secondCopy.state()).isEqualTo(NoticeState.ISSUED);
		NoticeRepository.Rung rung = repository.rung(problem.id()).orElseThrow();
		assertThat(rung.cycle()).isEqualTo(2);
		assertThat(rung.stoppedAt()).isNull();
		assertThat(rung.step()).isEqualTo(NoticeKind.COPY_NOTICE);
		assertThat(jdbc.sql("select cycle from notice_problem where problem_id = :p order by cycle")
			.param("p", problem.id()).query(Integer.class).list()).containsExactly(1, 2);
		// the first cycle's notice keeps its outcome
		assertThat(repository.find(firstCopy.id()).orElseThrow().problems())
			.filteredOn(p -> p.problemId().equals(problem.id()))
			.extracting(NoticeProblem::outcome)
			.containsExactly("STOPPED");
		// a late report of the first closing does not stop the second climb
		Boolean stoppedByLateClose = new TransactionTemplate(transactionManager)
			.execute(tx -> stops.stop(problem.id(), "CLOSED", closedAt));
		assertThat(stoppedByLateClose).isFalse();

		// the second cycle climbs on: the rectification order after the new copy notice's deadline
		sweep.sweep(secondCopy.deadline().plusSeconds(60));
		notices = fixtures.noticesOf(problem.id());
		assertThat(notices).extracting(Notice::kind)
			.containsExactly(NoticeKind.COPY_NOTICE, NoticeKind.COPY_NOTICE, NoticeKind.RECTIFICATION_ORDER);
		Notice order = notices.get(2);
		assertThat(repository.find(secondCopy.id()).orElseThrow().problems())
			.filteredOn(p -> p.problemId().equals(problem.id()))
			.extracting(NoticeProblem::outcome)
			.containsExactly("ESCALATED");

		// closed again: the ladder stops, no admonition
		fixtures.close(problem.id(), secondCopy.deadline().plus(Duration.ofHours(2)));
		sweep.sweep(order.deadline().plusSeconds(60));
		sweep.sweep(order.deadline().plus(Duration.ofDays(10)));
		assertThat(fixtures.noticesOf(problem.id())).hasSize(3);
		assertThat(repository.rung(problem.id()).orElseThrow().stoppedAt()).isNotNull();
		assertThat(repository.find(order.id()).orElseThrow().problems())
			.filteredOn(p -> p.problemId().equals(problem.id()))
			.extracting(NoticeProblem::outcome)
			.containsExactly("STOPPED");
	}

	@Test
	void aReopenedProblemOverdueAgainGetsACopyNoticeAgain() {
		Problem problem = fixtures.anOpenProblem(DemoCity.UNIT_TRAFFIC_POLICE, at(LocalDate.of(2033, 6, 6), 9, 0));
		sweep.sweep(at(LocalDate.of(2033, 6, 7), 10, 0));
		assertThat(fixtures.noticesOf(problem.id())).hasSize(1);
		fixtures.close(problem.id(), at(LocalDate.of(2033, 6, 7), 11, 0));
		sweep.sweep(at(LocalDate.of(2033, 6, 20), 10, 0));

		Problem reopened = fixtures.reopen(problem.id(), at(LocalDate.of(2033, 6, 21), 9, 0));
		sweep.sweep(reopened.deadline().plusSeconds(60));
		assertThat(fixtures.noticesOf(problem.id())).extracting(Notice::kind)
			.containsExactly(NoticeKind.COPY_NOTICE, NoticeKind.COPY_NOTICE);
		assertThat(repository.rung(problem.id()).orElseThrow().cycle()).isEqualTo(2);
		// a second sweep at the same time issues nothing more
		sweep.sweep(reopened.deadline().plusSeconds(60));
		assertThat(fixtures.noticesOf(problem.id())).hasSize(2);
	}

	@Test
	void closingAProblemStopsItsLadderWithoutWaitingForASweep() throws InterruptedException {
		Problem problem = fixtures.anOpenProblem(DemoCity.UNIT_TRAFFIC_POLICE, at(LocalDate.of(2033, 2, 28), 10, 0));
		sweep.sweep(at(LocalDate.of(2033, 3, 9), 12, 0));
		Notice copy = fixtures.noticesOf(problem.id()).get(0);

		fixtures.close(problem.id(), at(LocalDate.of(2033, 3, 9), 14, 0));

		// the ProblemClosed event stops the ladder and marks the problem settled on its notice
		String outcome = null;
		for (int i = 0; i < 100 && !"STOPPED".equals(outcome); i++) {
			Thread.sleep(100);
			outcome = repository.find(copy.id()).orElseThrow().problems().stream()
				.filter(p -> p.problemId().equals(problem.id())).findFirst().orElseThrow().outcome();
		}
		assertThat(outcome).isEqualTo("STOPPED");
		assertThat(repository.rung(problem.id()).orElseThrow().stoppedAt()).isNotNull();
		Notice after = repository.find(copy.id()).orElseThrow();
		if (after.problems().stream().allMatch(p -> "STOPPED".equals(p.outcome()))) {
			assertThat(after.state()).isEqualTo(NoticeState.RESOLVED);
		}
		else {
			assertThat(after.state()).isEqualTo(NoticeState.ISSUED);
		}
	}

	@Test
	void twoInstancesSweepingAtOnceIssueEachNoticeOnce() throws Exception {
		Instant reported = at(LocalDate.of(2034, 5, 8), 9, 0);
		List<UUID> problems = new ArrayList<>();
		for (String unit : List.of(DemoCity.UNIT_URBAN_MANAGEMENT, DemoCity.UNIT_TRAFFIC_POLICE,
				DemoCity.UNIT_URBAN_MANAGEMENT, DemoCity.UNIT_STREET_EAST_1)) {
			problems.add(fixtures.anOpenProblem(unit, reported).id());
		}
		Instant look = at(LocalDate.of(2034, 5, 15), 9, 0);
		List<EscalationSweep> sweepers = List.of(sweep, anotherInstance(), anotherInstance());
		ExecutorService pool = Executors.newFixedThreadPool(sweepers.size());
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<EscalationSweep.Outcome>> runs = new ArrayList<>();
			for (EscalationSweep s : sweepers) {
				runs.add(pool.submit(() -> {
					start.await();
					return s.sweep(look);
				}));
			}
			start.countDown();
			for (Future<EscalationSweep.Outcome> run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		for (UUID problem : problems) {
			assertThat(fixtures.noticesOf(problem)).extracting(Notice::kind).containsExactly(NoticeKind.COPY_NOTICE);
		}
		Long rows = jdbc.sql("select count(*) from notice_problem where problem_id = any(:ids)")
			.param("ids", problems.toArray(UUID[]::new))
			.query(Long.class)
			.single();
		assertThat(rows).isEqualTo(problems.size());
		// numbers of the year stay gap-free whatever the race
		List<Integer> seqs = jdbc.sql("select seq from notice where year = 2034 and kind = 'COPY_NOTICE' order by seq")
			.query(Integer.class)
			.list();
		assertThat(seqs).isNotEmpty();
		for (int i = 0; i < seqs.size(); i++) {
			assertThat(seqs.get(i)).isEqualTo(i + 1);
		}
	}
}
