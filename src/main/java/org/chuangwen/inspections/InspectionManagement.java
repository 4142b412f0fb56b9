package org.chuangwen.inspections;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.blobs.Blobs;
import org.chuangwen.blobs.StoredBlob;
import org.chuangwen.criteria.Campaign;
import org.chuangwen.criteria.CampaignKind;
import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.criteria.CriterionTree;
import org.chuangwen.criteria.Framework;
import org.chuangwen.criteria.Standard;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.UserAccounts;
import org.chuangwen.points.PointDirectory;
import org.chuangwen.points.PointRef;
import org.chuangwen.problems.NewProblem;
import org.chuangwen.problems.Problem;
import org.chuangwen.problems.ProblemManagement;
import org.chuangwen.problems.ProblemSource;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.shared.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commands on inspections: sampling rules, planning a round (sampling with a stored seed), opening and closing it,
 * recording observations (a problem for every non-compliant item), importing upper-level results. Every change is
 * audited in its transaction; every saved observation publishes {@link ObservationRecorded}, a closed round
 * {@link RoundClosed}.
 */
@Service
public class InspectionManagement {

	public static final int MAX_NAME = 100;

	public static final int MAX_NOTE = 1000;

	public static final int MAX_PHOTOS = 9;

	public static final int MAX_ITEMS = 500;

	private final InspectionRepository repository;

	private final CriteriaDirectory criteria;

	private final PointDirectory points;

	private final OrganisationDirectory organisation;

	private final UserAccounts accounts;

	private final ProblemManagement problems;

	private final Blobs blobs;

