package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.criteria.AssessmentMethod;
import org.chuangwen.criteria.Standard;
import org.chuangwen.inspections.InspectionDirectory;
import org.chuangwen.inspections.ObservationFact;
import org.chuangwen.inspections.ObservationQuery;
import org.chuangwen.inspections.SamplingQuota;
import org.chuangwen.inspections.SamplingRule;
import org.chuangwen.inspections.ScoreDimension;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.JurisdictionLevel;
import org.chuangwen.points.PointDirectory;
import org.chuangwen.points.PointRef;
import org.chuangwen.problems.Problem;
import org.chuangwen.problems.ProblemDirectory;
import org.chuangwen.problems.ProblemFilter;
import org.chuangwen.problems.ProblemStatus;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.shared.RuleViolationException;
import org.springframework.stereotype.Component;

/**
 * Builds the city's current state for the forecast and runs the {@link Simulation}:
 * <ul>
 * <li>the population: the active points of each type in the official sampling rule (the first rule marked official,
 * else the first rule), by district where a quota names one;</li>
 * <li>a point's items: every field standard that applies to its type, at the get fraction of its newest observation
 * (any kind of round); an item never observed at the point gets the city's mean rate for that standard at that point
 * type (else for that standard), and one never observed anywhere is left out, as in scoring;</li>
 * <li>open problems: a failing item stays failing while the problem raised by that observation is open; once that
 * problem is closed (rectified and verified) the item counts as compliant until it is observed again. The problem of
 * an observation is the earliest problem at the point raised in the same round, created from a minute before the
 * observation on and not already taken by an earlier failing item (the fact itself does not carry its problem's id
 * in the inspections contract yet).</li>
 * </ul>
 */
@Component
class Forecaster {

	static final int MAX_SIMULATIONS = 100_000;

	static final int TOP = 20;

	private static final Duration MATCH_SLACK = Duration.ofMinutes(1);

	private final InspectionDirectory inspections;

	private final PointDirectory points;

	private final ProblemDirectory problems;

	private final ScoreCalculator calculator;

	private final GroupNames names;

	Forecaster(InspectionDirectory inspections, PointDirectory points, ProblemDirectory problems,
			ScoreCalculator calculator, GroupNames names) {
		this.inspections = inspections;
		this.points = points;
		this.problems = problems;
		this.calculator = calculator;
		this.names = names;
	}

	/** The state of the city as the simulation reads it, with what the indexes mean. */
	record State(ScoreEngine engine, SamplingRule rule, List<PointRef> pointRefs, List<Simulation.PointState> population,
			List<Simulation.Quota> quotas, List<Problem> problems, Simulation.Parts parts, long estimated) {
	}

	Forecast forecast(UUID frameworkId, int simulations, long seed) {
		State state = state(frameworkId);
		Simulation.Outcome o = Simulation.run(state.engine(), state.population(), state.quotas(), state.parts(),
				state.problems().size(), simulations, seed);
		return result(frameworkId, state, o, seed);
	}

