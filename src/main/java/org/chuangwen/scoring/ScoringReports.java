package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.blobs.BlobContent;
import org.chuangwen.blobs.Blobs;
import org.chuangwen.criteria.AssessmentMethod;
import org.chuangwen.criteria.Standard;
import org.chuangwen.inspections.InspectionDirectory;
import org.chuangwen.inspections.InspectionRound;
import org.chuangwen.inspections.ObservationFact;
import org.chuangwen.inspections.ObservationPhoto;
import org.chuangwen.inspections.ObservationQuery;
import org.chuangwen.inspections.ObservationResult;
import org.chuangwen.inspections.ScoreDimension;
import org.chuangwen.organisation.Actor;
import org.chuangwen.points.PointRef;
import org.chuangwen.problems.ProblemDirectory;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The round report, the accountability trace and the forecast, for pages, the API and exports; always within what
 * the reader may see (see {@link ScoringAccess}: a unit reads only its own part of closed rounds).
 */
@Service
@Transactional(readOnly = true)
public class ScoringReports {

	/** At most this many worst points and photos in a report. */
	public static final int WORST_POINTS = 10;

	public static final int PHOTOS = 60;

	private final ScoringDirectory directory;

	private final ScoreCalculator calculator;

	private final InspectionDirectory inspections;

	private final GroupNames names;

	private final Forecaster forecaster;

	private final Blobs blobs;

	private final Clock clock;

	private final ProblemDirectory problems;

	ScoringReports(ScoringDirectory directory, ScoreCalculator calculator, InspectionDirectory inspections,
			GroupNames names, Forecaster forecaster, Blobs blobs, ProblemDirectory problems, Clock clock) {
		this.problems = problems;
		this.directory = directory;
		this.calculator = calculator;
		this.inspections = inspections;
		this.names = names;
		this.forecaster = forecaster;
		this.blobs = blobs;
		this.clock = clock;
	}

	/** The facts of a round the reader may see. */
	private List<ObservationFact> facts(ScoringAccess access, InspectionRound round) {
		List<ObservationFact> facts = new ArrayList<>();
		inspections.forEachFact(ObservationQuery.ofRound(round.frameworkId(), round.id()), f -> {
			if (access.isCity() || access.key().equals(RateKeeper.groupKey(f, access.dimension()))) {
				facts.add(f);
			}
		});
		return facts;
	}

