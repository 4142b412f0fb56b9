package org.chuangwen.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.chuangwen.ChuangwenIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Notice numbers: per year and kind, in order, without gaps, never twice, also under concurrency and rollback. */
@ChuangwenIntegrationTest
class NoticeNumberingIntegrationTests {

	@Autowired
	NoticeRepository repository;

	@Autowired
	TransactionTemplate transactions;

	private int next(int year, NoticeKind kind) {
		return transactions.execute(tx -> repository.nextNumber(year, kind));
	}

	@Test
	void numbersRunPerYearAndKindFromOne() {
		assertThat(next(2041, NoticeKind.COPY_NOTICE)).isEqualTo(1);
		assertThat(next(2041, NoticeKind.COPY_NOTICE)).isEqualTo(2);
		assertThat(next(2041, NoticeKind.RECTIFICATION_ORDER)).isEqualTo(1);
		assertThat(next(2042, NoticeKind.COPY_NOTICE)).isEqualTo(1);
		assertThat(next(2041, NoticeKind.COPY_NOTICE)).isEqualTo(3);
	}

	@Test
	void aRolledBackNoticeGivesItsNumberBack() {
		assertThat(next(2043, NoticeKind.ADMONITION)).isEqualTo(1);
		transactions.executeWithoutResult(tx -> {
			assertThat(repository.nextNumber(2043, NoticeKind.ADMONITION)).isEqualTo(2);
			tx.setRollbackOnly();
		});
		assertThat(next(2043, NoticeKind.ADMONITION)).isEqualTo(2);
	}

	@Test
	void concurrentNoticesTakeEveryNumberOnceWithoutGaps() throws Exception {
		int threads = 6;
		int each = 10;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		ConcurrentLinkedQueue<Integer> committed = new ConcurrentLinkedQueue<>();
		List<Future<?>> futures = new ArrayList<>();
		try {
			for (int t = 0; t < threads; t++) {
				int thread = t;
				futures.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < each; i++) {
						boolean rollBack = thread == 0 && i % 3 == 0;
						Integer n = transactions.execute(tx -> {
							int number = repository.nextNumber(2044, NoticeKind.COPY_NOTICE);
							if (rollBack) {
								tx.setRollbackOnly();
							}
							return number;
						});
						if (!rollBack) {
							committed.add(n);
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> f : futures) {
				f.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		int expected = threads * each - 4; // thread 0 rolled back i = 0, 3, 6, 9
		assertThat(committed).hasSize(expected);
		assertThat(committed).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, expected).boxed().toList());
	}
}