	State state(UUID frameworkId) {
		ScoreEngine engine = calculator.engine(frameworkId);
		List<SamplingRule> rules = inspections.samplingRules();
		SamplingRule rule = rules.stream().filter(SamplingRule::official).findFirst()
			.or(() -> rules.stream().findFirst())
			.orElseThrow(() -> new RuleViolationException("scoring.forecast.noRule"));
		GroupNames.Lookup lookup = names.lookup();

		// the population: active points of the rule's types
		Map<String, List<Integer>> byType = new HashMap<>();
		List<PointRef> refs = new ArrayList<>();
		Map<UUID, Integer> index = new HashMap<>();
		for (SamplingQuota q : rule.quotas()) {
			if (byType.containsKey(q.pointTypeCode())) {
				continue;
			}
			List<Integer> ofType = new ArrayList<>();
			for (PointRef p : points.ofType(q.pointTypeCode())) {
				if (!index.containsKey(p.id())) {
					index.put(p.id(), refs.size());
					refs.add(p);
				}
				ofType.add(index.get(p.id()));
			}
			byType.put(q.pointTypeCode(), ofType);
		}
		List<Simulation.Quota> quotas = new ArrayList<>();
		for (SamplingQuota q : rule.quotas()) {
			List<Integer> candidates = byType.get(q.pointTypeCode())
				.stream()
				.filter(i -> q.districtId() == null || q.districtId().equals(district(refs.get(i), lookup)))
				.toList();
			quotas.add(new Simulation.Quota(candidates.stream().mapToInt(Integer::intValue).toArray(), q.count()));
		}

		// the newest observation of every (point, standard)
		Map<UUID, Map<UUID, ObservationFact>> latest = new HashMap<>();
		Map<String, double[]> meanByTypeAndStandard = new HashMap<>();
		Map<UUID, double[]> meanByStandard = new HashMap<>();
		for (ObservationFact f : inspections.latestFacts(frameworkId)) {
			latest.computeIfAbsent(f.pointId(), k -> new HashMap<>()).put(f.standardId(), f);
			if (f.getFraction() != null) {
				double v = f.getFraction().doubleValue();
				double[] a = meanByTypeAndStandard.computeIfAbsent(f.pointTypeCode() + "|" + f.standardId(), k -> new double[2]);
				a[0] += v;
				a[1]++;
				double[] b = meanByStandard.computeIfAbsent(f.standardId(), k -> new double[2]);
				b[0] += v;
				b[1]++;
			}
		}

		List<Standard> fieldStandards = engine.tree()
			.standards()
			.stream()
			.filter(s -> s.methods().isEmpty() || s.methods().contains(AssessmentMethod.FIELD))
			.toList();
		List<Problem> problemList = new ArrayList<>();
		Map<UUID, Integer> problemIndex = new HashMap<>();
		List<Simulation.PointState> population = new ArrayList<>();
		long estimated = 0;
		for (PointRef p : refs) {
			Map<UUID, ObservationFact> seen = latest.getOrDefault(p.id(), Map.of());
			List<Integer> st = new ArrayList<>();
			List<Double> fr = new ArrayList<>();
			List<ObservationFact> failing = new ArrayList<>();
			for (Standard s : fieldStandards) {
				if (!s.appliesTo(p.typeCode())) {
					continue;
				}
				ObservationFact f = seen.get(s.id());
				if (f != null) {
					if (f.getFraction() == null) {
						continue; // not applicable at this point
					}
					st.add(engine.standardIndex(s.id()));
					fr.add(f.getFraction().doubleValue());
					if (f.getFraction().compareTo(BigDecimal.ONE) < 0) {
						failing.add(f);
					}
					continue;
				}
				double[] mean = Optional.ofNullable(meanByTypeAndStandard.get(p.typeCode() + "|" + s.id()))
					.orElse(meanByStandard.get(s.id()));
				if (mean != null && mean[1] > 0) {
					st.add(engine.standardIndex(s.id()));
					fr.add(mean[0] / mean[1]);
					estimated++;
				}
			}
			int[] held = new int[st.size()];
			java.util.Arrays.fill(held, -1);
			if (!failing.isEmpty()) {
				attribute(p, st, fr, held, failing, engine, problemList, problemIndex);
			}
			population.add(new Simulation.PointState(st.stream().mapToInt(Integer::intValue).toArray(),
					fr.stream().mapToDouble(Double::doubleValue).toArray(), held));
		}
		Simulation.Parts parts = parts(engine, frameworkId);
		return new State(engine, rule, refs, population, quotas, problemList, parts, estimated);
	}

	/** Links failing items to the problems their observations raised; items whose problem is closed become compliant. */
	private void attribute(PointRef point, List<Integer> st, List<Double> fr, int[] held, List<ObservationFact> failing,
			ScoreEngine engine, List<Problem> problemList, Map<UUID, Integer> problemIndex) {
		failing.sort(Comparator.comparing(ObservationFact::observedAt));
		java.time.Instant since = failing.get(0).observedAt().minus(MATCH_SLACK);
		List<Problem> atPoint = problems
			.problems(null, new ProblemFilter(null, null, point.id(), null, null, since, null, null, null),
					new PageRequest(0, PageRequest.MAX_SIZE))
			.items()
			.stream()
			.map(l -> l.problem())
			.filter(pr -> pr.status() != ProblemStatus.REJECTED && pr.status() != ProblemStatus.MERGED)
			.sorted(Comparator.comparing(Problem::createdAt))
			.toList();
		boolean[] taken = new boolean[atPoint.size()];
		Map<UUID, Optional<UUID>> roundOf = new HashMap<>();
		for (ObservationFact f : failing) {
			int entry = st.indexOf(engine.standardIndex(f.standardId()));
			for (int k = 0; k < atPoint.size(); k++) {
				Problem pr = atPoint.get(k);
				if (taken[k] || pr.createdAt().isBefore(f.observedAt().minus(MATCH_SLACK))) {
					continue;
				}
				// only a problem raised by an observation of the same round (not a citizen's report, say)
				Optional<UUID> round = roundOf.computeIfAbsent(pr.id(), inspections::roundOfProblem);
				if (round.isEmpty() || !round.get().equals(f.roundId())) {
					continue;
				}
				taken[k] = true;
				if (pr.status() == ProblemStatus.CLOSED) {
					fr.set(entry, 1.0);
				}
				else {
					held[entry] = problemIndex.computeIfAbsent(pr.id(), id -> {
						problemList.add(pr);
						return problemList.size() - 1;
					});
				}
				break;
			}
		}
	}