	public RoundReport report(Actor actor, UUID roundId) {
		ScoringAccess access = directory.access(actor);
		InspectionRound round = directory.round(actor, roundId);
		ScoreEngine engine = calculator.engine(round.frameworkId());
		ObservationQuery query = ObservationQuery.ofRound(round.frameworkId(), round.id());
		GroupNames.Lookup lookup = names.lookup();
		List<ObservationFact> facts = facts(access, round);

		Set<UUID> points = new HashSet<>();
		Set<UUID> failingUnits = new HashSet<>();
		Set<UUID> failingObservations = new HashSet<>();
		int problems = 0;
		long observations = 0;
		RateSums perPoint = new RateSums();
		Map<UUID, ObservationFact> byObservation = new HashMap<>();
		for (ObservationFact f : facts) {
			points.add(f.pointId());
			byObservation.put(f.observationId(), f);
			if (f.result() == ObservationResult.NON_COMPLIANT) {
				problems++;
				if (f.unitId() != null) {
					failingUnits.add(f.unitId());
				}
			}
			if (f.getFraction() != null) {
				observations++;
				perPoint.add(f.pointId().toString(), f.standardId(), f.getFraction().doubleValue(), 1);
				if (f.getFraction().compareTo(BigDecimal.ONE) < 0) {
					failingObservations.add(f.observationId());
				}
			}
		}

		ScoreCalculator.GroupRates own = calculator.rates(engine, query, access.dimension()).get(access.key());
		ScoreLine total = ScoringDirectory.line(engine, access.key(), lookup.name(access.dimension(), access.key()), own);
		List<CriterionScore> tree = ScoringDirectory.tree(engine, own);
		List<ScoreLine> byUnit = new ArrayList<>();
		for (Map.Entry<String, ScoreCalculator.GroupRates> e : calculator.rates(engine, query, ScoreDimension.UNIT).entrySet()) {
			if (lookup.sees(access, ScoreDimension.UNIT, e.getKey())) {
				byUnit.add(ScoringDirectory.line(engine, e.getKey(), lookup.name(ScoreDimension.UNIT, e.getKey()), e.getValue()));
			}
		}
		byUnit.sort(Comparator.comparing((ScoreLine l) -> l.passRate() == null ? BigDecimal.TEN : l.passRate())
			.thenComparing(ScoreLine::name));

		List<RoundReport.PointScore> worst = new ArrayList<>();
		Map<String, ScoreCalculator.GroupRates> pointRates = calculator.combine(engine, perPoint, Map.of());
		for (Map.Entry<String, ScoreCalculator.GroupRates> e : pointRates.entrySet()) {
			UUID pointId = UUID.fromString(e.getKey());
			ScoreEngine.Result r = engine.evaluate(e.getValue().rates(), e.getValue().observations());
			int failing = 0;
			long obs = 0;
			for (int i = 0; i < e.getValue().rates().length; i++) {
				if (e.getValue().rates()[i] < 1) {
					failing++;
				}
				obs += e.getValue().observations()[i];
			}
			PointRef ref = lookup.point(pointId).orElse(null);
			worst.add(new RoundReport.PointScore(pointId, ref == null ? null : ref.code(),
					ref == null ? pointId.toString() : ref.name(), ref == null ? null : ref.typeCode(),
					ref == null ? null : lookup.unitName(ref.unitId()), ScoringDirectory.score(r.totalScore()),
					ScoringDirectory.score(r.totalMax()), ScoringDirectory.rate(r.totalRate()), failing, obs));
		}
		worst.sort(Comparator.comparing(RoundReport.PointScore::passRate).thenComparing(RoundReport.PointScore::name,
				Comparator.nullsLast(Comparator.naturalOrder())));
		worst = List.copyOf(worst.subList(0, Math.min(WORST_POINTS, worst.size())));

		Map<UUID, Standard> standards = new HashMap<>();
		engine.tree().standards().forEach(s -> standards.put(s.id(), s));
		List<RoundReport.FailurePhoto> photos = new ArrayList<>();
		for (ObservationPhoto photo : inspections.photos(round.id())) {
			if (photos.size() >= PHOTOS) {
				break;
			}
			ObservationFact f = byObservation.get(photo.observationId());
			if (f == null || !failingObservations.contains(f.observationId())) {
				continue;
			}
			Standard s = standards.get(f.standardId());
			photos.add(new RoundReport.FailurePhoto(f.observationId(), photo.blobId(),
					lookup.point(f.pointId()).map(PointRef::name).orElse(null), s == null ? null : s.code(),
					s == null ? null : s.content(), lookup.unitName(f.unitId())));
		}
		return new RoundReport(round, points.size(), problems, failingUnits.size(), observations, total, tree, byUnit,
				worst, photos, clock.instant());
	}

	/** A photo of a failing item of a round the reader may see the report of. */
	public BlobContent photo(Actor actor, UUID roundId, UUID blobId) {
		RoundReport report = report(actor, roundId);
		boolean listed = report.photos().stream().anyMatch(p -> p.blobId().equals(blobId));
		if (!listed) {
			throw new NotFoundException("photo", blobId);
		}
		return blobs.read(blobId);
	}

