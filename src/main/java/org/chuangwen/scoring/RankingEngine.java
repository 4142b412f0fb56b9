package org.chuangwen.scoring;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.chuangwen.inspections.UnitPassRates;
import org.chuangwen.organisation.CommandPost;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.JurisdictionLevel;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.Unit;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.tasks.UnitTaskFigures;
import org.springframework.stereotype.Component;

/**
 * Computes rankings without access rules (the callers apply them): reads the per-unit per-day facts of the period (units
 * × days rows, never the problems), the tasks' and inspections' figures per unit, sums them per ranked entry (a unit,
 * its bundle, a command post's members, a district's units), and ranks by the composite index.
 */
@Component
class RankingEngine {

	private final UnitDayFacts facts;

	private final UnitTaskFigures tasks;

	private final UnitPassRates passRates;

	private final OrganisationDirectory organisation;

	private final EvaluationRepository repository;

	private final Clock clock;

	RankingEngine(UnitDayFacts facts, UnitTaskFigures tasks, UnitPassRates passRates,
			OrganisationDirectory organisation, EvaluationRepository repository, Clock clock) {
		this.facts = facts;
		this.tasks = tasks;
		this.passRates = passRates;
		this.organisation = organisation;
		this.repository = repository;
		this.clock = clock;
	}

	/** A ranked thing before it is scored: its id, names and the units whose figures it adds up. */
	record Candidate(UUID id, String code, String name, Set<UUID> members, String bundleName, boolean singleUnit) {
	}

	/** Every unit's sums for the period (problems, tasks, reports, inspections). */
	Map<UUID, FactSums> unitSums(Period period) {
		ZoneId zone = clock.getZone();
		Instant from = period.from().atStartOfDay(zone).toInstant();
		Instant to = period.to().atStartOfDay(zone).toInstant();
		Map<UUID, FactSums> sums = new HashMap<>(facts.sums(period.from(), period.to()));
		tasks.between(from, to, period.from(), period.to())
			.forEach((unit, f) -> sums.merge(unit,
					FactSums.NONE.withTasks(f.tasksDue(), f.tasksDone(), f.reportsDue(), f.reportsOnTime()), FactSums::plus));
		passRates.between(from, to)
			.forEach((unit, p) -> sums.merge(unit, FactSums.NONE.withPass(p.getSum(), p.applicable()), FactSums::plus));
		return sums;
	}

	Ranking rank(Period period, RankingCategory category, Jurisdiction scope) {
		return rank(period, category, scope, unitSums(period));
	}

	Ranking rank(Period period, RankingCategory category, Jurisdiction scope, Map<UUID, FactSums> unitSums) {
		List<Candidate> candidates = candidates(category, scope);
		Weights weights = weightsFor(scope);
		Map<Candidate, FactSums> sums = new HashMap<>();
		long max = 0;
		for (Candidate c : candidates) {
			FactSums s = FactSums.NONE;
			for (UUID member : c.members()) {
				s = s.plus(unitSums.getOrDefault(member, FactSums.NONE));
			}
			sums.put(c, s);
			max = Math.max(max, s.dispatched());
		}
		List<UnitPerformance> performances = new ArrayList<>();
		for (Candidate c : candidates) {
			String board = c.singleUnit() ? "/problems/board?unitId=" + c.id() : null;
			performances.add(PerformanceCalculator.compute(c.id(), c.code(), c.name(), period, c.bundleName(),
					sums.get(c), max, weights, board));
		}
		return ranked(period, category, scope, performances, repository.flagsOf(period, category));
	}

	/** Orders by index (best first, then by code), equal indexes share a rank, entries without data last. */
	static Ranking ranked(Period period, RankingCategory category, Jurisdiction scope, List<UnitPerformance> list,
			Map<UUID, RotatingFlag.Colour> flags) {
		List<UnitPerformance> sorted = new ArrayList<>(list);
		sorted.sort(Comparator.comparing((UnitPerformance p) -> p.index() == null)
			.thenComparing(p -> p.index() == null ? 0 : -p.index())
			.thenComparing(p -> p.unitCode() == null ? "" : p.unitCode()));
		int ranked = (int) sorted.stream().filter(UnitPerformance::hasData).count();
		List<Ranking.Entry> entries = new ArrayList<>();
		Integer rank = null;
		Double previous = null;
		for (int i = 0; i < sorted.size(); i++) {
			UnitPerformance p = sorted.get(i);
			if (p.index() == null) {
				entries.add(new Ranking.Entry(p.unitId(), p.unitCode(), p.unitName(), p, null, null, null));
				continue;
			}
			if (previous == null || p.index().doubleValue() != previous.doubleValue()) {
				rank = i + 1;
				previous = p.index();
			}
			RotatingFlag.Colour flag = flags.get(p.unitId());
			entries.add(new Ranking.Entry(p.unitId(), p.unitCode(), p.unitName(), p, rank, Tier.of(rank, ranked),
					flag == null ? null : flag.apiName()));
		}
		return new Ranking(period, category, scope == null ? null : scope.id(), scope == null ? null : scope.name(),
				List.copyOf(entries), ranked);
	}

