package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.chuangwen.criteria.Criterion;
import org.chuangwen.inspections.ObservationFact;
import org.chuangwen.inspections.ObservationResult;
import org.chuangwen.inspections.RoundKind;

/**
 * A generated city for the scoring benchmarks: a 500-standard framework (10 categories × 5 indicators × 5 content
 * items × 2 standards, maxima on the categories only), 5,000 points of 26 types in 10 districts, 100 streets, 300
 * units and 10 command posts, and observations of them (90 % compliant, 5 % with a fraction, 5 % not applicable).
 */
final class BenchCity {

	static final int POINTS = 5_000;

	static final int TYPES = 26;

	final TestTrees trees = new TestTrees();

	final ScoreEngine engine;

	final UUID[] districts = ids(10);

	final UUID[] streets = ids(100);

	final UUID[] units = ids(300);

	final UUID[] posts = ids(10);

	final UUID[] pointIds = ids(POINTS);

	final UUID[] rounds = ids(700);

	BenchCity() {
		for (int c = 0; c < 10; c++) {
			Criterion category = trees.node("C" + c, null, "10");
			for (int i = 0; i < 5; i++) {
				Criterion indicator = trees.node("C" + c + "-" + i, category, null);
				for (int k = 0; k < 5; k++) {
					Criterion item = trees.node("C" + c + "-" + i + "-" + k, indicator, null);
					for (int s = 0; s < 2; s++) {
						int n = trees.standards.size();
						trees.standard("S" + n, item, null, type(n % TYPES), type((n + 7) % TYPES), type((n + 13) % TYPES));
					}
				}
			}
		}
		engine = new ScoreEngine(trees.tree(), new BigDecimal("100"));
	}

	static String type(int i) {
		return String.format("P%02d", i + 1);
	}

	private static UUID[] ids(int n) {
		UUID[] ids = new UUID[n];
		for (int i = 0; i < n; i++) {
			ids[i] = UUID.randomUUID();
		}
		return ids;
	}

	int typeOf(int point) {
		return point % TYPES;
	}

	ObservationFact fact(SplittableRandom random, Instant at) {
		int p = random.nextInt(POINTS);
		int s = random.nextInt(trees.standards.size());
		double roll = random.nextDouble();
		ObservationResult result = roll < 0.05 ? ObservationResult.NOT_APPLICABLE
				: roll < 0.85 ? ObservationResult.COMPLIANT : ObservationResult.NON_COMPLIANT;
		BigDecimal recorded = roll > 0.95 ? new BigDecimal("0.8") : null;
		int round = random.nextInt(rounds.length);
		return new ObservationFact(UUID.randomUUID(), rounds[round], RoundKind.values()[round % 6], trees.framework,
				trees.standards.get(s).id(), pointIds[p], type(typeOf(p)), districts[p % 10], streets[p % 100],
				units[p % 300], posts[p % 10], null, null, result, result.getFraction(recorded), at);
	}

	List<ObservationFact> facts(int n, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		Instant at = Instant.parse("2026-11-01T00:00:00Z");
		List<ObservationFact> facts = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			facts.add(fact(random, at.plusSeconds(i)));
		}
		return facts;
	}

	/** Every point with its applicable standards at random current fractions (a share failing). */
	List<Simulation.PointState> population(long seed, double failing) {
		SplittableRandom random = new SplittableRandom(seed);
		List<Simulation.PointState> points = new ArrayList<>(POINTS);
		for (int p = 0; p < POINTS; p++) {
			String type = type(typeOf(p));
			List<Integer> st = new ArrayList<>();
			for (int s = 0; s < trees.standards.size(); s++) {
				if (trees.standards.get(s).appliesTo(type)) {
					st.add(s);
				}
			}
			double[] fr = new double[st.size()];
			int[] held = new int[st.size()];
			for (int e = 0; e < fr.length; e++) {
				fr[e] = random.nextDouble() < failing ? 0 : 1;
				held[e] = -1;
			}
			points.add(new Simulation.PointState(st.stream().mapToInt(Integer::intValue).toArray(), fr, held));
		}
		return points;
	}

	/** The official rule: {@code perType} points of each type, city-wide. */
	List<Simulation.Quota> quotas(int perType) {
		List<Simulation.Quota> quotas = new ArrayList<>();
		for (int t = 0; t < TYPES; t++) {
			List<Integer> candidates = new ArrayList<>();
			for (int p = 0; p < POINTS; p++) {
				if (typeOf(p) == t) {
					candidates.add(p);
				}
			}
			quotas.add(new Simulation.Quota(candidates.stream().mapToInt(Integer::intValue).toArray(), perType));
		}
		return quotas;
	}
}
