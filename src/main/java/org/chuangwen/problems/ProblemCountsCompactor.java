package org.chuangwen.problems;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the committed count deltas of problems into the compacted counts (V72, {@code problem_count_compact}), so that
 * the board's counts per state read a small table instead of counting a million problems. The counts a reader sees
 * are exact whether or not this ran (it adds the deltas not yet compacted); running keeps the delta table short. One
 * compactor at a time across a cluster (transaction advisory lock); every few seconds
 * ({@code chuangwen.problems.counts.every}).
 */
@Component
class ProblemCountsCompactor {

	private static final Logger log = LoggerFactory.getLogger(ProblemCountsCompactor.class);

	private final ProblemRepository repository;

	private final TransactionTemplate transactions;

	ProblemCountsCompactor(ProblemRepository repository, TransactionTemplate transactions) {
		this.repository = repository;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${chuangwen.problems.counts.every:PT5S}", initialDelayString = "PT10S")
	void run() {
		try {
			compact();
		}
		catch (RuntimeException ex) {
			log.warn("Compacting the problem counts failed; the next run retries", ex);
		}
	}

	/** One compaction; answers how many count keys changed, or -1 when another compactor was running. */
	int compact() {
		Integer changed = transactions.execute(status -> repository.compactCounts());
		return changed == null ? 0 : changed;
	}
}