	/**
	 * The accountability trace of a round: the campaign office sees every unit (or one, {@code unitId}); a district
	 * or street office the units observed there; a unit only itself.
	 */
	public LossTrace trace(Actor actor, UUID roundId, UUID unitId) {
		ScoringAccess access = directory.access(actor);
		InspectionRound round = directory.round(actor, roundId);
		if (access.unitBound() && unitId != null && !unitId.equals(access.unitId())) {
			throw new ForbiddenException("scoring.error.unitOwnOnly");
		}
		ScoreEngine engine = calculator.engine(round.frameworkId());
		ObservationQuery query = ObservationQuery.ofRound(round.frameworkId(), round.id());
		GroupNames.Lookup lookup = names.lookup();

		// what one item is worth: the city's effective maximum of its standard, its field share, its count
		ScoreCalculator.GroupRates city = calculator.rates(engine, query, ScoreDimension.CITY).get("");
		int n = engine.standardCount();
		double[] standardMax = new double[n];
		if (city != null) {
			engine.score(city.rates(), standardMax, engine.workspace());
		}
		double[] fieldWeight = fieldWeights(engine, query);
		Map<UUID, Standard> standards = new HashMap<>();
		engine.tree().standards().forEach(s -> standards.put(s.id(), s));

		List<ObservationFact> facts = facts(access, round);
		Map<UUID, String> problemNumbers = new HashMap<>();
		problems.problems(facts.stream().map(ObservationFact::problemId).filter(java.util.Objects::nonNull).toList())
			.forEach(p -> problemNumbers.put(p.id(), p.number()));
		List<LossTrace.LostItem> items = new ArrayList<>();
		for (ObservationFact f : facts) {
			if (f.getFraction() == null || f.getFraction().compareTo(BigDecimal.ONE) >= 0) {
				continue;
			}
			if (unitId != null && !unitId.equals(f.unitId())) {
				continue;
			}
			int i = engine.standardIndex(f.standardId());
			double lost = 0;
			if (i >= 0 && city != null && city.observations()[i] > 0) {
				lost = standardMax[i] * fieldWeight[i] * (1 - f.getFraction().doubleValue()) / city.observations()[i];
			}
			Standard s = standards.get(f.standardId());
			PointRef ref = lookup.point(f.pointId()).orElse(null);
			items.add(new LossTrace.LostItem(f.observationId(), f.pointId(), ref == null ? null : ref.code(),
					ref == null ? f.pointId().toString() : ref.name(), s == null ? null : s.code(),
					s == null ? null : s.content(), f.result().name(), f.getFraction(),
					BigDecimal.valueOf(lost).setScale(4, RoundingMode.HALF_UP), f.unitId(), lookup.unitName(f.unitId()),
					lookup.personName(f.leaderPersonId()), lookup.personName(f.personId()), f.observedAt(),
					f.problemId(), f.problemId() == null ? null : problemNumbers.get(f.problemId())));
		}
		items.sort(Comparator.comparing(LossTrace.LostItem::lost).reversed()
			.thenComparing(LossTrace.LostItem::pointName, Comparator.nullsLast(Comparator.naturalOrder())));
		Map<UUID, List<LossTrace.LostItem>> byUnit = new LinkedHashMap<>();
		for (LossTrace.LostItem item : items) {
			byUnit.computeIfAbsent(item.unitId() == null ? ScoringDirectory.NO_ROUND : item.unitId(),
					k -> new ArrayList<>()).add(item);
		}
		List<LossTrace.UnitLoss> units = new ArrayList<>();
		BigDecimal all = BigDecimal.ZERO;
		for (Map.Entry<UUID, List<LossTrace.LostItem>> e : byUnit.entrySet()) {
			BigDecimal lost = e.getValue().stream().map(LossTrace.LostItem::lost).reduce(BigDecimal.ZERO, BigDecimal::add);
			all = all.add(lost);
			UUID id = e.getKey().equals(ScoringDirectory.NO_ROUND) ? null : e.getKey();
			units.add(new LossTrace.UnitLoss(id, e.getValue().get(0).unitName(), e.getValue().size(),
					(int) e.getValue().stream().map(LossTrace.LostItem::pointId).distinct().count(), lost));
		}
		units.sort(Comparator.comparing(LossTrace.UnitLoss::lost).reversed());
		return new LossTrace(round, all, units, items);
	}

	/** Per standard, the field's part of its rate (1 unless other methods scored it too). */
	private double[] fieldWeights(ScoreEngine engine, ObservationQuery query) {
		int n = engine.standardCount();
		double[] weights = new double[n];
		java.util.Arrays.fill(weights, 1);
		Map<AssessmentMethod, Map<String, Map<UUID, Double>>> parts = calculator.partRates(query, ScoreDimension.CITY);
		if (parts.isEmpty()) {
			return weights;
		}
		double field = calculator.share(AssessmentMethod.FIELD);
		for (int i = 0; i < n; i++) {
			Standard s = engine.tree().standards().get(i);
			double other = 0;
			for (Map.Entry<AssessmentMethod, Map<String, Map<UUID, Double>>> e : parts.entrySet()) {
				if (s.methods().contains(e.getKey()) && e.getValue().getOrDefault("", Map.of()).containsKey(s.id())) {
					other += calculator.share(e.getKey());
				}
			}
			weights[i] = field + other > 0 ? field / (field + other) : 0;
		}
		return weights;
	}

	/** The forecast of the official assessment (the city's campaign office, leaders and inspectors). */
	public Forecast forecast(Actor actor, UUID frameworkId, Integer simulations, Long seed) {
		ScoringAccess access = directory.access(actor);
		access.requireCity();
		UUID framework = directory.framework(actor, frameworkId);
		int sims = simulations == null ? 10_000 : simulations;
		if (sims < 1 || sims > Forecaster.MAX_SIMULATIONS) {
			throw new org.chuangwen.shared.InvalidInputException("simulations", "scoring.error.simulations",
					Forecaster.MAX_SIMULATIONS);
		}
		return forecaster.forecast(framework, sims, seed == null ? 20261125L : seed);
	}
}
