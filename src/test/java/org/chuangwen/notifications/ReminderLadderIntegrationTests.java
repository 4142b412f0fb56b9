package org.chuangwen.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.demo.DemoCity;
import org.chuangwen.notifications.LadderFixtures.UnitWithPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chuangwen.notifications.ReminderStep.HEAD;
import static org.chuangwen.notifications.ReminderStep.LEADER;
import static org.chuangwen.notifications.ReminderStep.LIAISON;
import static org.chuangwen.notifications.ReminderStep.OVERDUE;

/** The reminder ladder (三次催报) swept at chosen instants, as the scheduled job does every minute. */
@ChuangwenIntegrationTest
class ReminderLadderIntegrationTests {

	/** Far from the demo's deadlines, so only the test's own subjects climb. */
	static final Instant DUE = Instant.parse("2031-06-30T09:00:00Z");

	@Autowired
	ReminderSweep sweep;

	@Autowired
	LadderFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReminderSettings settings;

	@Autowired
	org.chuangwen.organisation.OrganisationDirectory organisation;

	@Autowired
	Recipients recipients;

	@Autowired
	NotificationCentre centre;

	@Autowired
	OutboundDelivery outbound;

	@Autowired
	org.springframework.context.MessageSource messages;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	@Autowired
	java.time.Clock clock;

	/** A second sweeper with its own transactions, as another app instance on the same database would have. */
	private ReminderSweep anotherInstance() {
		return new ReminderSweep(jdbc, new org.springframework.transaction.support.TransactionTemplate(transactionManager),
				settings, organisation, recipients, centre, outbound, messages, clock);
	}

	private static Instant daysBefore(int days) {
		return DUE.minus(Duration.ofDays(days));
	}

	@Test
	void eachStepFiresOnceAtItsTimeToItsPerson() {
		UnitWithPeople u = fixtures.aUnitWithPeople(DemoCity.CITY);
		String task = fixtures.track(u.unitId(), DUE, u.leader().id());

		sweep.sweep(daysBefore(7).minusSeconds(60));
		assertThat(fixtures.notifiedAnyone(task)).isZero();

		sweep.sweep(daysBefore(7));
		assertThat(fixtures.notified(u.liaisonAccount(), task, LIAISON)).isOne();
		assertThat(fixtures.notifiedAnyone(task)).isOne();
		sweep.sweep(daysBefore(7).plusSeconds(3600));
		assertThat(fixtures.notifiedAnyone(task)).isOne();

		sweep.sweep(daysBefore(5));
		assertThat(fixtures.notified(u.headAccount(), task, HEAD)).isOne();
		assertThat(fixtures.notifiedAnyone(task)).isEqualTo(2);

		sweep.sweep(daysBefore(3));
		assertThat(fixtures.notified(u.leaderAccount(), task, LEADER)).isOne();
		assertThat(fixtures.notifiedAnyone(task)).isEqualTo(3);

		sweep.sweep(DUE);
		assertThat(fixtures.notifiedAnyone(task)).as("not overdue at the deadline itself").isEqualTo(3);

		sweep.sweep(DUE.plusSeconds(60));
		assertThat(fixtures.notified(u.liaisonAccount(), task, OVERDUE)).isOne();
		assertThat(fixtures.notified(u.headAccount(), task, OVERDUE)).isOne();
		sweep.sweep(DUE.plus(Duration.ofDays(3)));
		assertThat(fixtures.notifiedAnyone(task)).isEqualTo(5);
		assertThat(fixtures.stepsTaken(task)).isEqualTo(4);
		assertThat(fixtures.notified(u.unitAdmin(), task, LIAISON)).as("the liaison has an account of their own").isZero();
		assertThat(jdbc.sql("select count(*) from outbound_message where body like :title")
			.param("title", "%" + task + "%")
			.query(Long.class)
			.single()).as("one SMS per person reminded").isEqualTo(5);
	}

	@Test
	void stepsMissedWhileNoInstanceRanFireOnceWhenItComesBack() {
		UnitWithPeople u = fixtures.aUnitWithPeople(DemoCity.CITY);
		String task = fixtures.track(u.unitId(), DUE, u.leader().id());

		sweep.sweep(daysBefore(2));
		sweep.sweep(daysBefore(2)); // a restart: the same instant again
		sweep.sweep(daysBefore(2).plusSeconds(60));

		assertThat(fixtures.notified(u.liaisonAccount(), task, LIAISON)).isOne();
		assertThat(fixtures.notified(u.headAccount(), task, HEAD)).isOne();
		assertThat(fixtures.notified(u.leaderAccount(), task, LEADER)).isOne();
		assertThat(fixtures.notifiedAnyone(task)).isEqualTo(3);
	}

