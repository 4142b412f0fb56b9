package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.criteria.Criterion;
import org.chuangwen.criteria.CriterionTree;
import org.chuangwen.criteria.Standard;

/**
 * The roll-up of DOMAIN §7 over one framework's tree, precomputed into arrays so that it can run thousands of times
 * (the forecast) without allocating:
 * <ul>
 * <li>a standard's score is its effective maximum × its pass rate (the mean of its effective get fractions);</li>
 * <li>a parent's score is the <b>sum</b> of its children's scores, never a pooled mean of the observations below;</li>
 * <li>children that were not observed are left out and the parent's maximum is spread over the observed ones, in
 * proportion to their own maxima, or equally where the children carry no maximum of their own (or only some do);</li>
 * <li>the top is the framework's total (its stated total, else the sum of its categories' maxima, else 100), spread
 * over the observed categories the same way.</li>
 * </ul>
 * The effective maxima depend only on <em>which</em> standards were observed, so a score is linear in the standards'
 * rates: {@code total = Σ effectiveMax(s) × rate(s)}. The forecast uses that to price a fix exactly.
 */
final class ScoreEngine {

	/** Node index of the virtual root (the framework). Criteria follow from 1, standards after them. */
	static final int ROOT = 0;

	private final CriterionTree tree;

	private final double total;

	private final int criteria;

	private final int size;

	/** Children of every node (criteria and standards below a criterion), by node index. */
	private final int[][] children;

	/** Nominal maximum per node, NaN where the node carries none. */
	private final double[] nominal;

	/** Whether the children of a node are weighted by their own maxima (all carry one, sum > 0). */
	private final boolean[] weighted;

	/** Depth-first pre-order of the nodes (root first): parents before children. */
	private final int[] preOrder;

	private final Map<UUID, Integer> standardIndex = new HashMap<>();

	private final UUID[] ids;

