package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Awards the rotating flags of closed periods (DOMAIN §9): for each city node, each flagged category and each week,
 * month and quarter that has ended, a red flag to the first place and a black flag to the last place (ties share the
 * flag; nothing, and no claim, when fewer than two entries have data or all tie). A black flag records a numbered last-place notice:
 * the first time a talk with the responsible city leader, twice in a row with the organisation department, three times
 * in a row accountability.
 * <p>
 * Cluster-safe: one award round per (period, category, city) is claimed by inserting its key ({@code eval_flag_round});
 * a second instance or a retry finds it taken and does nothing. Time comes from the injected {@link Clock}.
 */
@Component
class FlagAwards {

	private static final Logger log = LoggerFactory.getLogger(FlagAwards.class);

	private static final List<Period.Kind> KINDS = List.of(Period.Kind.WEEK, Period.Kind.MONTH, Period.Kind.QUARTER);

	private final RankingEngine engine;

	private final UnitDayFacts facts;

	private final EvaluationRepository repository;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate tx;

	FlagAwards(RankingEngine engine, UnitDayFacts facts, EvaluationRepository repository, AuditTrail audit,
			Clock clock, PlatformTransactionManager transactions) {
		this.engine = engine;
		this.facts = facts;
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
	}

	@Scheduled(cron = "${chuangwen.evaluation.flags.cron:0 5 1 * * *}")
	void scheduled() {
		try {
			facts.drain();
			awardClosed(2, 2, 2);
		}
		catch (RuntimeException ex) {
			log.warn("Awarding rotating flags failed; the next run retries: {}", ex.toString());
		}
	}

	/**
	 * Awards every round of the last closed periods of each kind (that many weeks, months, quarters) that has not been awarded yet, oldest
	 * first (so that "in a row" counts the earlier ones); answers the number of flags awarded.
	 */
	int awardClosed(int weeks, int months, int quarters) {
		LocalDate today = LocalDate.now(clock);
		int flags = 0;
		for (Period.Kind kind : KINDS) {
			int lookback = kind == Period.Kind.WEEK ? weeks : kind == Period.Kind.MONTH ? months : quarters;
			List<Period> periods = new ArrayList<>();
			Period p = Period.of(kind, today).previous();
			for (int i = 0; i < lookback; i++) {
				periods.add(0, p);
				p = p.previous();
			}
			for (Period period : periods) {
				flags += award(period);
			}
		}
		return flags;
	}

	/** Awards one closed period in every city and flagged category; answers the number of flags awarded. */
	int award(Period period) {
		if (!period.isClosedBy(LocalDate.now(clock))) {
			throw new IllegalArgumentException("period " + period.label() + " has not ended");
		}
		int flags = 0;
		var sums = engine.unitSums(period);
		for (Jurisdiction city : engine.cities()) {
			for (RankingCategory category : RankingCategory.FLAGGED) {
				Integer n = tx.execute(status -> awardRound(period, category, city, sums));
				flags += n == null ? 0 : n;
			}
		}
		return flags;
	}

	private int awardRound(Period period, RankingCategory category, Jurisdiction city,
			java.util.Map<java.util.UUID, FactSums> sums) {
		Instant now = clock.instant();
		Ranking ranking = engine.rank(period, category, city, sums);
		List<Ranking.Entry> ranked = ranking.entries().stream().filter(e -> e.rank() != null).toList();
		if (ranked.size() < 2) {
			return 0;
		}
		int first = ranked.get(0).rank();
		int last = ranked.get(ranked.size() - 1).rank();
		if (first == last) {
			return 0;
		}
		// nothing to award is not a claim: the round stays open until the period has entries to tell apart
		if (!repository.claimFlagRound(period, category, city.id(), now)) {
			return 0;
		}
		int awarded = 0;
		for (Ranking.Entry e : ranked) {
			RotatingFlag.Colour colour = e.rank() == first ? RotatingFlag.Colour.RED
					: e.rank() == last ? RotatingFlag.Colour.BLACK : null;
			if (colour == null) {
				continue;
			}
			RotatingFlag flag = new RotatingFlag(Ids.newId(), period.kind(), period.from(), period.to(), category,
					city.id(), colour, e.id(), e.name(), BigDecimal.valueOf(e.index()), now);
			repository.insertFlag(flag);
			audit.record("evaluation.flag.award", "evaluationFlag", flag.id(), null, flag, null);
			awarded++;
			if (colour == RotatingFlag.Colour.BLACK) {
				recordNotice(flag, period, category, city);
			}
		}
		return awarded;
	}

	private void recordNotice(RotatingFlag flag, Period period, RankingCategory category, Jurisdiction city) {
		int consecutive = 1;
		Period before = period.previous();
		while (consecutive < 52
				&& repository.hasFlag(before, category, city.id(), RotatingFlag.Colour.BLACK, flag.unitId())) {
			consecutive++;
			before = before.previous();
		}
		int year = flag.awardedAt().atZone(clock.getZone()).getYear();
		int seq = repository.nextNoticeNumber(year);
		LastPlaceNotice notice = new LastPlaceNotice(Ids.newId(), year, seq, LastPlaceNotice.numberOf(year, seq),
				LastPlaceNotice.Kind.forConsecutive(consecutive), flag.id(), flag.unitId(), flag.unitName(), city.id(),
				consecutive, period.kind(), period.from(), period.to(), category, flag.index(), flag.awardedAt());
		repository.insertNotice(notice);
		audit.record("evaluation.notice.issue", "evaluationNotice", notice.id(), null, notice, null);
	}
}
