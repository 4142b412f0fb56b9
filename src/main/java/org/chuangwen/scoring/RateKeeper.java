package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.inspections.InspectionDirectory;
import org.chuangwen.inspections.ObservationFact;
import org.chuangwen.inspections.ObservationQuery;
import org.chuangwen.inspections.ObservationRecorded;
import org.chuangwen.inspections.RoundKind;
import org.chuangwen.inspections.ScoreDimension;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code scoring_rate} in step with the observations: every {@link ObservationRecorded} is applied as a delta in
 * the transaction that saves the observation (so the sums commit or roll back with it), and a full recompute rebuilds
 * a framework's sums from every observation fact.
 */
@Component
class RateKeeper {

	private final RateCache cache;

	private final InspectionDirectory inspections;

	private final AuditTrail audit;

	private final Clock clock;

	private final java.util.function.Function<UUID, ScoreEngine> engines;

	@org.springframework.beans.factory.annotation.Autowired
	RateKeeper(RateCache cache, InspectionDirectory inspections, AuditTrail audit, Clock clock,
			ScoreCalculator calculator) {
		this(cache, inspections, audit, clock, calculator::engine);
	}

	RateKeeper(RateCache cache, InspectionDirectory inspections, AuditTrail audit, Clock clock,
			java.util.function.Function<UUID, ScoreEngine> engines) {
		this.engines = engines;
		this.cache = cache;
		this.inspections = inspections;
		this.audit = audit;
		this.clock = clock;
	}

	/** Applies a saved observation (and takes back the one it replaced) in the saving transaction. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ObservationRecorded event) {
		List<RateCache.Delta> deltas = deltas(event.fact(), event.previous());
		if (deltas.isEmpty()) {
			return;
		}
		cache.lockShared(event.fact().frameworkId());
		cache.apply(deltas);
	}

	/** The rows to add for a new fact replacing {@code previous} (may be null); pairs that cancel are dropped. */
	static List<RateCache.Delta> deltas(ObservationFact fact, ObservationFact previous) {
		int shard = Math.floorMod(fact.observationId().hashCode(), RateCache.SHARDS);
		Map<Key, Acc> acc = new HashMap<>();
		add(acc, fact, 1);
		if (previous != null) {
			add(acc, previous, -1);
		}
		List<RateCache.Delta> deltas = new ArrayList<>();
		acc.forEach((k, a) -> {
			if (a.count != 0 || a.sum.signum() != 0) {
				deltas.add(new RateCache.Delta(k.framework, k.kind, k.dimension, k.group, k.standard, shard, a.sum,
						a.count));
			}
		});
		return deltas;
	}

	private record Key(UUID framework, RoundKind kind, ScoreDimension dimension, String group, UUID standard) {
	}

	private static final class Acc {

		BigDecimal sum = BigDecimal.ZERO;

		long count;
	}

	private static void add(Map<Key, Acc> acc, ObservationFact fact, int sign) {
		if (fact.getFraction() == null) {
			return;
		}
		for (ScoreDimension d : RateCache.CACHED) {
			String group = groupKey(fact, d);
			if (group == null) {
				continue;
			}
			Acc a = acc.computeIfAbsent(new Key(fact.frameworkId(), fact.roundKind(), d, group, fact.standardId()),
					k -> new Acc());
			a.sum = sign > 0 ? a.sum.add(fact.getFraction()) : a.sum.subtract(fact.getFraction());
			a.count += sign;
		}
	}

	private ScoreEngine engine(UUID frameworkId) {
		return engines.apply(frameworkId);
	}

	/** The group a fact belongs to in a dimension ({@code ""} for the city), or null when it has none there. */
	static String groupKey(ObservationFact fact, ScoreDimension d) {
		return switch (d) {
			case CITY -> "";
			case DISTRICT -> text(fact.districtId());
			case STREET -> text(fact.streetId());
			case UNIT -> text(fact.unitId());
			case POINT_TYPE -> fact.pointTypeCode();
			case COMMAND_POST -> text(fact.commandPostId());
			case POINT -> text(fact.pointId());
		};
	}

	private static String text(UUID id) {
		return id == null ? null : id.toString();
	}

	/**
	 * Rebuilds a framework's sums from all its observations, holding the framework's lock alone so that no save in
	 * flight is missed. Answers how many observation facts were read.
	 */
	@Transactional
	public long rebuild(UUID frameworkId) {
		cache.lockExclusive(frameworkId);
		return rebuild(frameworkId, engine(frameworkId), sink -> inspections
			.forEachFact(new ObservationQuery(frameworkId, null, null, null, null), sink));
	}

	/** Rebuilds from the given facts (the caller holds the framework's lock and a transaction). */
	long rebuild(UUID frameworkId, ScoreEngine engine,
			java.util.function.Consumer<java.util.function.Consumer<ObservationFact>> source) {
		long started = System.nanoTime();
		Map<RoundKind, List<FactAggregator>> byKind = new java.util.EnumMap<>(RoundKind.class);
		long[] facts = { 0 };
		source.accept(fact -> {
			facts[0]++;
			for (FactAggregator a : byKind.computeIfAbsent(fact.roundKind(),
					k -> RateCache.CACHED.stream().map(d -> new FactAggregator(engine, d)).toList())) {
				a.add(fact);
			}
		});
		cache.clear(frameworkId);
		List<RateCache.Delta> rows = new ArrayList<>();
		byKind.forEach((kind, aggregators) -> {
			for (int d = 0; d < aggregators.size(); d++) {
				ScoreDimension dimension = RateCache.CACHED.get(d);
				aggregators.get(d).sums().groups().forEach((group, sums) -> sums.forEach((standard, sum) -> rows
					.add(new RateCache.Delta(frameworkId, kind, dimension, group, standard, 0,
							BigDecimal.valueOf(sum.getSum).setScale(6, java.math.RoundingMode.HALF_UP), sum.applicable))));
			}
		});
		cache.insert(rows);
		long tookMs = (System.nanoTime() - started) / 1_000_000;
		cache.recordRebuild(frameworkId, clock.instant(), facts[0], tookMs);
		audit.record("scoring.rebuild", "framework", frameworkId, null,
				Map.of("observations", facts[0], "rows", rows.size(), "tookMs", tookMs), null);
		return facts[0];
	}
}