	@Test
	void twoInstancesSweepingAtOnceFireEachStepOnce() throws Exception {
		UnitWithPeople u = fixtures.aUnitWithPeople(DemoCity.CITY);
		Instant due = DUE.plus(Duration.ofDays(40));
		List<String> tasks = new ArrayList<>();
		for (int i = 0; i < 2 * ReminderSweep.BATCH + 30; i++) {
			tasks.add(fixtures.track(u.unitId(), due.plusSeconds(i), u.leader().id()));
		}
		Instant now = due.minus(Duration.ofDays(4)).plusSeconds(1000);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> runs = new ArrayList<>();
			for (ReminderSweep instance : List.of(sweep, anotherInstance())) {
				runs.add(pool.submit(() -> {
					start.await();
					return instance.sweep(now);
				}));
			}
			start.countDown();
			for (Future<Integer> run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdown();
		}
		long liaisonReminders = jdbc.sql("""
				select count(*) from notification where account_id = :account and kind = 'LIAISON'
				""").param("account", u.liaisonAccount().userId()).query(Long.class).single();
		long headReminders = jdbc.sql("""
				select count(*) from notification where account_id = :account and kind = 'HEAD'
				""").param("account", u.headAccount().userId()).query(Long.class).single();
		assertThat(liaisonReminders).isEqualTo(tasks.size());
		assertThat(headReminders).isEqualTo(tasks.size());
		for (String task : tasks.subList(0, 5)) {
			assertThat(fixtures.stepsTaken(task)).isEqualTo(2);
		}
		assertThat(fixtures.notified(u.leaderAccount(), tasks.get(0), LEADER)).isZero();
	}

	@Test
	void aMovedDeadlineClimbsTheLadderAgain() {
		UnitWithPeople u = fixtures.aUnitWithPeople(DemoCity.CITY);
		Instant due = DUE.plus(Duration.ofDays(80));
		String task = fixtures.track(u.unitId(), due, null);
		sweep.sweep(due.minus(Duration.ofDays(6)));
		assertThat(fixtures.notified(u.liaisonAccount(), task, LIAISON)).isOne();
		assertThat(fixtures.notified(u.headAccount(), task, HEAD)).isZero();

		Instant moved = due.plus(Duration.ofDays(10));
		fixtures.track(task, u.unitId(), moved, null);
		sweep.sweep(due.minus(Duration.ofDays(5)));
		assertThat(fixtures.notified(u.headAccount(), task, HEAD)).as("the old D−5 no longer counts").isZero();
		sweep.sweep(moved.minus(Duration.ofDays(7)));
		assertThat(fixtures.notified(u.liaisonAccount(), task, LIAISON)).as("reminded again for the new deadline")
			.isEqualTo(2);
		sweep.sweep(moved.minus(Duration.ofDays(5)));
		assertThat(fixtures.notified(u.headAccount(), task, HEAD)).isOne();

		// tracking again with the same deadline is not a move
		fixtures.track(task, u.unitId(), moved, null);
		sweep.sweep(moved.minus(Duration.ofDays(4)));
		assertThat(fixtures.notified(u.liaisonAccount(), task, LIAISON)).isEqualTo(2);
	}

	@Test
	void aSettledDeadlineNeverFires() {
		UnitWithPeople u = fixtures.aUnitWithPeople(DemoCity.CITY);
		Instant due = DUE.plus(Duration.ofDays(120));
		String task = fixtures.track(u.unitId(), due, u.leader().id());
		fixtures.settle(task);
		sweep.sweep(due.minus(Duration.ofDays(7)));
		sweep.sweep(due.plus(Duration.ofDays(1)));
		assertThat(fixtures.stepsTaken(task)).isZero();
		assertThat(fixtures.notifiedAnyone(task)).isZero();
	}

	@Test
	void aStepWithNobodyToTellIsRecordedAndGoesToTheUnitAdmins() {
		UnitWithPeople u = fixtures.aUnitWithoutPeople(DemoCity.CITY);
		Instant due = DUE.plus(Duration.ofDays(160));
		String task = fixtures.track(u.unitId(), due, null);
		sweep.sweep(due.minus(Duration.ofDays(3)));
		assertThat(fixtures.stepsTaken(task)).isEqualTo(3);
		assertThat(jdbc.sql("select bool_and(recipient_missing) from reminder_sent where subject_id = :s")
			.param("s", task)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(fixtures.notified(u.unitAdmin(), task, LIAISON)).isOne();
		assertThat(fixtures.notified(u.unitAdmin(), task, LEADER)).isOne();
	}

	@Test
	void aPersonWithoutAnAccountIsReachedThroughTheUnitAdmins() {
		UnitWithPeople u = fixtures.aUnitWithPeople(DemoCity.CITY);
		Instant due = DUE.plus(Duration.ofDays(200));
		// the responsible leader is the demo unit's head, who has no account: the admins of that person's unit read it
		var demoUnit = jdbc.sql("select main_leader_id from unit where code = :c")
			.param("c", DemoCity.UNIT_URBAN_MANAGEMENT)
			.query(java.util.UUID.class)
			.single();
		String task = fixtures.track(u.unitId(), due, demoUnit);
		sweep.sweep(due.minus(Duration.ofDays(3)));
		long demoAdmins = jdbc.sql("""
				select count(*) from notification n join user_account a on a.id = n.account_id
				where n.subject_id = :s and n.kind = 'LEADER' and a.username = 'unit_admin'
				""").param("s", task).query(Long.class).single();
		assertThat(demoAdmins).isOne();
	}
}
