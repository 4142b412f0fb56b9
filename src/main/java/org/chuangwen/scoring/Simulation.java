package org.chuangwen.scoring;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The forecast's Monte Carlo core (DOMAIN §7), pure and seeded: draws the official sample many times from the points'
 * current states, scores each draw with the {@link ScoreEngine}, and prices fixes. Because a total is linear in the
 * standards' rates once the observed set is fixed ({@code Σ effectiveMax(s) × rate(s)}), fixing a failing item of a
 * drawn point raises that draw's total by exactly {@code effectiveMax(s) × share(s) × (1 − fraction) / drawn(s)}; the
 * expected gain of fixing a point or a problem is the mean of that over the draws (the same draws for every
 * candidate, so the ranking carries no noise of its own).
 */
final class Simulation {

	/**
	 * One point as the forecast sees it: for each standard that applies to it, its expected get fraction, and the
	 * problem (index, or -1) that keeps it failing.
	 */
	record PointState(int[] standards, double[] fractions, int[] problems) {
	}

	/** Draw {@code count} points out of {@code candidates} (indexes into the population) without replacement. */
	record Quota(int[] candidates, int count) {
	}

	/**
	 * What the field does not decide: per standard, the other methods' share-weighted rates ({@code otherNum}) and
	 * shares ({@code otherDen}), and the field's share ({@code fieldShare}).
	 */
	record Parts(double fieldShare, double[] otherNum, double[] otherDen) {

		static Parts fieldOnly(int standards) {
			return new Parts(1, new double[standards], new double[standards]);
		}
	}

	/** The outcome: the totals' mean and 5th/95th percentiles, the expected gain per point and per problem. */
	record Outcome(double max, double expected, double p05, double p95, int simulations, double[] pointGains,
			double[] problemGains, int drawnPerSimulation) {
	}

	private Simulation() {
	}

	static Outcome run(ScoreEngine engine, List<PointState> population, List<Quota> quotas, Parts parts,
			int problems, int simulations, long seed) {
		int n = engine.standardCount();
		SplittableRandom random = new SplittableRandom(seed);
		double[] sum = new double[n];
		int[] count = new int[n];
		int[] touched = new int[n];
		double[] rates = new double[n];
		double[] standardMax = new double[n];
		ScoreEngine.Workspace ws = engine.workspace();
		double[] totals = new double[simulations];
		double[] pointGains = new double[population.size()];
		double[] problemGains = new double[problems];
		int drawnPerSim = 0;
		for (Quota q : quotas) {
			drawnPerSim += Math.min(q.count(), q.candidates().length);
		}
		int[] drawn = new int[drawnPerSim];
		int[][] pools = new int[quotas.size()][];
		for (int i = 0; i < quotas.size(); i++) {
			pools[i] = quotas.get(i).candidates().clone();
		}
		Arrays.fill(rates, Double.NaN);
		for (int sim = 0; sim < simulations; sim++) {
			int d = 0;
			for (int qi = 0; qi < pools.length; qi++) {
				int[] pool = pools[qi];
				int take = Math.min(quotas.get(qi).count(), pool.length);
				for (int k = 0; k < take; k++) {
					int j = k + random.nextInt(pool.length - k);
					int t = pool[k];
					pool[k] = pool[j];
					pool[j] = t;
					drawn[d++] = pool[k];
				}
			}
			int touchedCount = 0;
			for (int k = 0; k < d; k++) {
				PointState p = population.get(drawn[k]);
				int[] st = p.standards();
				double[] fr = p.fractions();
				for (int e = 0; e < st.length; e++) {
					int s = st[e];
					if (count[s] == 0) {
						touched[touchedCount++] = s;
					}
					sum[s] += fr[e];
					count[s]++;
				}
			}
			for (int s = 0; s < n; s++) {
				double other = parts.otherDen()[s];
				if (count[s] > 0) {
					rates[s] = (parts.fieldShare() * sum[s] / count[s] + parts.otherNum()[s])
							/ (parts.fieldShare() + other);
				}
				else {
					rates[s] = other > 0 ? parts.otherNum()[s] / other : Double.NaN;
				}
			}
			totals[sim] = engine.score(rates, standardMax, ws);
			for (int k = 0; k < d; k++) {
				PointState p = population.get(drawn[k]);
				int[] st = p.standards();
				double[] fr = p.fractions();
				for (int e = 0; e < st.length; e++) {
					if (fr[e] < 1) {
						int s = st[e];
						double g = standardMax[s] * parts.fieldShare() / (parts.fieldShare() + parts.otherDen()[s])
								* (1 - fr[e]) / count[s];
						pointGains[drawn[k]] += g;
						int problem = p.problems()[e];
						if (problem >= 0) {
							problemGains[problem] += g;
						}
					}
				}
			}
			for (int k = 0; k < touchedCount; k++) {
				sum[touched[k]] = 0;
				count[touched[k]] = 0;
			}
		}
		for (int i = 0; i < pointGains.length; i++) {
			pointGains[i] /= simulations;
		}
		for (int i = 0; i < problemGains.length; i++) {
			problemGains[i] /= simulations;
		}
		double mean = 0;
		for (double t : totals) {
			mean += t;
		}
		mean = simulations == 0 ? 0 : mean / simulations;
		Arrays.sort(totals);
		return new Outcome(engine.total(), mean, percentile(totals, 0.05), percentile(totals, 0.95), simulations,
				pointGains, problemGains, drawnPerSim);
	}

	/** Linear interpolation between closest ranks. */
	static double percentile(double[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		double pos = p * (sorted.length - 1);
		int lo = (int) Math.floor(pos);
		int hi = Math.min(sorted.length - 1, lo + 1);
		return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
	}
}