	/** The other methods' rates for the whole city, held fixed in every simulated draw. */
	private Simulation.Parts parts(ScoreEngine engine, UUID frameworkId) {
		int n = engine.standardCount();
		Map<AssessmentMethod, Map<String, Map<UUID, Double>>> byMethod = calculator
			.partRates(new ObservationQuery(frameworkId, null, null, null, null), ScoreDimension.CITY);
		double[] num = new double[n];
		double[] den = new double[n];
		double field = calculator.share(AssessmentMethod.FIELD);
		for (Map.Entry<AssessmentMethod, Map<String, Map<UUID, Double>>> e : byMethod.entrySet()) {
			double w = calculator.share(e.getKey());
			for (Map.Entry<UUID, Double> r : e.getValue().getOrDefault("", Map.of()).entrySet()) {
				int i = engine.standardIndex(r.getKey());
				Standard s = i < 0 ? null : engine.tree().standards().get(i);
				if (s != null && s.methods().contains(e.getKey())) {
					num[i] += w * r.getValue();
					den[i] += w;
				}
			}
		}
		return new Simulation.Parts(field, num, den);
	}

	private UUID district(PointRef p, GroupNames.Lookup lookup) {
		Optional<Jurisdiction> node = lookup.jurisdiction(p.jurisdictionId());
		if (node.isEmpty()) {
			return null;
		}
		for (UUID id : node.get().lineage()) {
			Optional<Jurisdiction> j = lookup.jurisdiction(id);
			if (j.isPresent() && j.get().level() == JurisdictionLevel.DISTRICT) {
				return id;
			}
		}
		return null;
	}

	Forecast result(UUID frameworkId, State state, Simulation.Outcome o, long seed) {
		GroupNames.Lookup lookup = names.lookup();
		List<Forecast.ProblemGain> problemGains = new ArrayList<>();
		Integer[] order = new Integer[o.problemGains().length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		java.util.Arrays.sort(order, (a, b) -> Double.compare(o.problemGains()[b], o.problemGains()[a]));
		for (int k = 0; k < Math.min(TOP, order.length); k++) {
			Problem pr = state.problems().get(order[k]);
			problemGains.add(new Forecast.ProblemGain(pr.id(), pr.number(), pr.description(), pr.pointId(),
					lookup.point(pr.pointId()).map(PointRef::name).orElse(null), lookup.unitName(pr.unitId()),
					gain(o.problemGains()[order[k]])));
		}
		List<Forecast.PointGain> pointGains = new ArrayList<>();
		Integer[] pOrder = new Integer[o.pointGains().length];
		for (int i = 0; i < pOrder.length; i++) {
			pOrder[i] = i;
		}
		java.util.Arrays.sort(pOrder, (a, b) -> Double.compare(o.pointGains()[b], o.pointGains()[a]));
		for (int k = 0; k < Math.min(TOP, pOrder.length); k++) {
			if (o.pointGains()[pOrder[k]] <= 0) {
				break;
			}
			PointRef p = state.pointRefs().get(pOrder[k]);
			Simulation.PointState ps = state.population().get(pOrder[k]);
			int failing = 0;
			for (double f : ps.fractions()) {
				if (f < 1) {
					failing++;
				}
			}
			pointGains.add(new Forecast.PointGain(p.id(), p.code(), p.name(), p.typeCode(), lookup.unitName(p.unitId()),
					failing, gain(o.pointGains()[pOrder[k]])));
		}
		return new Forecast(frameworkId, state.rule().name(), score(o.max()), score(o.expected()), score(o.p05()),
				score(o.p95()), o.simulations(), seed, state.population().size(), o.drawnPerSimulation(),
				state.estimated(), problemGains.stream().filter(g -> g.expectedGain().signum() > 0).toList(), pointGains);
	}

	private static BigDecimal score(double v) {
		return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP);
	}

	private static BigDecimal gain(double v) {
		return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP);
	}
}