	private final org.chuangwen.problems.ProblemDirectory problemDirectory;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InspectionManagement(InspectionRepository repository, CriteriaDirectory criteria, PointDirectory points,
			OrganisationDirectory organisation, UserAccounts accounts, ProblemManagement problems,
			org.chuangwen.problems.ProblemDirectory problemDirectory, Blobs blobs, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.problemDirectory = problemDirectory;
		this.repository = repository;
		this.criteria = criteria;
		this.points = points;
		this.organisation = organisation;
		this.accounts = accounts;
		this.problems = problems;
		this.blobs = blobs;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** The same commands acting at the instants of another clock, for entering past rounds (the demo city). */
	public InspectionManagement at(Clock other) {
		return new InspectionManagement(repository, criteria, points, organisation, accounts, problems, problemDirectory,
				blobs, audit, events, other);
	}

	// sampling rules

	/** Saves a named sampling rule (office only); {@code official} replaces the previous official rule. */
	@Transactional
	public SamplingRule createRule(Actor actor, String name, boolean official, List<SamplingQuota> quotas) {
		InspectionAccess.requirePlanner(actor);
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty()) {
			errors.add(new InvalidInputException.FieldError("name", "error.field.required"));
		}
		else if (clean.length() > MAX_NAME) {
			errors.add(new InvalidInputException.FieldError("name", "error.field.tooLong", MAX_NAME));
		}
		else if (repository.ruleNameTaken(clean)) {
			errors.add(new InvalidInputException.FieldError("name", "inspection.rule.nameTaken", clean));
		}
		List<SamplingQuota> list = quotas == null ? List.of() : quotas;
		if (list.isEmpty()) {
			errors.add(new InvalidInputException.FieldError("quotas", "inspection.rule.noQuota"));
		}
		Set<String> types = new HashSet<>();
		criteria.pointTypes().forEach(t -> types.add(t.code()));
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < list.size(); i++) {
			SamplingQuota q = list.get(i);
			String field = "quotas[" + i + "]";
			if (q == null || q.pointTypeCode() == null || !types.contains(q.pointTypeCode())) {
				errors.add(new InvalidInputException.FieldError(field + ".pointTypeCode", "inspection.rule.typeUnknown",
						q == null ? "" : String.valueOf(q.pointTypeCode())));
				continue;
			}
			if (q.count() < 1 || q.count() > 10_000) {
				errors.add(new InvalidInputException.FieldError(field + ".count", "inspection.rule.countRange", 10_000));
			}
			if (q.districtId() != null && organisation.jurisdiction(q.districtId())
				.filter(j -> j.level() == org.chuangwen.organisation.JurisdictionLevel.DISTRICT)
				.isEmpty()) {
				errors.add(new InvalidInputException.FieldError(field + ".districtId", "inspection.rule.districtUnknown"));
			}
			if (!seen.add(q.pointTypeCode() + "|" + q.districtId())) {
				errors.add(new InvalidInputException.FieldError(field, "inspection.rule.duplicateQuota", q.pointTypeCode()));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		SamplingRule rule = new SamplingRule(Ids.newId(clock), clean, official, list);
		repository.insertRule(rule, clock.instant(), actor.userId());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("name", clean);
		after.put("official", official);
		after.put("quotas", list.size());
		after.put("points", list.stream().mapToInt(SamplingQuota::count).sum());
		audit.record("inspection.rule.created", "inspection_sampling_rule", rule.id(), null, after, null);
		return rule;
	}

	// planning

	/** The points a rule draws with a seed over today's active points, without saving anything (office only). */
	@Transactional(readOnly = true)
	public SamplingDraw preview(Actor actor, UUID ruleId, Long seed) {
		InspectionAccess.requirePlanner(actor);
		SamplingRule rule = ruleOrFail(ruleId);
		return draw(rule, seed != null ? seed : newSeed(), places(actor), InspectionAccess.district(actor, organisation));
	}

	/**
	 * Plans a round: checks the input (400 with every bad field), draws its points with the stored seed and splits them
	 * among the teams. An upper-level round samples nothing: its points come with its imported results.
	 */
	@Transactional
	public InspectionRound plan(Actor actor, NewRound round) {
		InspectionAccess.requirePlanner(actor);
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		String name = round.name() == null ? "" : round.name().strip();
		if (name.isEmpty()) {
			errors.add(new InvalidInputException.FieldError("name", "error.field.required"));
		}
		else if (name.length() > MAX_NAME) {
			errors.add(new InvalidInputException.FieldError("name", "error.field.tooLong", MAX_NAME));
		}
		if (round.kind() == null) {
			errors.add(new InvalidInputException.FieldError("kind", "error.field.required"));
		}
		if (round.plannedOn() == null) {
			errors.add(new InvalidInputException.FieldError("plannedOn", "error.field.required"));
		}
		Framework framework = null;
		try {
			framework = framework(actor, round.frameworkId());
		}
		catch (InvalidInputException ex) {
			errors.addAll(ex.errors());
		}
		List<TeamMember> team = team(round.teams(), round.kind() == RoundKind.UPPER_LEVEL, errors);
		SamplingRule rule = null;
		if (round.kind() != RoundKind.UPPER_LEVEL || round.samplingRuleId() != null) {
			if (round.samplingRuleId() == null) {
				errors.add(new InvalidInputException.FieldError("samplingRuleId", "error.field.required"));
			}
			else {
				rule = repository.rule(round.samplingRuleId()).orElse(null);
				if (rule == null) {
					errors.add(new InvalidInputException.FieldError("samplingRuleId", "inspection.rule.unknown"));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		long seed = round.seed() != null ? round.seed() : newSeed();
		UUID id = Ids.newId(clock);
		Instant now = clock.instant();
		SamplingDraw draw = rule == null ? new SamplingDraw(seed, List.of(), List.of())
				: draw(rule, seed, places(actor), InspectionAccess.district(actor, organisation));
		NewRound stored = new NewRound(name, round.kind(), framework.id(), round.plannedOn(), round.teams(),
				rule == null ? null : rule.id(), seed);
		repository.insertRound(id, stored, framework.id(), seed, shortfallJson(draw.shortfalls()), now, actor.userId());
		team.forEach(m -> repository.insertTeamMember(id, m));
		int teams = team.stream().mapToInt(TeamMember::teamNo).max().orElse(0);
		repository.insertRoundPoints(id, assignTeams(draw.points(), teams), 0);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("name", name);
		after.put("kind", round.kind().name());
		after.put("frameworkId", framework.id());
		after.put("plannedOn", round.plannedOn().toString());
		after.put("seed", seed);
		after.put("samplingRuleId", rule == null ? null : rule.id());
		after.put("points", draw.points().size());
		after.put("shortfalls", draw.shortfalls().size());
		after.put("inspectors", team.stream().map(TeamMember::inspectorName).toList());
		audit.record("inspection.round.planned", "inspection_round", id, null, after, null);
		return repository.round(id).orElseThrow();
	}

	/** Opens a planned round for inspection (office only; 422 unless planned). */
	@Transactional
	public InspectionRound open(Actor actor, UUID roundId) {
		InspectionAccess.requirePlanner(actor);
		InspectionRepository.RoundRow row = repository.roundRow(roundId, true)
			.orElseThrow(() -> new NotFoundException("inspectionRound", roundId));
		requireOwnRound(actor, roundId);
		if (row.status() != RoundStatus.PLANNED) {
			throw new RuleViolationException("inspection.round.notPlanned");
		}
		Instant now = clock.instant();
		repository.setStatus(roundId, RoundStatus.OPEN, now, actor.userId());
		audit.record("inspection.round.opened", "inspection_round", roundId, Map.of("status", "PLANNED"),
				Map.of("status", "OPEN"), null);
		return repository.round(roundId).orElseThrow();
	}

	/** Closes an open round (office only; 422 unless open): its results become final and visible to the units. */
	@Transactional
	public InspectionRound close(Actor actor, UUID roundId) {
		InspectionAccess.requirePlanner(actor);
		InspectionRepository.RoundRow row = repository.roundRow(roundId, true)
			.orElseThrow(() -> new NotFoundException("inspectionRound", roundId));
		requireOwnRound(actor, roundId);
		if (row.status() != RoundStatus.OPEN) {
			throw new RuleViolationException("inspection.round.notOpen");
		}
		Instant now = clock.instant();
		repository.setStatus(roundId, RoundStatus.CLOSED, now, actor.userId());
		audit.record("inspection.round.closed", "inspection_round", roundId, Map.of("status", "OPEN"),
				Map.of("status", "CLOSED"), null);
		events.publishEvent(new RoundClosed(roundId, row.kind(), row.frameworkId(), now));
		return repository.round(roundId).orElseThrow();
	}

	// observations

	/**
	 * Records checklist items at one sampled point of an open round. 404 for a round the caller does not see; 403 for
	 * a caller not on the round's team (nor the office); 422 for a round that is not open, a point not in the round
	 * or a standard that does not apply to the point's type; 400 (every bad item named) for a missing result, a
	 * fraction outside 0..1, a note too long or bad photos. Re-saving an item replaces it; an unchanged item is left
	 * alone (a retried submission changes nothing); a non-compliant item creates one problem, never a second.
	 */
	@Transactional
	public List<Observation> record(Actor actor, UUID roundId, UUID pointId, List<ObservationInput> items) {
		InspectionAccess.requireReader(actor);
		InspectionRepository.RoundRow round = repository.roundRow(roundId, false)
			.orElseThrow(() -> new NotFoundException("inspectionRound", roundId));
		boolean onTeam = repository.isOnTeam(roundId, actor.userId());
		InspectionRound view = repository.round(roundId).orElseThrow();
		if (!InspectionAccess.sees(actor, view, onTeam)) {
			throw new NotFoundException("inspectionRound", roundId);
		}
		UUID district = InspectionAccess.district(actor, organisation);
		if (district != null && !onTeam) {
			// an office of a district records only at the points of its district
			if (!repository.concerns(roundId, district, actor.userId())) {
				throw new NotFoundException("inspectionRound", roundId);
			}
			Optional<SampledPoint> at = repository.roundPoints(roundId).stream().filter(p -> p.pointId().equals(pointId))
				.findFirst();
			if (at.isPresent() && !district.equals(at.get().districtId())) {
				throw new NotFoundException("point", pointId);
			}
		}
		if (!InspectionAccess.mayRecord(actor, onTeam)) {
			throw new org.chuangwen.shared.ForbiddenException("inspection.record.forbidden");
		}
		if (round.status() == RoundStatus.CLOSED) {
			throw new RuleViolationException("inspection.round.closed", round.name());
		}
		if (round.status() != RoundStatus.OPEN) {
			throw new RuleViolationException("inspection.round.notOpenYet", round.name());
		}
		if (round.kind() == RoundKind.UPPER_LEVEL) {
			throw new RuleViolationException("inspection.round.upperLevelImportOnly");
		}
		SampledPoint sampled = repository.lockRoundPoint(roundId, pointId)
			.orElseThrow(() -> new RuleViolationException("inspection.point.notInRound", String.valueOf(pointId)));
		PointRef point = points.point(pointId).orElseThrow(() -> new NotFoundException("point", pointId));
		checkItems(actor, items);
		CriterionTree tree = criteria.tree(round.frameworkId());
		Map<UUID, Standard> standards = new HashMap<>();
		for (ObservationInput item : items) {
			Standard standard = tree.standard(item.standardId()).orElseThrow(
					() -> new RuleViolationException("inspection.standard.unknown", String.valueOf(item.standardId())));
			if (!standard.appliesTo(point.typeCode())) {
				throw new RuleViolationException("inspection.standard.notApplicable", standard.code(), sampled.code());
			}
			standards.put(standard.id(), standard);
		}
		Places places = new Places(organisation);
		Places.Snapshot snapshot = places.of(point);
		List<Observation> saved = new ArrayList<>();
		for (ObservationInput item : items) {
			saved.add(save(actor, round, point, sampled, standards.get(item.standardId()), snapshot, item,
					ProblemSource.INSPECTION, clock.instant()));
		}
		return saved;
	}

	/** Records items at several points of a round in one transaction (all or nothing); see {@link #record}. */
	@Transactional
	public List<Observation> recordAt(Actor actor, UUID roundId, Map<UUID, List<ObservationInput>> byPoint) {
		List<Observation> saved = new ArrayList<>();
		byPoint.forEach((point, items) -> saved.addAll(record(actor, roundId, point, items)));
		return saved;
	}

	/** A photo taken on the checklist page, stored with the items it belongs to. */
	public record Upload(byte[] content, String filename) {
	}

	/**
	 * As {@link #record}, storing the photos uploaded with the page first (JPEG or PNG, checked by content) and adding
	 * them to their items, all in one transaction.
	 */
	@Transactional
	public List<Observation> recordWithUploads(Actor actor, UUID roundId, UUID pointId, List<ObservationInput> items,
			Map<UUID, List<Upload>> uploads) {
		List<ObservationInput> withPhotos = new ArrayList<>();
		for (ObservationInput item : items) {
			List<Upload> files = uploads.getOrDefault(item.standardId(), List.of());
			if (files.isEmpty()) {
				withPhotos.add(item);
				continue;
			}
			List<UUID> photos = new ArrayList<>(item.photos());
			for (Upload file : files) {
				photos.add(blobs.store(file.content(), file.filename(), org.chuangwen.blobs.BlobUse.PHOTO,
						actor.userId()).id());
			}
			withPhotos.add(new ObservationInput(item.standardId(), item.result(), item.getFraction(), item.note(), photos,
					item.categoryCode()));
		}
		return record(actor, roundId, pointId, withPhotos);
	}

	private void checkItems(Actor actor, List<ObservationInput> items) {
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		if (items == null || items.isEmpty()) {
			throw new InvalidInputException("observations", "inspection.observation.none");
		}
		if (items.size() > MAX_ITEMS) {
			throw new InvalidInputException("observations", "inspection.observation.tooMany", MAX_ITEMS);
		}
		Set<UUID> seen = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			ObservationInput item = items.get(i);
			String field = "observations[" + i + "]";
			if (item.standardId() == null) {
				errors.add(new InvalidInputException.FieldError(field + ".standardId", "error.field.required"));
			}
			else if (!seen.add(item.standardId())) {
				errors.add(new InvalidInputException.FieldError(field + ".standardId", "inspection.observation.twice"));
			}
			if (item.result() == null) {
				errors.add(new InvalidInputException.FieldError(field + ".result", "inspection.observation.resultRequired"));
			}
			if (item.getFraction() != null && (item.getFraction().signum() < 0
					|| item.getFraction().compareTo(BigDecimal.ONE) > 0)) {
				errors.add(new InvalidInputException.FieldError(field + ".getFraction", "inspection.observation.fractionRange",
						item.getFraction().toPlainString()));
			}
			else if (item.getFraction() != null && item.result() == ObservationResult.NOT_APPLICABLE) {
				errors.add(new InvalidInputException.FieldError(field + ".getFraction", "inspection.observation.fractionNa"));
			}
			else if (item.getFraction() != null && item.getFraction().stripTrailingZeros().scale() > 4) {
				errors.add(new InvalidInputException.FieldError(field + ".getFraction", "inspection.observation.fractionScale"));
			}
			if (item.note() != null && item.note().strip().length() > MAX_NOTE) {
				errors.add(new InvalidInputException.FieldError(field + ".note", "error.field.tooLong", MAX_NOTE));
			}
			if (item.photos().size() > MAX_PHOTOS) {
				errors.add(new InvalidInputException.FieldError(field + ".photos", "inspection.observation.tooManyPhotos",
						MAX_PHOTOS));
			}
			for (UUID photo : item.photos()) {
				Optional<StoredBlob> blob = blobs.find(photo);
				if (blob.isEmpty() || !blob.get().contentType().startsWith("image/")
						|| (actor != null && !Objects.equals(blob.get().uploadedBy(), actor.userId()))) {
					errors.add(new InvalidInputException.FieldError(field + ".photos", "inspection.observation.photoUnknown",
							String.valueOf(photo)));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	/** Saves one item: insert, replace or leave unchanged; files the problem of a non-compliant item once. */
	Observation save(Actor actor, InspectionRepository.RoundRow round, PointRef point, SampledPoint sampled,
			Standard standard, Places.Snapshot snapshot, ObservationInput item, ProblemSource source, Instant now) {
		Optional<InspectionRepository.Row> existing = repository.observation(round.id(), point.id(), standard.id());
		String note = item.note() == null ? "" : item.note().strip();
		BigDecimal recorded = item.result() == ObservationResult.NOT_APPLICABLE ? null : item.getFraction();
		BigDecimal fraction = item.result().getFraction(recorded);
		List<UUID> photos = item.photos();
		if (existing.isPresent()) {
			InspectionRepository.Row old = existing.get();
			boolean unchanged = old.result() == item.result() && same(old.recordedFraction(), recorded)
					&& old.note().equals(note) && new HashSet<>(repository.photosOf(old.id())).equals(new HashSet<>(photos))
					&& (item.result() != ObservationResult.NON_COMPLIANT || old.problemId() != null);
			if (unchanged) {
				return observation(old);
			}
		}
		UUID problemId = existing.map(InspectionRepository.Row::problemId).orElse(null);
		UUID id = existing.map(InspectionRepository.Row::id).orElseGet(() -> Ids.newId(clock));
		if (item.result() == ObservationResult.NON_COMPLIANT && problemId == null) {
			problemId = fileProblem(actor, round, point, standard, item, note, source, snapshot.unitId());
		}
		UUID unit = snapshot.unitId();
		InspectionRepository.Row row = new InspectionRepository.Row(id, round.id(), round.kind(), round.frameworkId(),
				standard.id(), standard.code(), point.id(), snapshot.pointTypeCode(), snapshot.districtId(),
				snapshot.streetId(), unit, snapshot.commandPostId(), snapshot.leaderPersonId(), snapshot.personId(),
				item.result(), recorded, fraction, note, problemId, now, actor == null ? null : actor.userId(),
				actor == null ? null : actor.displayName(), existing.map(r -> r.version() + 1).orElse(0));
		if (existing.isPresent()) {
			repository.updateObservation(row);
			repository.replacePhotos(id, photos);
		}
		else {
			repository.insertObservation(row);
			repository.addPhotos(id, photos);
		}
		Map<String, Object> after = auditView(row, photos.size());
		audit.record(existing.isPresent() ? "inspection.observation.replaced" : "inspection.observation.recorded",
				"inspection_observation", id, existing.map(r -> auditView(r, -1)).orElse(null), after, null);
		events.publishEvent(new ObservationRecorded(row.fact(), existing.map(InspectionRepository.Row::fact).orElse(null)));
		return observation(row, photos);
	}

	private UUID fileProblem(Actor actor, InspectionRepository.RoundRow round, PointRef point, Standard standard,
			ObservationInput item, String note, ProblemSource source, UUID unitId) {
		String category = item.categoryCode() != null && !item.categoryCode().isBlank() ? item.categoryCode().strip()
				: DefaultCategories.forStandard(standard.content(), point.typeCode());
		String description = "【" + round.name() + "】" + point.name() + "：" + standard.code() + " " + standard.content()
				+ (note.isEmpty() ? "" : "。督查意见：" + note);
		if (description.length() > Problem.MAX_DESCRIPTION) {
			description = description.substring(0, Problem.MAX_DESCRIPTION);
		}
		// an upper-level line may name a responsible unit other than the point's: the problem goes to that unit
		UUID named = unitId != null && !unitId.equals(point.unitId()) ? unitId : null;
		Problem problem = problems.report(actor, new NewProblem(category, description, point.id(), null, null, source,
				item.photos(), true, named));
		return problem.id();
	}

	private static boolean same(BigDecimal a, BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}

	private static Map<String, Object> auditView(InspectionRepository.Row r, int photos) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("roundId", r.roundId());
		view.put("pointId", r.pointId());
		view.put("standard", r.standardCode());
		view.put("result", r.result().name());
		view.put("getFraction", r.recordedFraction() == null ? null : r.recordedFraction().toPlainString());
		view.put("note", r.note());
		view.put("problemId", r.problemId());
		if (photos >= 0) {
			view.put("photos", photos);
		}
		return view;
	}

	Observation observation(InspectionRepository.Row r) {
		return observation(r, repository.photosOf(r.id()));
	}

	static Observation observation(InspectionRepository.Row r, List<UUID> photos) {
		return new Observation(r.id(), r.roundId(), r.pointId(), r.standardId(), r.standardCode(), r.result(),
				r.recordedFraction(), r.getFraction(), r.note(), r.problemId(), r.observedAt(), r.observedByName(), photos);
	}

	// past rounds

	/**
	 * A result of a round inspected before it was entered here (on paper, or in another system), with the instant it
	 * was observed and, for a non-compliant item, the problem already filed for it (if any).
	 */
	public record PastObservation(UUID pointId, UUID standardId, ObservationResult result, BigDecimal getFraction,
			String note, UUID problemId, Instant observedAt) {
	}

	/**
	 * Enters the results of an open round inspected earlier, all at once (office only): every line is checked as on
	 * the checklist (point in the round, standard applying to its type, fraction 0..1, a known problem), nothing is
	 * saved when one is wrong (400/422), no item is entered twice (409 for an item the round has already). Published
	 * and audited like any observation, with one audit record for the batch.
	 */
	@Transactional
	public int enterPastResults(Actor actor, UUID roundId, List<PastObservation> items) {
		InspectionAccess.requirePlanner(actor);
		InspectionRepository.RoundRow round = repository.roundRow(roundId, true)
			.orElseThrow(() -> new NotFoundException("inspectionRound", roundId));
		requireOwnRound(actor, roundId);
		if (round.status() != RoundStatus.OPEN) {
			throw new RuleViolationException(round.status() == RoundStatus.CLOSED ? "inspection.round.closed"
					: "inspection.round.notOpenYet", round.name());
		}
		Map<UUID, SampledPoint> inRound = new HashMap<>();
		repository.roundPoints(roundId).forEach(p -> inRound.put(p.pointId(), p));
		CriterionTree tree = criteria.tree(round.frameworkId());
		Places places = places(actor);
		Map<UUID, Places.Snapshot> snapshots = new HashMap<>();
		Set<String> keys = new HashSet<>();
		repository.observationsOf(roundId).forEach(r -> keys.add(r.pointId() + "|" + r.standardId()));
		List<InspectionRepository.Row> rows = new ArrayList<>();
		for (PastObservation item : items) {
			SampledPoint sampled = inRound.get(item.pointId());
			if (sampled == null) {
				throw new RuleViolationException("inspection.point.notInRound", String.valueOf(item.pointId()));
			}
			Standard standard = tree.standard(item.standardId()).orElseThrow(
					() -> new RuleViolationException("inspection.standard.unknown", String.valueOf(item.standardId())));
			if (!standard.appliesTo(sampled.typeCode())) {
				throw new RuleViolationException("inspection.standard.notApplicable", standard.code(), sampled.code());
			}
			checkItems(null, List.of(new ObservationInput(item.standardId(), item.result(), item.getFraction(),
					item.note(), List.of(), null)));
			if (!keys.add(item.pointId() + "|" + item.standardId())) {
				throw new org.chuangwen.shared.ConflictException("inspection.observation.exists", standard.code());
			}
			if (item.problemId() != null && problemDirectory.problem(item.problemId()).isEmpty()) {
				throw new InvalidInputException("problemId", "inspection.problem.unknown", item.problemId().toString());
			}
			Places.Snapshot s = snapshots.computeIfAbsent(item.pointId(), id -> points.point(id).map(places::of)
				.orElseThrow(() -> new NotFoundException("point", id)));
			BigDecimal recorded = item.result() == ObservationResult.NOT_APPLICABLE ? null : item.getFraction();
			rows.add(new InspectionRepository.Row(Ids.newId(clock), roundId, round.kind(), round.frameworkId(),
					standard.id(), standard.code(), item.pointId(), s.pointTypeCode(), s.districtId(), s.streetId(),
					s.unitId(), s.commandPostId(), s.leaderPersonId(), s.personId(), item.result(), recorded,
					item.result().getFraction(recorded), item.note() == null ? "" : item.note().strip(), item.problemId(),
					item.observedAt() == null ? clock.instant() : item.observedAt(), actor.userId(), actor.displayName(),
					0));
		}
		repository.insertObservations(rows);
		for (InspectionRepository.Row row : rows) {
			events.publishEvent(new ObservationRecorded(row.fact(), null));
		}
		audit.record("inspection.pastResults.entered", "inspection_round", roundId, null,
				Map.of("observations", rows.size(), "points", snapshots.size(),
						"problemsLinked", rows.stream().filter(r -> r.problemId() != null).count()), null);
		return rows.size();
	}

	// upper-level results

	/** What an import did: the lines saved and the problems it created. */
	public record ImportResult(int observations, int points, int problems) {
	}

	/** The upper-level results template (empty sheet with an example line and the instructions). */
	public byte[] upperLevelTemplate() {
		return UpperLevelSheets.template();
	}

	/**
	 * Imports the results of a provincial or national assessment into an upper-level round that is not closed (office
	 * only). The whole file is checked first: every bad row is reported (unknown point, unknown standard, a standard
	 * not applying to the point's type, a bad result, a fraction outside 0..1, an unknown unit, a line twice) and
	 * nothing is imported (422). The points join the round; each non-compliant line creates one problem.
	 */
	@Transactional
	public ImportResult importUpperLevel(Actor actor, UUID roundId, byte[] content) {
		InspectionAccess.requirePlanner(actor);
		InspectionRepository.RoundRow round = repository.roundRow(roundId, true)
			.orElseThrow(() -> new NotFoundException("inspectionRound", roundId));
		requireOwnRound(actor, roundId);
		if (round.kind() != RoundKind.UPPER_LEVEL) {
			throw new RuleViolationException("inspection.round.notUpperLevel");
		}
		if (round.status() == RoundStatus.CLOSED) {
			throw new RuleViolationException("inspection.round.closed", round.name());
		}
		List<org.chuangwen.organisation.SpreadsheetFile.Line> lines = org.chuangwen.organisation.SpreadsheetFile
			.read(content, UpperLevelSheets.HEADER);
		CriterionTree tree = criteria.tree(round.frameworkId());
		List<org.chuangwen.organisation.ImportProblem> bad = new ArrayList<>();
		record Line(PointRef point, Standard standard, ObservationInput input, UUID unitId) {
		}
		List<Line> good = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		Map<String, Optional<PointRef>> pointCache = new HashMap<>();
		Map<String, Optional<UUID>> unitCache = new HashMap<>();
		for (org.chuangwen.organisation.SpreadsheetFile.Line line : lines) {
			int row = line.row();
			String pointCode = line.cell(0).strip();
			String standardCode = line.cell(1).strip();
			String resultText = line.cell(2).strip();
			String fractionText = line.cell(3).strip();
			String unitCode = line.cell(4).strip();
			String note = line.cell(5).strip();
			int before = bad.size();
			PointRef point = null;
			if (pointCode.isEmpty()) {
				bad.add(new org.chuangwen.organisation.ImportProblem(row, "pointCode", "inspection.import.required"));
			}
			else {
				point = pointCache.computeIfAbsent(pointCode, points::pointByCode).orElse(null);
				if (point == null) {
					bad.add(new org.chuangwen.organisation.ImportProblem(row, "pointCode", "inspection.import.unknownPoint",
							pointCode));
				}
			}
			Standard standard = null;
			if (standardCode.isEmpty()) {
				bad.add(new org.chuangwen.organisation.ImportProblem(row, "standardCode", "inspection.import.required"));
			}
			else {
				standard = tree.standardByCode(standardCode).orElse(null);
				if (standard == null) {
					bad.add(new org.chuangwen.organisation.ImportProblem(row, "standardCode",
							"inspection.import.unknownStandard", standardCode));
				}
				else if (point != null && !standard.appliesTo(point.typeCode())) {
					bad.add(new org.chuangwen.organisation.ImportProblem(row, "standardCode",
							"inspection.import.notApplicable", standardCode, pointCode));
				}
			}
			Optional<ObservationResult> result = UpperLevelSheets.result(resultText);
			if (result.isEmpty()) {
				bad.add(new org.chuangwen.organisation.ImportProblem(row, "result", "inspection.import.result", resultText));
			}
			Optional<BigDecimal> fraction = UpperLevelSheets.fraction(fractionText);
			if (fraction == null || (fraction.isPresent() && result.orElse(null) == ObservationResult.NOT_APPLICABLE)) {
				bad.add(new org.chuangwen.organisation.ImportProblem(row, "getFraction", "inspection.import.fraction",
						fractionText));
			}
			UUID unitId = null;
			if (!unitCode.isEmpty()) {
				unitId = unitCache.computeIfAbsent(unitCode, c -> organisation.unitByCode(c).map(u -> u.id())).orElse(null);
				if (unitId == null) {
					bad.add(new org.chuangwen.organisation.ImportProblem(row, "unitCode", "inspection.import.unknownUnit",
							unitCode));
				}
			}
			if (note.length() > MAX_NOTE) {
				bad.add(new org.chuangwen.organisation.ImportProblem(row, "note", "error.field.tooLong", MAX_NOTE));
			}
			if (point != null && standard != null) {
				Integer first = seen.putIfAbsent(point.id() + "|" + standard.id(), row);
				if (first != null) {
					bad.add(new org.chuangwen.organisation.ImportProblem(row, null, "inspection.import.duplicate", first));
				}
			}
			if (bad.size() == before) {
				good.add(new Line(point, standard, new ObservationInput(standard.id(), result.get(),
						fraction.orElse(null), note, List.of(), null), unitId));
			}
		}
		if (!bad.isEmpty()) {
			throw new org.chuangwen.organisation.ImportRejectedException(bad);
		}
		Places places = places(actor);
		Map<UUID, SampledPoint> joined = new LinkedHashMap<>();
		Set<UUID> inRound = new HashSet<>();
		repository.roundPoints(roundId).forEach(p -> inRound.add(p.pointId()));
		for (Line line : good) {
			PointRef p = line.point();
			if (!inRound.contains(p.id()) && !joined.containsKey(p.id())) {
				joined.put(p.id(), new SampledPoint(p.id(), p.code(), p.name(), p.typeCode(),
						places.districtOf(p.jurisdictionId()), p.unitId(), null, 0));
			}
		}
		repository.insertRoundPoints(roundId, new ArrayList<>(joined.values()), repository.maxPointOrder(roundId) + 1);
		Instant now = clock.instant();
		int created = 0;
		Set<UUID> pointsSeen = new HashSet<>();
		for (Line line : good) {
			Places.Snapshot s = places.of(line.point());
			if (line.unitId() != null) {
				s = new Places.Snapshot(s.pointTypeCode(), s.districtId(), s.streetId(), line.unitId(),
						places.commandPostOf(line.unitId()), s.leaderPersonId(), s.personId());
			}
			UUID hadProblem = repository.observation(roundId, line.point().id(), line.standard().id())
				.map(InspectionRepository.Row::problemId).orElse(null);
			Observation saved = save(actor, round, line.point(), null, line.standard(), s, line.input(),
					ProblemSource.UPPER_FEEDBACK, now);
			if (saved.problemId() != null && hadProblem == null) {
				created++;
			}
			pointsSeen.add(line.point().id());
		}
		audit.record("inspection.upperLevel.imported", "inspection_round", roundId, null,
				Map.of("lines", good.size(), "points", pointsSeen.size(), "problems", created), null);
		return new ImportResult(good.size(), pointsSeen.size(), created);
	}

	// helpers

	/** The framework of a new round: the one asked for (if the actor may read it), else the civilized city's active one. */
	Framework framework(Actor actor, UUID frameworkId) {
		if (frameworkId != null) {
			try {
				return criteria.framework(actor, frameworkId);
			}
			catch (NotFoundException ex) {
				throw new InvalidInputException("frameworkId", "inspection.framework.unknown");
			}
		}
		return defaultFramework(actor)
			.orElseThrow(() -> new InvalidInputException("frameworkId", "inspection.framework.none"));
	}

	/** The active framework of the civilized-city campaign the actor sees. */
	public Optional<Framework> defaultFramework(Actor actor) {
		for (Campaign campaign : criteria.campaigns(actor, new PageRequest(0, PageRequest.MAX_SIZE)).items()) {
			if (campaign.kind() == CampaignKind.CIVILIZED_CITY) {
				Optional<Framework> active = criteria.activeFramework(campaign.id(), false);
				if (active.isPresent()) {
					return active;
				}
			}
		}
		return Optional.empty();
	}

	private List<TeamMember> team(List<List<UUID>> teams, boolean optional, List<InvalidInputException.FieldError> errors) {
		List<TeamMember> members = new ArrayList<>();
		if (teams.isEmpty() && !optional) {
			errors.add(new InvalidInputException.FieldError("teams", "inspection.team.required"));
		}
		Set<UUID> seen = new HashSet<>();
		for (int t = 0; t < teams.size(); t++) {
			List<UUID> pair = teams.get(t);
			String field = "teams[" + t + "]";
			if (pair.size() != 2 || pair.stream().anyMatch(Objects::isNull)) {
				errors.add(new InvalidInputException.FieldError(field, "inspection.team.pair"));
				continue;
			}
			for (UUID id : pair) {
				if (!seen.add(id)) {
					errors.add(new InvalidInputException.FieldError(field, "inspection.team.twice"));
					continue;
				}
				Optional<Actor> inspector = accounts.actorById(id);
				if (inspector.isEmpty() || !inspector.get().has(Role.INSPECTOR)) {
					errors.add(new InvalidInputException.FieldError(field, "inspection.team.notInspector", String.valueOf(id)));
				}
				else {
					members.add(new TeamMember(t + 1, id, inspector.get().displayName()));
				}
			}
		}
		return members;
	}

	SamplingRule ruleOrFail(UUID ruleId) {
		if (ruleId == null) {
			throw new InvalidInputException("samplingRuleId", "error.field.required");
		}
		return repository.rule(ruleId).orElseThrow(() -> new InvalidInputException("samplingRuleId", "inspection.rule.unknown"));
	}

	/** Draws with a rule over today's active points of the rule's types. */
	SamplingDraw draw(SamplingRule rule, long seed, Places places) {
		return draw(rule, seed, places, null);
	}

	/** As above, drawing only points of one district when the planner is a district's office ({@code null}: all). */
	SamplingDraw draw(SamplingRule rule, long seed, Places places, UUID district) {
		Set<String> types = new java.util.LinkedHashSet<>();
		rule.quotas().forEach(q -> types.add(q.pointTypeCode()));
		List<Sampler.Candidate> candidates = new ArrayList<>();
		for (String type : types) {
			for (PointRef p : points.ofType(type)) {
				UUID in = p.active() ? places.districtOf(p.jurisdictionId()) : null;
				if (p.active() && (district == null || district.equals(in))) {
					candidates.add(new Sampler.Candidate(p.id(), p.code(), p.name(), p.typeCode(), in, p.unitId()));
				}
			}
		}
		return Sampler.draw(seed, rule.quotas(), candidates);
	}

	/** Splits the drawn points among the teams, round robin in code order. */
	static List<SampledPoint> assignTeams(List<SampledPoint> drawn, int teams) {
		List<SampledPoint> sorted = new ArrayList<>(drawn);
		sorted.sort(Comparator.comparing(SampledPoint::code));
		List<SampledPoint> out = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			SampledPoint p = sorted.get(i);
			out.add(new SampledPoint(p.pointId(), p.code(), p.name(), p.typeCode(), p.districtId(), p.unitId(),
					teams == 0 ? null : (i % teams) + 1, 0));
		}
		return out;
	}

	static String shortfallJson(List<Shortfall> shortfalls) {
		StringBuilder json = new StringBuilder("[");
		for (int i = 0; i < shortfalls.size(); i++) {
			Shortfall s = shortfalls.get(i);
			json.append(i == 0 ? "" : ",").append("{\"type\":\"").append(s.pointTypeCode().replace("\"", ""))
				.append("\",\"district\":").append(s.districtId() == null ? "null" : "\"" + s.districtId() + "\"")
				.append(",\"asked\":").append(s.asked()).append(",\"available\":").append(s.available()).append('}');
		}
		return json.append(']').toString();
	}

	/** A place resolver preloaded with every node the (office) actor sees: one query instead of one per node. */
	/**
	 * An office of a district manages only its own rounds: 404 for a round that does not concern its district, 403
	 * for a city-wide round with points elsewhere (the city's office opens, closes and imports into those).
	 */
	private void requireOwnRound(Actor actor, UUID roundId) {
		UUID district = InspectionAccess.district(actor, organisation);
		if (district == null) {
			return;
		}
		if (!repository.concerns(roundId, district, actor.userId())) {
			throw new NotFoundException("inspectionRound", roundId);
		}
		if (!repository.whollyIn(roundId, district, actor.userId())) {
			throw new org.chuangwen.shared.ForbiddenException("inspection.round.notOwn");
		}
	}

	private Places places(Actor actor) {
		return new Places(organisation, actor == null ? List.of() : organisation.jurisdictionOptions(actor, true));
	}

	private static long newSeed() {
		return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
	}

	Clock clock() {
		return clock;
	}
}
