package org.chuangwen.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Climbs the escalation ladder (督办). Runs every few minutes on every instance, and is safe to:
 * <ul>
 * <li>an overdue problem enters the ladder by inserting its row into {@code escalation_ladder} with
 * {@code ON CONFLICT DO NOTHING}, in the same transaction as its copy notice: only the instance whose insert went in
 * issues it; (problem, cycle, kind) is also unique among the notices' problems, so no step is ever issued twice in a
 * cycle;</li>
 * <li>a problem whose ladder was stopped (closed) and which is overdue again (reopened, or relapsed at its re-check)
 * re-enters the ladder in its next cycle, by the same insert turned into an update of its stopped row: again only one
 * instance wins;</li>
 * <li>problems on the ladder are claimed in batches with {@code FOR UPDATE SKIP LOCKED} when their notice's deadline
 * has passed, so two instances work on different problems; a claimed problem still open and still overdue gets the
 * next step (rectification order, then admonition); one closed, rejected or merged stops its ladder and settles its
 * notices; one whose own deadline was extended waits until that deadline;</li>
 * <li>the problems of one unit that reach the same step in the same run share one notice.</li>
 * </ul>
 */
@Service
public class EscalationSweep {

	private static final Logger log = LoggerFactory.getLogger(EscalationSweep.class);

	static final int BATCH = 200;

	/** How often an admonition's problems are looked at again while they stay open. */
	static final Duration ADMONITION_RECHECK = Duration.ofDays(1);

	/** What one run did. */
	public record Outcome(int copyNotices, int rectificationOrders, int admonitions, int stopped) {

		public int notices() {
			return copyNotices + rectificationOrders + admonitions;
		}

		Outcome plus(Outcome o) {
			return new Outcome(copyNotices + o.copyNotices, rectificationOrders + o.rectificationOrders,
					admonitions + o.admonitions, stopped + o.stopped);
		}

		static Outcome of(NoticeKind kind) {
			return switch (kind) {
				case COPY_NOTICE -> new Outcome(1, 0, 0, 0);
				case RECTIFICATION_ORDER -> new Outcome(0, 1, 0, 0);
				case ADMONITION -> new Outcome(0, 0, 1, 0);
			};
		}
	}

	static final Outcome NOTHING = new Outcome(0, 0, 0, 0);

	private final NoticeRepository repository;

	private final NoticeIssuer issuer;

	private final LadderStops stops;

	private final ProblemLookup problems;

	private final TransactionTemplate transactions;

	private final Clock clock;