	ScoreEngine(CriterionTree tree, BigDecimal frameworkTotal) {
		this.tree = tree;
		List<Criterion> cs = tree.criteria();
		List<Standard> ss = tree.standards();
		this.criteria = cs.size();
		this.size = 1 + cs.size() + ss.size();
		this.nominal = new double[size];
		this.ids = new UUID[size];
		Map<UUID, Integer> criterionIndex = new HashMap<>();
		for (int i = 0; i < cs.size(); i++) {
			criterionIndex.put(cs.get(i).id(), 1 + i);
			ids[1 + i] = cs.get(i).id();
			nominal[1 + i] = value(cs.get(i).maxScore());
		}
		for (int i = 0; i < ss.size(); i++) {
			int n = 1 + criteria + i;
			standardIndex.put(ss.get(i).id(), i);
			ids[n] = ss.get(i).id();
			nominal[n] = value(ss.get(i).maxScore());
		}
		List<List<Integer>> kids = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			kids.add(new ArrayList<>());
		}
		for (Criterion root : tree.roots()) {
			kids.get(ROOT).add(criterionIndex.get(root.id()));
		}
		for (Criterion c : cs) {
			int n = criterionIndex.get(c.id());
			for (Criterion child : tree.children(c.id())) {
				kids.get(n).add(criterionIndex.get(child.id()));
			}
			for (Standard s : tree.standardsOf(c.id())) {
				kids.get(n).add(1 + criteria + standardIndex.get(s.id()));
			}
		}
		this.children = new int[size][];
		this.weighted = new boolean[size];
		for (int n = 0; n < size; n++) {
			children[n] = kids.get(n).stream().mapToInt(Integer::intValue).toArray();
			boolean all = children[n].length > 0;
			double sum = 0;
			for (int c : children[n]) {
				if (Double.isNaN(nominal[c])) {
					all = false;
				}
				else {
					sum += nominal[c];
				}
			}
			weighted[n] = all && sum > 0;
		}
		double rootsSum = 0;
		boolean rootsAll = children[ROOT].length > 0;
		for (int c : children[ROOT]) {
			if (Double.isNaN(nominal[c])) {
				rootsAll = false;
			}
			else {
				rootsSum += nominal[c];
			}
		}
		this.total = frameworkTotal != null && frameworkTotal.signum() > 0 ? frameworkTotal.doubleValue()
				: rootsAll && rootsSum > 0 ? rootsSum : 100.0;
		nominal[ROOT] = total;
		int[] order = new int[size];
		int[] stack = new int[size];
		int top = 0;
		int k = 0;
		stack[top++] = ROOT;
		while (top > 0) {
			int n = stack[--top];
			order[k++] = n;
			for (int i = children[n].length - 1; i >= 0; i--) {
				stack[top++] = children[n][i];
			}
		}
		this.preOrder = Arrays.copyOf(order, k);
	}

	private static double value(BigDecimal d) {
		return d == null ? Double.NaN : d.doubleValue();
	}

	CriterionTree tree() {
		return tree;
	}

	/** The framework's total maximum. */
	double total() {
		return total;
	}

	int standardCount() {
		return size - 1 - criteria;
	}

	/** The index of a standard in the rate arrays, or -1 if it is not part of this framework. */
	int standardIndex(UUID standardId) {
		Integer i = standardIndex.get(standardId);
		return i == null ? -1 : i;
	}

	UUID standardId(int index) {
		return ids[1 + criteria + index];
	}

	/** A scratch space for {@link #effectiveMaxima}: reuse one per thread. */
	Workspace workspace() {
		return new Workspace(new boolean[size], new double[size]);
	}

	record Workspace(boolean[] observed, double[] max) {
	}

	/**
	 * Computes the effective maximum of every standard given which standards are observed ({@code rates[i]} not NaN)
	 * into {@code standardMax} (0 for an unobserved standard), and answers the total score
	 * {@code Σ standardMax[i] × rates[i]}.
	 */
	double score(double[] rates, double[] standardMax, Workspace ws) {
		boolean[] observed = ws.observed;
		double[] max = ws.max;
		// observed: bottom-up (reverse pre-order visits children before parents)
		for (int k = preOrder.length - 1; k >= 0; k--) {
			int n = preOrder[k];
			if (n > criteria) {
				observed[n] = !Double.isNaN(rates[n - 1 - criteria]);
			}
			else {
				boolean any = false;
				for (int c : children[n]) {
					if (observed[c]) {
						any = true;
						break;
					}
				}
				observed[n] = any;
			}
		}
		double score = 0;
		max[ROOT] = observed[ROOT] ? total : 0;
		for (int n : preOrder) {
			int[] kids = children[n];
			if (kids.length == 0) {
				continue;
			}
			double m = max[n];
			if (!observed[n] || m == 0) {
				for (int c : kids) {
					max[c] = 0;
				}
				continue;
			}
			double denominator = 0;
			for (int c : kids) {
				if (observed[c]) {
					denominator += weighted[n] ? nominal[c] : 1;
				}
			}
			for (int c : kids) {
				max[c] = observed[c] && denominator > 0 ? m * (weighted[n] ? nominal[c] : 1) / denominator : 0;
			}
		}
		for (int i = 0; i < standardMax.length; i++) {
			int n = 1 + criteria + i;
			standardMax[i] = max[n];
			if (max[n] > 0) {
				score += max[n] * rates[i];
			}
		}
		return score;
	}

	/** The whole tree's result for one set of standard rates (NaN = not observed) and observation counts. */
	Result evaluate(double[] rates, long[] observations) {
		int standards = standardCount();
		double[] standardMax = new double[standards];
		Workspace ws = workspace();
		double totalScore = score(rates, standardMax, ws);
		double[] effective = ws.max.clone();
		double[] scores = new double[size];
		long[] counts = new long[size];
		for (int i = 0; i < standards; i++) {
			int n = 1 + criteria + i;
			scores[n] = ws.observed[n] ? effective[n] * rates[i] : 0;
			counts[n] = observations == null ? 0 : observations[i];
		}
		for (int k = preOrder.length - 1; k >= 0; k--) {
			int n = preOrder[k];
			if (n <= criteria) {
				double sum = 0;
				long c = 0;
				for (int child : children[n]) {
					if (ws.observed[child]) {
						sum += scores[child];
					}
					c += counts[child];
				}
				scores[n] = sum;
				counts[n] = c;
			}
		}
		return new Result(totalScore, effective, scores, ws.observed.clone(), counts);
	}

	/** Per node (index: {@link #ROOT}, then criteria in tree order of {@code tree.criteria()}, then standards). */
	final class Result {

		private final double totalScore;

		private final double[] effectiveMax;

		private final double[] scores;

		private final boolean[] observed;

		private final long[] counts;

		Result(double totalScore, double[] effectiveMax, double[] scores, boolean[] observed, long[] counts) {
			this.totalScore = totalScore;
			this.effectiveMax = effectiveMax;
			this.scores = scores;
			this.observed = observed;
			this.counts = counts;
		}

		double totalScore() {
			return totalScore;
		}

		double totalMax() {
			return total;
		}

		/** The total pass rate (score / maximum), NaN when nothing was observed. */
		double totalRate() {
			return observed[ROOT] ? totalScore / total : Double.NaN;
		}

		NodeScore criterion(UUID id) {
			List<Criterion> cs = tree.criteria();
			for (int i = 0; i < cs.size(); i++) {
				if (cs.get(i).id().equals(id)) {
					return node(1 + i);
				}
			}
			throw new IllegalArgumentException("unknown criterion " + id);
		}

		NodeScore standard(UUID id) {
			return node(1 + criteria + standardIndex.get(id));
		}

		NodeScore node(int n) {
			boolean o = observed[n];
			double max = effectiveMax[n];
			return new NodeScore(Double.isNaN(nominal[n]) ? null : nominal[n], o ? max : null, o ? scores[n] : null,
					o && max > 0 ? scores[n] / max : null, counts[n]);
		}

		/** Every criterion and standard in tree order (a category, its indicators, …, a content item's standards). */
		List<Row> rows() {
			List<Row> rows = new ArrayList<>();
			Map<UUID, Integer> criterionIndex = new HashMap<>();
			List<Criterion> cs = tree.criteria();
			for (int i = 0; i < cs.size(); i++) {
				criterionIndex.put(cs.get(i).id(), 1 + i);
			}
			for (int k = 1; k < preOrder.length; k++) {
				int n = preOrder[k];
				if (n <= criteria) {
					Criterion c = cs.get(n - 1);
					rows.add(new Row(c.id(), c.code(), c.name(), c.level().name(), c.level().depth(),
							tree.parentCode(c), node(n)));
				}
				else {
					Standard s = tree.standards().get(n - 1 - criteria);
					Criterion parent = cs.get(criterionIndex.get(s.criterionId()) - 1);
					rows.add(new Row(s.id(), s.code(), s.content(), "STANDARD", 4, parent.code(), node(n)));
				}
			}
			return rows;
		}
	}

	/** A node's nominal maximum, effective maximum, score and rate (null where not observed), observations below. */
	record NodeScore(Double maxScore, Double effectiveMax, Double score, Double passRate, long observations) {
	}

	/** One line of the tree's result. */
	record Row(UUID id, String code, String name, String level, int depth, String parentCode, NodeScore value) {
	}
}
