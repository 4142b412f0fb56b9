package org.chuangwen.problems;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.shared.PageRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's counts from the maintained counts (V72) agree with counting the problems, in every scope, before and
 * after compaction and across intake and transitions; problem numbers from the yearly sequences (V71) are unique under
 * concurrent intake, and a year's first draw creates its sequence.
 */
@ChuangwenIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemCountsIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	ProblemTestPlaces places;

	@Autowired
	ProblemManagement management;

	@Autowired
	ProblemDirectory directory;

	@Autowired
	ProblemRepository repository;

	@Autowired
	ProblemCountsCompactor compactor;

	@Autowired
	OrganisationDirectory organisation;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	Actor inspector, office, districtOffice, unitAdmin;

	@BeforeAll
	void places() {
		places.ready();
		inspector = fixtures.actor("inspector");
		office = fixtures.cityOffice();
		districtOffice = fixtures.actor("district_office");
		unitAdmin = fixtures.actor("unit_admin");
	}

	Problem report(String category) {
		var at = places.spot(false);
		return management.report(inspector, new NewProblem(category, "计数测试 " + category, null, at.lat(), at.lng(), null,
				List.of(places.photo(inspector)), true));
	}

	/** What counting the problems themselves answers. */
	Map<ProblemStatus, Long> live(Actor actor, ProblemFilter filter) {
		return transactions.execute(tx -> {
			Map<ProblemStatus, Long> counts = new java.util.EnumMap<>(ProblemStatus.class);
			for (ProblemStatus s : ProblemStatus.values()) {
				counts.put(s, 0L);
			}
			counts.putAll(repository.countsByStatus(ProblemRepository.filtered(organisation.scopeOf(actor),
					filter.withStatus(null), directory.now())));
			return counts;
		});
	}

	long liveOverdue(Actor actor) {
		ProblemFilter overdue = new ProblemFilter(null, null, null, null, true, null, null, null, null);
		return repository.count(ProblemRepository.filtered(organisation.scopeOf(actor), overdue, directory.now()));
	}

	void compact() {
		while (compactor.compact() < 0) {
			// the scheduled compactor runs; try again
		}
	}

	void assertCountsAgree() {
		List<ProblemFilter> filters = List.of(ProblemFilter.none(),
				new ProblemFilter(null, null, null, "A", null, null, null, null, null),
				new ProblemFilter(null, null, null, "A05", null, null, null, null, null),
				new ProblemFilter(ProblemStatus.DISPATCHED, places.urbanManagement, null, null, null, null, null, null, null));
		for (Actor actor : List.of(office, districtOffice, unitAdmin, inspector)) {
			for (ProblemFilter filter : filters) {
				Map<ProblemStatus, Long> live = live(actor, filter);
				assertThat(directory.countsByStatus(actor, filter)).as(actor.username() + " " + filter).isEqualTo(live);
				long total = filter.status() == null ? live.values().stream().mapToLong(Long::longValue).sum()
						: live.get(filter.status());
				assertThat(directory.problems(actor, filter, new PageRequest(0, 5)).total()).isEqualTo(total);
			}
			assertThat(directory.countOverdue(actor)).as(actor.username() + " overdue").isEqualTo(liveOverdue(actor));
		}
	}

	@Test
	void countsFromTheMaintainedCountsAgreeWithCountingTheProblems() {
		assertCountsAgree();
		Map<ProblemStatus, Long> before = directory.countsByStatus(office, ProblemFilter.none());
		Problem p = report("A05");
		assertThat(p.status()).isEqualTo(ProblemStatus.DISPATCHED);
		Map<ProblemStatus, Long> afterReport = directory.countsByStatus(office, ProblemFilter.none());
		assertThat(afterReport.get(ProblemStatus.DISPATCHED)).isEqualTo(before.get(ProblemStatus.DISPATCHED) + 1);
		assertCountsAgree();

		if (p.unitId().equals(places.urbanManagement)) {
			management.transition(unitAdmin, p.id(), new ProblemCommand(ProblemAction.CLAIM, null, null, null, null, null,
					null, null, null, null));
			Map<ProblemStatus, Long> afterClaim = directory.countsByStatus(office, ProblemFilter.none());
			assertThat(afterClaim.get(ProblemStatus.DISPATCHED)).isEqualTo(afterReport.get(ProblemStatus.DISPATCHED) - 1);
			assertThat(afterClaim.get(ProblemStatus.CLAIMED)).isEqualTo(afterReport.get(ProblemStatus.CLAIMED) + 1);
		}
		int changed;
		do {
			changed = compactor.compact(); // -1 while the scheduled compactor runs
		}
		while (changed < 0);
		assertThat(jdbc.sql("select count(*) from problem_count_delta").query(Long.class).single()).isLessThan(50);
		assertCountsAgree();
		assertThat(jdbc.sql("select count(*) from problem_count where n <= 0").query(Long.class).single()).isZero();
	}

	@Test
	void theOverdueCountFollowsDeadlinesThePublishingSweepAndTransitions() {
		Problem p = report("A05");
		long before = directory.countOverdue(office);
		java.time.Instant passed = directory.now().minus(java.time.Duration.ofHours(3));
		jdbc.sql("update problem set deadline = :d where id = :id").param("d", java.sql.Timestamp.from(passed))
			.param("id", p.id()).update();
		assertThat(directory.countOverdue(office)).as("passed, not yet published").isEqualTo(before + 1);
		transactions.executeWithoutResult(tx -> repository.markOverduePublished(p.id(), passed));
		assertThat(directory.countOverdue(office)).as("published, from the maintained counts").isEqualTo(before + 1);
		compact();
		assertThat(directory.countOverdue(office)).as("after compaction").isEqualTo(before + 1);
		assertThat(jdbc.sql("select overdue_published from problem where id = :id").param("id", p.id())
			.query(Boolean.class).single()).isTrue();
		assertCountsAgree();

		java.time.Instant later = directory.now().plus(java.time.Duration.ofDays(2));
		jdbc.sql("update problem set deadline = :d where id = :id").param("d", java.sql.Timestamp.from(later))
			.param("id", p.id()).update();
		assertThat(directory.countOverdue(office)).as("a new deadline ends the overdue").isEqualTo(before);
		jdbc.sql("update problem set deadline = :d where id = :id").param("d", java.sql.Timestamp.from(passed))
			.param("id", p.id()).update();
		assertThat(directory.countOverdue(office)).as("the old deadline back: published again").isEqualTo(before + 1);
		jdbc.sql("update problem set status = 'RECTIFIED' where id = :id").param("id", p.id()).update();
		assertThat(directory.countOverdue(office)).as("no longer at the unit").isEqualTo(before);
		assertCountsAgree();
		compact();
		assertCountsAgree();
	}

	@Test
	void concurrentIntakesDrawDistinctNumbers() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<String>> numbers = new ArrayList<>();
		try {
			CountDownLatch start = new CountDownLatch(1);
			for (int i = 0; i < 12; i++) {
				numbers.add(pool.submit(() -> {
					start.await();
					return report("A02").number();
				}));
			}
			start.countDown();
			Set<String> distinct = new HashSet<>();
			for (Future<String> n : numbers) {
				String number = n.get(60, TimeUnit.SECONDS);
				assertThat(number).matches("20\\d\\d-\\d{6}");
				distinct.add(number);
			}
			assertThat(distinct).hasSize(12);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aYearsFirstDrawCreatesItsSequenceAndARolledBackDrawLeavesAGap() throws Exception {
		int year = 2061;
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			Future<Long> a = pool.submit(() -> {
				start.await();
				return transactions.execute(tx -> repository.nextNumber(year));
			});
			Future<Long> b = pool.submit(() -> {
				start.await();
				return transactions.execute(tx -> repository.nextNumber(year));
			});
			start.countDown();
			assertThat(Set.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS))).containsExactlyInAnyOrder(1L, 2L);
		}
		finally {
			pool.shutdownNow();
		}
		transactions.executeWithoutResult(tx -> {
			assertThat(repository.nextNumber(year)).isEqualTo(3L);
			tx.setRollbackOnly();
		});
		Long next = transactions.execute(tx -> repository.nextNumber(year));
		assertThat(next).isEqualTo(4L);
	}
}
