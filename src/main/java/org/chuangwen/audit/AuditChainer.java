package org.chuangwen.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links committed audit rows into the hash chain (V70, {@code audit_chain_link}): the pending rows in seq order, in
 * batches, each batch one short transaction holding the chain head's row lock, so only one chainer links at a time
 * across a cluster and every row is linked exactly once (the chain's unique seq guards that too). Runs every few
 * seconds ({@code chuangwen.audit.chain.every}, skipping a run while another instance's chainer holds the head) and
 * on demand before every verification (waiting for the head).
 */
@Component
class AuditChainer {

	private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);

	static final int BATCH = 5_000;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	AuditChainer(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${chuangwen.audit.chain.every:PT2S}", initialDelayString = "PT5S")
	void run() {
		try {
			linkAll(false);
		}
		catch (RuntimeException ex) {
			log.warn("Linking the audit chain failed; the next run retries", ex);
		}
	}

	/**
	 * Links every row committed so far; answers how many were taken from the queue. With {@code wait} false it stops
	 * as soon as another chainer holds the head (that one links them).
	 */
	int linkAll(boolean wait) {
		int total = 0;
		while (true) {
			Integer taken = transactions.execute(status -> jdbc.sql("select audit_chain_link(:limit, :wait)")
				.param("limit", BATCH)
				.param("wait", wait)
				.query(Integer.class)
				.single());
			int n = taken == null ? 0 : taken;
			total += n;
			if (n < BATCH) {
				return total;
			}
		}
	}
}