	/** The weights of the scope's node or its nearest ancestor that has its own; the default otherwise. */
	Weights weightsFor(Jurisdiction scope) {
		List<UUID> lineage = lineage(scope);
		for (int i = lineage.size() - 1; i >= 0; i--) {
			var stored = repository.weights(lineage.get(i));
			if (stored.isPresent()) {
				return stored.get().weights();
			}
		}
		return Weights.DEFAULT;
	}

	static List<UUID> lineage(Jurisdiction node) {
		List<UUID> ids = new ArrayList<>();
		if (node == null) {
			return ids;
		}
		for (String part : node.path().split("/")) {
			if (!part.isBlank()) {
				ids.add(UUID.fromString(part));
			}
		}
		return ids;
	}

	List<Candidate> candidates(RankingCategory category, Jurisdiction scope) {
		List<Candidate> candidates = new ArrayList<>();
		if (category.isUnitType()) {
			Map<UUID, Bundle> bundleOf = new HashMap<>();
			for (Bundle b : repository.bundles()) {
				for (Bundle.Member m : b.members()) {
					bundleOf.put(m.unitId(), b);
				}
			}
			for (OrganisationDirectory.UnitSummary s : organisation.unitsForExport(null,
					new OrganisationDirectory.UnitFilter(null, category.unitType(), scope.id(), true))) {
				Unit u = s.unit();
				Bundle b = bundleOf.get(u.id());
				Set<UUID> members = b == null ? Set.of(u.id())
						: b.members().stream().map(Bundle.Member::unitId).collect(Collectors.toSet());
				candidates.add(new Candidate(u.id(), u.code(), u.name(), members, b == null ? null : b.name(), b == null));
			}
		}
		else if (category == RankingCategory.DISTRICT) {
			List<OrganisationDirectory.UnitSummary> units = organisation.unitsForExport(null,
					new OrganisationDirectory.UnitFilter(null, null, scope.id(), true));
			Map<UUID, String> pathOf = new HashMap<>();
			for (Jurisdiction j : organisation.jurisdictionOptions(null, false)) {
				pathOf.put(j.id(), j.path());
			}
			for (Jurisdiction j : organisation.jurisdictionOptions(null, false)) {
				if (j.level() != JurisdictionLevel.DISTRICT || !j.isWithin(scope.path())) {
					continue;
				}
				Set<UUID> members = units.stream()
					.filter(s -> {
						String p = pathOf.get(s.unit().jurisdictionId());
						return p != null && p.startsWith(j.path());
					})
					.map(s -> s.unit().id())
					.collect(Collectors.toSet());
				candidates.add(new Candidate(j.id(), j.code(), j.name(), members, null, false));
			}
		}
		else {
			for (OrganisationDirectory.CommandPostSummary s : organisation.commandPosts(null, null, new PageRequest(0, 500))
				.items()) {
				CommandPost post = organisation.commandPostFor(null, s.id());
				Jurisdiction j = organisation.jurisdiction(post.jurisdictionId()).orElse(null);
				if (j == null || !j.isWithin(scope.path())) {
					continue;
				}
				candidates.add(new Candidate(post.id(), post.code(), post.name(), Set.copyOf(post.memberUnitIds()), null,
						false));
			}
		}
		return candidates;
	}

	/** The city-level node above (or at) a jurisdiction: where rankings that include it are computed. */
	Jurisdiction cityOf(UUID jurisdictionId) {
		Jurisdiction node = organisation.jurisdiction(jurisdictionId).orElseThrow();
		for (UUID id : lineage(node)) {
			Jurisdiction j = organisation.jurisdiction(id).orElse(null);
			if (j != null && j.level() == JurisdictionLevel.CITY) {
				return j;
			}
		}
		List<UUID> ids = lineage(node);
		return ids.isEmpty() ? node : organisation.jurisdiction(ids.get(0)).orElse(node);
	}

	/** The city-level nodes (or the roots when there are none): where flags are awarded. */
	List<Jurisdiction> cities() {
		List<Jurisdiction> all = organisation.jurisdictionOptions(null, false);
		List<Jurisdiction> cities = all.stream().filter(j -> j.level() == JurisdictionLevel.CITY).toList();
		return cities.isEmpty() ? all.stream().filter(j -> j.parentId() == null).toList() : cities;
	}
}
