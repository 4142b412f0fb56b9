package org.chuangwen.inspections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.chuangwen.criteria.ChecklistGroup;
import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.problems.ProblemDirectory;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.shared.SqlWhere;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queries for the higher floors (scoring, dashboards). No actor: callers scope what they show. The signatures are the
 * contract with the scoring module. The actor-scoped queries below them serve the pages and the API, with the
 * unannounced rule of {@link InspectionAccess}.
 */
@Service
@Transactional(readOnly = true)
public class InspectionDirectory {

	private final InspectionRepository repository;

	private final CriteriaDirectory criteria;

	private final ProblemDirectory problems;

	private final OrganisationDirectory organisation;

	InspectionDirectory(InspectionRepository repository, CriteriaDirectory criteria, ProblemDirectory problems,
			OrganisationDirectory organisation) {
		this.organisation = organisation;
		this.repository = repository;
		this.criteria = criteria;
		this.problems = problems;
	}

	/** One round. */
	public Optional<InspectionRound> round(UUID roundId) {
		return roundId == null ? Optional.empty() : repository.round(roundId);
	}

	/** Rounds of a framework, newest first. */
	public List<InspectionRound> rounds(UUID frameworkId) {
		return repository.roundsOf(frameworkId);
	}

	/** Per standard and group: the sum of get fractions and the number of applicable observations. */
	public List<StandardRate> standardRates(ObservationQuery query, ScoreDimension by) {
		return repository.standardRates(query, by);
	}

	/** Every observation fact the query selects, in observation order, streamed. */
	public void forEachFact(ObservationQuery query, Consumer<ObservationFact> sink) {
		repository.forEachFact(query, sink);
	}

	/** The newest observation of every (point, standard) pair of a framework, any kind of round: the city's state. */
	public List<ObservationFact> latestFacts(UUID frameworkId) {
		return repository.latestFacts(frameworkId);
	}

	/** The photos of a round's observations. */
	public List<ObservationPhoto> photos(UUID roundId) {
		return repository.photos(roundId);
	}

	/** The sampling rules, the official one first if there is one. */
	public List<SamplingRule> samplingRules() {
		return repository.rules();
	}

	/** The id of the round in which an observation created the problem, if any (the problem page's link back). */
	public Optional<UUID> roundOfProblem(UUID problemId) {
		return problemId == null ? Optional.empty()
				: repository.observationOfProblem(problemId).map(InspectionRepository.Row::roundId);
	}

	// scoped, for pages and the API

