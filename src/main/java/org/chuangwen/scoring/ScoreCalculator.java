package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.criteria.AssessmentMethod;
import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.criteria.Framework;
import org.chuangwen.criteria.Standard;
import org.chuangwen.inspections.InspectionDirectory;
import org.chuangwen.inspections.ObservationQuery;
import org.chuangwen.inspections.ScoreDimension;
import org.chuangwen.inspections.StandardRate;
import org.chuangwen.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Turns pass-rate sums into the tree's scores, per group: field sums from the cache (whole rounds) or straight from
 * the inspections module (a time window, or per point), combined per standard with the other methods' parts by their
 * shares, then rolled up by the {@link ScoreEngine}.
 */
@Component
class ScoreCalculator {

	/** Per group: every standard's combined rate (NaN: not observed) and its field observations. */
	record GroupRates(double[] rates, long[] observations) {
	}

	private final RateCache cache;

	private final InspectionDirectory inspections;

	private final CriteriaDirectory criteria;

	private final List<ScorePart> parts;

	private final MethodShares shares;

	ScoreCalculator(RateCache cache, InspectionDirectory inspections, CriteriaDirectory criteria, List<ScorePart> parts,
			MethodShares shares) {
		this.cache = cache;
		this.inspections = inspections;
		this.criteria = criteria;
		this.parts = List.copyOf(parts);
		this.shares = shares;
	}

	/** The framework's engine (its tree as it is now). */
	ScoreEngine engine(UUID frameworkId) {
		Framework framework = criteria.framework(null, frameworkId);
		return new ScoreEngine(criteria.tree(frameworkId), framework.totalScore());
	}

	/**
	 * The field sums of a query in a dimension: the city-wide figure (all rounds, by kind, for the city or its
	 * districts) from the cache, everything else (one round, a time window, finer groups) from the observations.
	 */
	RateSums fieldSums(ObservationQuery query, ScoreDimension dimension) {
		if (query.roundIds().isEmpty() && query.from() == null && query.to() == null
				&& RateCache.CACHED.contains(dimension)) {
			return cache.sums(query.frameworkId(), dimension, query.kinds());
		}
		return fromInspections(query, dimension);
	}

	/** The same sums computed by the inspections module from the observations (the reference the cache must equal). */
	RateSums fromInspections(ObservationQuery query, ScoreDimension dimension) {
		RateSums sums = new RateSums();
		for (StandardRate r : inspections.standardRates(query, dimension)) {
			sums.add(r.groupKey(), r.standardId(), r.getSum().doubleValue(), r.applicable());
		}
		return sums;
	}

	/** Every group's combined rates. */
	Map<String, GroupRates> rates(ScoreEngine engine, ObservationQuery query, ScoreDimension dimension) {
		return combine(engine, fieldSums(query, dimension), partRates(query, dimension));
	}

	Map<AssessmentMethod, Map<String, Map<UUID, Double>>> partRates(ObservationQuery query, ScoreDimension dimension) {
		Map<AssessmentMethod, Map<String, Map<UUID, Double>>> byMethod = new HashMap<>();
		for (ScorePart part : parts) {
			if (part.method() == AssessmentMethod.FIELD) {
				continue;
			}
			for (PartRate r : part.rates(query.frameworkId(), query, dimension)) {
				if (r.samples() <= 0 || r.passRate() == null) {
					continue;
				}
				byMethod.computeIfAbsent(part.method(), k -> new HashMap<>())
					.computeIfAbsent(r.groupKey() == null ? "" : r.groupKey(), k -> new HashMap<>())
					.put(r.standardId(), clamp(r.passRate()));
			}
		}
		return byMethod;
	}

	private static double clamp(BigDecimal rate) {
		return Math.max(0, Math.min(1, rate.doubleValue()));
	}

	/**
	 * Combines the field sums and the parts: a standard's rate is the share-weighted mean of the rates of the methods
	 * that observed it (the field always counts; another method only where the standard lists it).
	 */
	Map<String, GroupRates> combine(ScoreEngine engine, RateSums field,
			Map<AssessmentMethod, Map<String, Map<UUID, Double>>> partRates) {
		Set<String> groups = new HashSet<>(field.groups().keySet());
		partRates.values().forEach(m -> groups.addAll(m.keySet()));
		List<Standard> standards = engine.tree().standards();
		Map<String, GroupRates> out = new HashMap<>();
		for (String group : groups) {
			int n = engine.standardCount();
			double[] rates = new double[n];
			long[] observations = new long[n];
			Map<UUID, RateSums.Sum> sums = field.group(group);
			boolean any = false;
			for (int i = 0; i < n; i++) {
				Standard s = standards.get(i);
				double num = 0;
				double den = 0;
				RateSums.Sum sum = sums.get(s.id());
				if (sum != null && sum.applicable > 0) {
					double w = shares.share(AssessmentMethod.FIELD);
					num += w * Math.max(0, Math.min(1, sum.rate()));
					den += w;
					observations[i] = sum.applicable;
				}
				for (Map.Entry<AssessmentMethod, Map<String, Map<UUID, Double>>> e : partRates.entrySet()) {
					if (!s.methods().contains(e.getKey())) {
						continue;
					}
					Double r = e.getValue().getOrDefault(group, Map.of()).get(s.id());
					if (r != null) {
						double w = shares.share(e.getKey());
						num += w * r;
						den += w;
					}
				}
				rates[i] = den > 0 ? num / den : Double.NaN;
				any |= den > 0;
			}
			if (any) {
				out.put(group, new GroupRates(rates, observations));
			}
		}
		return out;
	}

	double share(AssessmentMethod method) {
		return shares.share(method);
	}

	static void requireFramework(UUID frameworkId) {
		if (frameworkId == null) {
			throw new NotFoundException("framework", "-");
		}
	}
}
