package org.chuangwen.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.chuangwen.ChuangwenIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain without a global append lock (V70): concurrent records are all linked exactly once, two chainers at once
 * link each row once, a row not yet linked is reported as pending (and an edit of it is still caught), and deleting
 * the newest links is caught as a truncated chain.
 */
@ChuangwenIntegrationTest
class AuditChainIntegrationTests {

	@Autowired
	AuditTrail audit;

	@Autowired
	AuditChainer chainer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void concurrentRecordsAreAllLinkedExactlyOnceInAGapFreeChain() throws Exception {
		String probe = "chain-" + UUID.randomUUID();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> writers = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				int thread = t;
				writers.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < 25; i++) {
						int n = i;
						transactions.executeWithoutResult(tx -> audit.record(new AuditActor("t" + thread, "线程" + thread),
								"probe.recorded", "probe", probe, null, java.util.Map.of("n", n), null));
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> w : writers) {
				w.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		AuditVerification result = audit.verify();
		assertThat(result.ok()).isTrue();
		assertThat(jdbc.sql("""
				select count(*) from audit_event e join audit_chain c on c.seq = e.seq
				where e.object_type = 'probe' and e.object_id = :id
				""").param("id", probe).query(Long.class).single()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'probe' and object_id = :id")
			.param("id", probe).query(Long.class).single()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) = max(pos) and count(distinct seq) = count(*) from audit_chain")
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void twoChainersAtOnceLinkEachRowOnce() throws Exception {
		String probe = "chainers-" + UUID.randomUUID();
		holdingTheHead(() -> {
			for (int i = 0; i < 40; i++) {
				int n = i;
				transactions.executeWithoutResult(tx -> audit.record(AuditActor.SYSTEM, "probe.recorded", "probe", probe,
						null, java.util.Map.of("n", n), null));
			}
		});
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			Future<Integer> a = pool.submit(() -> {
				start.await();
				return chainer.linkAll(true);
			});
			Future<Integer> b = pool.submit(() -> {
				start.await();
				return chainer.linkAll(true);
			});
			start.countDown();
			int linked = a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS);
			assertThat(linked).isGreaterThanOrEqualTo(0);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("""
				select count(*) from audit_event e join audit_chain c on c.seq = e.seq
				where e.object_type = 'probe' and e.object_id = :id
				""").param("id", probe).query(Long.class).single()).isEqualTo(40);
		assertThat(jdbc.sql("select count(*) from audit_pending").query(Long.class).single()).isZero();
		assertThat(audit.verify().ok()).isTrue();
	}

	@Test
	void aRowNotYetLinkedIsPendingNotBrokenAndItsEditIsStillCaught() throws Exception {
		String probe = "pending-" + UUID.randomUUID();
		audit.verify();
		holdingTheHead(() -> {
			transactions.executeWithoutResult(tx -> audit.record(AuditActor.SYSTEM, "probe.recorded", "probe", probe,
					null, java.util.Map.of("n", 1), null));
			long seq = jdbc.sql("select seq from audit_event where object_id = :id").param("id", probe).query(Long.class).single();
			assertThat(jdbc.sql("select count(*) from audit_pending where seq = :s").param("s", seq).query(Long.class).single())
				.isEqualTo(1);
			AuditVerification pending = transactions.execute(tx -> audit.verifyLinked());
			assertThat(pending.ok()).isTrue();
			assertThat(pending.pending()).isGreaterThanOrEqualTo(1);

			tamper("update audit_event set reason = 'forged' where seq = " + seq);
			AuditVerification edited = transactions.execute(tx -> audit.verifyLinked());
			assertThat(edited.ok()).isFalse();
			assertThat(edited.problem()).isEqualTo("edited");
			assertThat(edited.brokenSeq()).isEqualTo(seq);
			tamper("update audit_event set reason = null where seq = " + seq);
		});
		AuditVerification after = audit.verify();
		assertThat(after.ok()).isTrue();
		assertThat(jdbc.sql("select count(*) from audit_chain c join audit_event e on e.seq = c.seq where e.object_id = :id")
			.param("id", probe).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void deletingTheNewestLinksIsCaughtAsATruncatedChain() throws Exception {
		holdingTheHead(() -> {
			transactions.executeWithoutResult(tx -> audit.record(AuditActor.SYSTEM, "probe.recorded", "probe",
					"truncate-" + UUID.randomUUID(), null, null, null));
		});
		assertThat(audit.verify().ok()).isTrue();
		holdingTheHead(() -> {
			String saved = jdbc.sql("select row_to_json(c)::text from audit_chain c order by pos desc limit 1")
				.query(String.class).single();
			long seq = jdbc.sql("select seq from audit_chain order by pos desc limit 1").query(Long.class).single();
			try {
				tamper("delete from audit_chain where pos = (select max(pos) from audit_chain)");
				AuditVerification truncated = transactions.execute(tx -> audit.verifyLinked());
				assertThat(truncated.ok()).isFalse();
				assertThat(truncated.problem()).isEqualTo("truncated");
				assertThat(truncated.brokenSeq()).isLessThan(seq);
			}
			finally {
				tamper("insert into audit_chain select * from json_populate_record(null::audit_chain, '"
						+ saved.replace("'", "''") + "'::json)");
			}
		});
		assertThat(audit.verify().ok()).isTrue();
	}

	/**
	 * Runs the body while another transaction holds the chain head, so no chainer (the scheduled one included) links
	 * anything meanwhile.
	 */
	private void holdingTheHead(ThrowingRunnable body) throws Exception {
		ExecutorService holder = Executors.newSingleThreadExecutor();
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Future<?> lock = holder.submit(() -> transactions.executeWithoutResult(tx -> {
			jdbc.sql("select last_pos from audit_chain_head where id = 1 for update").query(Long.class).single();
			held.countDown();
			try {
				release.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		try {
			assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
			body.run();
		}
		finally {
			release.countDown();
			lock.get(60, TimeUnit.SECONDS);
			holder.shutdownNow();
		}
	}

	interface ThrowingRunnable {

		void run() throws Exception;
	}

	/** What an intruder with direct database access would do: switch the guard triggers off, then edit. */
	private void tamper(String sql) {
		transactions.executeWithoutResult(tx -> {
			jdbc.sql("set local session_replication_role = replica").update();
			jdbc.sql(sql).update();
		});
	}
}
