package org.chuangwen.problems;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes {@link ProblemOverdue} once per deadline for each problem whose deadline passed at its unit, and writes
 * an "overdue" row on its timeline. Safe with several instances: rows are claimed with {@code skip locked}.
 */
@Component
class OverdueSweep {

	private static final Logger log = LoggerFactory.getLogger(OverdueSweep.class);

	private static final int BATCH = 500;

	private final ProblemRepository repository;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	OverdueSweep(ProblemRepository repository, ApplicationEventPublisher events, TransactionTemplate transactions,
			Clock clock) {
		this.repository = repository;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${chuangwen.problems.overdue-sweep.every:PT1M}", initialDelayString = "PT20S")
	void run() {
		try {
			sweep(clock.instant());
		}
		catch (RuntimeException ex) {
			log.warn("Overdue sweep failed; next run retries", ex);
		}
	}

	/** One sweep as of an instant; answers how many problems were newly found overdue. */
	int sweep(Instant asOf) {
		int total = 0;
		while (true) {
			Integer done = transactions.execute(status -> {
				List<Problem> batch = repository.newlyOverdue(asOf, BATCH);
				for (Problem p : batch) {
					repository.markOverduePublished(p.id(), p.deadline());
					repository.addEvent(p.id(), asOf, null, null, "overdue", p.status(), p.status(), p.unitId(),
							p.deadline().toString());
					events.publishEvent(new ProblemOverdue(p.id(), p.number(), p.unitId(), p.deadline(), asOf));
				}
				return batch.size();
			});
			total += done == null ? 0 : done;
			if (done == null || done < BATCH) {
				return total;
			}
		}
	}
}