	EscalationSweep(NoticeRepository repository, NoticeIssuer issuer, LadderStops stops, ProblemLookup problems,
			TransactionTemplate transactions, Clock clock) {
		this.repository = repository;
		this.issuer = issuer;
		this.stops = stops;
		this.problems = problems;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${chuangwen.escalation.sweep.every:PT5M}", initialDelayString = "${chuangwen.escalation.sweep.initial-delay:PT1M}")
	void scheduled() {
		try {
			Outcome outcome = sweep(clock.instant());
			if (outcome.notices() > 0 || outcome.stopped() > 0) {
				log.info("Escalation sweep: {}", outcome);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Escalation sweep failed; the next run picks up where it stopped", ex);
		}
	}

	/** Takes every step of the ladder due at {@code now}. */
	public Outcome sweep(Instant now) {
		Outcome outcome = climb(now);
		return outcome.plus(enterOverdue(now));
	}

	/**
	 * Overdue problems not yet on the ladder get a copy notice: one per unit, listing at most {@value #BATCH} problems
	 * (a unit with more gets several).
	 */
	private Outcome enterOverdue(Instant now) {
		Outcome[] total = { NOTHING };
		Map<UUID, List<ProblemFacts>> pending = new LinkedHashMap<>();
		problems.forEachOverdue(now, BATCH, batch -> {
			Set<UUID> known = Set.copyOf(repository.onLadder(batch.stream().map(ProblemFacts::id).toList()));
			for (ProblemFacts p : batch) {
				if (known.contains(p.id()) || p.unitId() == null || !p.overdueAt(now)) {
					continue;
				}
				List<ProblemFacts> ofUnit = pending.computeIfAbsent(p.unitId(), k -> new ArrayList<>());
				ofUnit.add(p);
				if (ofUnit.size() >= BATCH) {
					total[0] = total[0].plus(copyNotice(p.unitId(), pending.remove(p.unitId()), now));
				}
			}
		});
		for (Map.Entry<UUID, List<ProblemFacts>> unit : pending.entrySet()) {
			total[0] = total[0].plus(copyNotice(unit.getKey(), unit.getValue(), now));
		}
		return total[0];
	}

	/** One copy notice to a unit for those of these problems that this call puts on the ladder first. */
	private Outcome copyNotice(UUID unitId, List<ProblemFacts> candidates, Instant now) {
		return transactions.execute(tx -> {
			List<UUID> entered = repository.enter(candidates.stream().map(ProblemFacts::id).sorted().toList(), unitId,
					NoticeKind.COPY_NOTICE, now);
			if (entered.isEmpty()) {
				return NOTHING;
			}
			Set<UUID> claimed = Set.copyOf(entered);
			return issuer.issue(NoticeKind.COPY_NOTICE, unitId,
					candidates.stream().filter(p -> claimed.contains(p.id())).toList(), now, null, null)
				.map(n -> Outcome.of(n.kind()))
				.orElse(NOTHING);
		});
	}

	/** Problems whose notice's deadline passed: the next step, a stop, or a later look. */
	private Outcome climb(Instant now) {
		Outcome total = NOTHING;
		while (true) {
			record Batch(int size, Outcome outcome) {
			}
			Batch batch = transactions.execute(tx -> {
				List<NoticeRepository.Rung> due = repository.claimDue(now, BATCH);
				if (due.isEmpty()) {
					return new Batch(0, NOTHING);
				}
				Map<UUID, ProblemFacts> facts = problems.find(due.stream().map(NoticeRepository.Rung::problemId).toList());
				Outcome outcome = NOTHING;
				record Step(NoticeKind kind, UUID unitId) {
				}
				Map<Step, List<ProblemFacts>> next = new LinkedHashMap<>();
				for (NoticeRepository.Rung rung : due) {
					ProblemFacts p = facts.get(rung.problemId());
					if (p == null || !p.open()) {
						stops.stop(rung.problemId(), p == null ? "GONE" : p.status(), now);
						outcome = outcome.plus(new Outcome(0, 0, 0, 1));
						continue;
					}
					Optional<NoticeKind> step = rung.step().next();
					if (step.isEmpty()) {
						repository.postpone(rung.problemId(), now.plus(ADMONITION_RECHECK), now);
					}
					else if (!p.overdueAt(now) || p.unitId() == null) {
						// the problem's own deadline was extended (or it awaits a unit): look again when that passes
						Instant later = p.deadline() != null && p.deadline().isAfter(now) ? p.deadline()
								: now.plus(ADMONITION_RECHECK);
						repository.postpone(rung.problemId(), later, now);
					}
					else {
						next.computeIfAbsent(new Step(step.get(), p.unitId()), k -> new ArrayList<>()).add(p);
					}
				}
				for (Map.Entry<Step, List<ProblemFacts>> entry : next.entrySet()) {
					NoticeKind kind = entry.getKey().kind();
					List<ProblemFacts> group = entry.getValue();
					Optional<Notice> issued = issuer.issue(kind, entry.getKey().unitId(), group, now, null, null);
					if (issued.isPresent()) {
						outcome = outcome.plus(Outcome.of(kind));
					}
					else {
						// every problem already had this step (issued by hand meanwhile): look again at its deadline
						group.forEach(p -> repository.postpone(p.id(), now.plus(ADMONITION_RECHECK), now));
					}
				}
				return new Batch(due.size(), outcome);
			});
			total = total.plus(batch.outcome());
			if (batch.size() < BATCH) {
				return total;
			}
		}
	}
}
