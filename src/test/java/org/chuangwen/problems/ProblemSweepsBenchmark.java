package org.chuangwen.problems;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.escalation.EscalationSweep;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Measures (does not assert) one run of the problems' overdue sweep and of the escalation sweep on the database that
 * bench/problems-bench.sh filled with a million problems: it runs against that running product's embedded PostgreSQL
 * (durable mode), given as {@code -Dspring.datasource.url=…}, and does nothing without it. The context's own scheduled
 * jobs are cancelled first so that only the timed runs work. Not part of the test suite (the name does not end in
 * Tests).
 */
@ChuangwenIntegrationTest
class ProblemSweepsBenchmark {

	private static final String AT_UNIT_OVERDUE = "status in ('DISPATCHED', 'CLAIMED', 'REWORK') and deadline < :now";

	@Autowired
	OverdueSweep overdueSweep;

	@Autowired
	EscalationSweep escalationSweep;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<ScheduledTaskHolder> schedules;

	@Test
	void measure() {
		assumeTrue(System.getProperty("spring.datasource.url") != null,
				"run by bench/problems-bench.sh against the benchmark's database");
		schedules.forEach(holder -> holder.getScheduledTasks().forEach(ScheduledTask::cancel));
		Instant now = Instant.now();
		long problems = jdbc.sql("select count(*) from problem").query(Long.class).single();
		long overdue = count(AT_UNIT_OVERDUE, now);
		long unpublished = count(AT_UNIT_OVERDUE + " and (overdue_published_for is null or overdue_published_for <> deadline)", now);
		System.out.printf("BENCH sweeps: %d problems, %d overdue at units, %d of them not yet published as overdue%n",
				problems, overdue, unpublished);

		time("overdue sweep, steady state (deadlines passed in the last hour)", () -> overdueSweep.sweep(now) + " newly overdue");
		time("overdue sweep, a minute later (nothing new)", () -> overdueSweep.sweep(now.plusSeconds(60)) + " newly overdue");
		time("escalation sweep, first (copy notices for every overdue problem)", () -> escalationSweep.sweep(now.plusSeconds(120)).toString());
		time("escalation sweep, 5 minutes later (nothing new)", () -> escalationSweep.sweep(now.plusSeconds(420)).toString());
		// as after an outage of the sweep: every overdue problem is newly overdue again
		jdbc.sql("update problem set overdue_published_for = null where " + AT_UNIT_OVERDUE).param("now", org.chuangwen.shared.SqlValues.at(now)).update();
		time("overdue sweep, catch-up (every overdue problem unpublished)", () -> overdueSweep.sweep(now.plusSeconds(480)) + " newly overdue");
	}

	private long count(String condition, Instant now) {
		return jdbc.sql("select count(*) from problem where " + condition).param("now", org.chuangwen.shared.SqlValues.at(now))
			.query(Long.class)
			.single();
	}

	private static void time(String name, Supplier<String> sweep) {
		long started = System.nanoTime();
		String outcome = sweep.get();
		System.out.printf("BENCH %-64s %7.2f s  %s%n", name, (System.nanoTime() - started) / 1e9, outcome);
	}
}