	/**
	 * Where a problem came from, when an inspection observation created it, as the actor may see it: empty when no
	 * observation created it, or when the round is still unannounced to the actor (a unit, a grid worker: until the
	 * round closes). The campaign office, leaders and inspectors always see it. 404 for a problem outside the actor's
	 * scope (the problems module decides).
	 */
	public Optional<ProblemOrigin> originOf(Actor actor, UUID problemId) {
		problems.problem(actor, problemId);
		Optional<InspectionRepository.Row> found = repository.observationOfProblem(problemId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		InspectionRepository.Row row = found.get();
		InspectionRound round = repository.round(row.roundId()).orElse(null);
		if (round == null || !InspectionAccess.seesOrigin(actor, round)) {
			return Optional.empty();
		}
		UUID district = InspectionAccess.district(actor, organisation);
		if (district != null && !repository.concerns(round.id(), district, actor.userId())) {
			return Optional.empty();
		}
		SampledPoint point = repository.roundPoints(round.id()).stream().filter(p -> p.pointId().equals(row.pointId()))
			.findFirst().orElse(null);
		String content = criteria.standard(row.standardId()).map(org.chuangwen.criteria.Standard::content).orElse(null);
		return Optional.of(new ProblemOrigin(round.id(), round.name(), round.kind(), round.status(), row.pointId(),
				point == null ? null : point.code(), point == null ? null : point.name(), row.standardId(),
				row.standardCode(), content, row.observedAt()));
	}

	/** The rounds the actor may see, newest first; optionally of one status and planned on one day. */
	public Page<InspectionRound> rounds(Actor actor, RoundStatus status, RoundKind kind, PageRequest page) {
		InspectionAccess.requireReader(actor);
		SqlWhere where = InspectionAccess.districtScope(actor, InspectionAccess.district(actor, organisation),
				InspectionAccess.listScope(actor, new SqlWhere()));
		if (status != null) {
			where.and("r.status = :status", "status", status.name());
		}
		if (kind != null) {
			where.and("r.kind = :kind", "kind", kind.name());
		}
		return Page.of(repository.rounds(where, page), page, repository.countRounds(where));
	}

	/** The inspector's rounds of a day: open or planned rounds of its teams planned up to that day. */
	public List<InspectionRound> myRounds(Actor actor, LocalDate day) {
		InspectionAccess.requireReader(actor);
		SqlWhere where = new SqlWhere().and("r.status <> 'CLOSED'", null, null)
			.and("exists (select 1 from inspection_team_member t where t.round_id = r.id and t.inspector_id = :me)", "me",
					actor.userId())
			.and("r.planned_on <= :day", "day", java.sql.Date.valueOf(day));
		return repository.rounds(where, new PageRequest(0, PageRequest.MAX_SIZE));
	}

	/** One round as the actor may see it: 404 when it may not (planned and open rounds are hidden from units). */
	public InspectionRound roundFor(Actor actor, UUID roundId) {
		InspectionAccess.requireReader(actor);
		InspectionRound round = repository.round(roundId).orElseThrow(() -> new NotFoundException("inspectionRound", roundId));
		if (!InspectionAccess.sees(actor, round, repository.isOnTeam(roundId, actor.userId()))) {
			throw new NotFoundException("inspectionRound", roundId);
		}
		UUID district = InspectionAccess.district(actor, organisation);
		if (district != null && !repository.concerns(roundId, district, actor.userId())) {
			throw new NotFoundException("inspectionRound", roundId);
		}
		return round;
	}

	/** A round with its team and the points the actor may see (a unit: only its own). */
	public RoundDetail detail(Actor actor, UUID roundId) {
		InspectionRound round = roundFor(actor, roundId);
		List<SampledPoint> points = repository.roundPoints(roundId);
		if (!InspectionAccess.seesEveryPoint(actor)) {
			points = points.stream().filter(p -> actor.unitId().equals(p.unitId())).toList();
		}
		UUID district = InspectionAccess.district(actor, organisation);
		if (district != null) {
			points = points.stream().filter(p -> district.equals(p.districtId())).toList();
		}
		String framework = criteria.framework(null, round.frameworkId()).name();
		String rule = round.samplingRuleId() == null ? null
				: repository.rule(round.samplingRuleId()).map(SamplingRule::name).orElse(null);
		List<Shortfall> shortfalls = InspectionAccess.seesEveryPoint(actor) ? shortfalls(roundId) : List.of();
		if (district != null) {
			shortfalls = shortfalls.stream().filter(s -> district.equals(s.districtId())).toList();
		}
		return new RoundDetail(round, repository.team(roundId), points, shortfalls, framework, rule);
	}

	/** Whether the actor may record observations in this round (office, or an inspector on its team) right now. */
	public boolean mayRecord(Actor actor, InspectionRound round) {
		return round.status() == RoundStatus.OPEN && round.kind() != RoundKind.UPPER_LEVEL
				&& InspectionAccess.mayRecord(actor, repository.isOnTeam(round.id(), actor.userId()));
	}

	public boolean mayPlan(Actor actor) {
		return InspectionAccess.isPlanner(actor);
	}

	/** A sampled point's checklist with what was observed so far: 404 for a point the actor may not see in the round. */
	public Checklist checklist(Actor actor, UUID roundId, UUID pointId) {
		RoundDetail detail = detail(actor, roundId);
		SampledPoint point = detail.points().stream().filter(p -> p.pointId().equals(pointId)).findFirst()
			.orElseThrow(() -> new NotFoundException("point", pointId));
		List<ChecklistGroup> groups = criteria.checklist(null, detail.round().frameworkId(), point.typeCode());
		Map<UUID, Observation> observed = new java.util.HashMap<>();
		for (InspectionRepository.Row row : repository.observationsAt(roundId, pointId)) {
			observed.put(row.standardId(), InspectionManagement.observation(row, repository.photosOf(row.id())));
		}
		return new Checklist(detail.round(), point, groups, observed);
	}

	/** Every observation of a round the actor may see (a unit: those at its points). */
	public List<Observation> observations(Actor actor, UUID roundId) {
		RoundDetail detail = detail(actor, roundId);
		java.util.Set<UUID> visible = new java.util.HashSet<>();
		detail.points().forEach(p -> visible.add(p.pointId()));
		Map<UUID, List<UUID>> photos = repository.photosOfRound(roundId);
		List<Observation> out = new ArrayList<>();
		for (InspectionRepository.Row row : repository.observationsOf(roundId)) {
			if (visible.contains(row.pointId())) {
				out.add(InspectionManagement.observation(row, photos.getOrDefault(row.id(), List.of())));
			}
		}
		return out;
	}

	private List<Shortfall> shortfalls(UUID roundId) {
		String json = repository.roundRow(roundId, false).map(InspectionRepository.RoundRow::shortfall).orElse("[]");
		List<Shortfall> out = new ArrayList<>();
		for (String object : json.split("\\}")) {
			String type = field(object, "type");
			if (type == null) {
				continue;
			}
			String district = field(object, "district");
			out.add(new Shortfall(type, district == null ? null : UUID.fromString(district),
					Integer.parseInt(field(object, "asked")), Integer.parseInt(field(object, "available"))));
		}
		return out;
	}

	/** One value of a flat JSON object as stored by {@link InspectionManagement#shortfallJson}; null for JSON null. */
	private static String field(String object, String name) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\": ?(\"([^\"]*)\"|[0-9]+|null)")
			.matcher(object);
		if (!m.find() || "null".equals(m.group(1))) {
			return null;
		}
		return m.group(2) != null ? m.group(2) : m.group(1);
	}

	/** A point's checklist in a round: the groups of standards (by content item) and the items observed so far. */
	public record Checklist(InspectionRound round, SampledPoint point, List<ChecklistGroup> groups,
			Map<UUID, Observation> observed) {

		public Checklist {
			groups = List.copyOf(groups);
			observed = Map.copyOf(observed);
		}

		public int items() {
			return groups.stream().mapToInt(g -> g.standards().size()).sum();
		}
	}
}
