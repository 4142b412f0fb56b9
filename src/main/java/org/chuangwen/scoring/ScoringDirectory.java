package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.criteria.Framework;
import org.chuangwen.criteria.FrameworkStatus;
import org.chuangwen.inspections.InspectionDirectory;
import org.chuangwen.inspections.InspectionRound;
import org.chuangwen.inspections.ObservationQuery;
import org.chuangwen.inspections.RoundStatus;
import org.chuangwen.inspections.ScoreDimension;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Same-day scores for pages, the API and higher floors (dashboards): the criterion tree's scores, or scores grouped by
 * district, street, unit, point type or command post, of one round or of all rounds (of some kinds, in a time window),
 * always within what the caller may see ({@link ScoringAccess}).
 */
@Service
@Transactional(readOnly = true)
public class ScoringDirectory {

	/** A framework the caller may pick. */
	public record FrameworkOption(UUID id, String name, String edition) {
	}

	/** No round: a set that matches nothing (a unit before any round of the framework has closed). */
	static final UUID NO_ROUND = new UUID(0, 0);

	private final ScoreCalculator calculator;

	private final RateKeeper keeper;

	private final InspectionDirectory inspections;

	private final CriteriaDirectory criteria;

	private final OrganisationDirectory organisation;

	private final GroupNames names;

	private final org.chuangwen.inspections.InspectionManagement inspectionManagement;

	ScoringDirectory(ScoreCalculator calculator, RateKeeper keeper, InspectionDirectory inspections,
			CriteriaDirectory criteria, OrganisationDirectory organisation, GroupNames names,
			org.chuangwen.inspections.InspectionManagement inspectionManagement) {
		this.inspectionManagement = inspectionManagement;
		this.calculator = calculator;
		this.keeper = keeper;
		this.inspections = inspections;
		this.criteria = criteria;
		this.organisation = organisation;
		this.names = names;
	}

	ScoringAccess access(Actor actor) {
		return ScoringAccess.of(actor, organisation);
	}

	/** Whether the caller sees the whole city (point types, command posts, the forecast). */
	public boolean seesWholeCity(Actor actor) {
		try {
			return access(actor).isCity();
		}
		catch (ForbiddenException ex) {
			return false;
		}
	}

	/** The active main frameworks the caller may read, for the pickers; the first is the default. */
	public List<FrameworkOption> frameworks(Actor actor) {
		List<Framework> all = new ArrayList<>(criteria.frameworks(actor, new PageRequest(0, PageRequest.MAX_SIZE)).items());
		all.sort(Comparator.comparing((Framework f) -> f.status() != FrameworkStatus.ACTIVE)
			.thenComparing(Framework::prerequisite)
			.thenComparing(Framework::createdAt, Comparator.reverseOrder()));
		return all.stream()
			.filter(f -> f.status() != FrameworkStatus.DRAFT)
			.map(f -> new FrameworkOption(f.id(), f.name(), f.edition()))
			.toList();
	}

	/**
	 * The framework asked for (checked readable), or the default one: the active framework of the civilized-city
	 * campaign (as inspections plans rounds on it), else the first the caller may read.
	 */
	public UUID framework(Actor actor, UUID frameworkId) {
		if (frameworkId != null) {
			return criteria.framework(actor, frameworkId).id();
		}
		return inspectionManagement.defaultFramework(actor)
			.map(Framework::id)
			.or(() -> frameworks(actor).stream().findFirst().map(FrameworkOption::id))
			.orElseThrow(() -> new NotFoundException("framework", "-"));
	}

	/** The query's framework: as asked, else its round's, else the default one. */
	public UUID framework(Actor actor, ScoreQuery query) {
		if (query.frameworkId() == null && query.roundId() != null) {
			return round(actor, query.roundId()).frameworkId();
		}
		return framework(actor, query.frameworkId());
	}

	/** The rounds of a framework the caller may see scores of, newest first: units only see closed ones. */
	public List<InspectionRound> rounds(Actor actor, UUID frameworkId) {
		ScoringAccess access = access(actor);
		UUID framework = framework(actor, frameworkId);
		return inspections.rounds(framework)
			.stream()
			.filter(r -> !access.unitBound() || r.status() == RoundStatus.CLOSED)
			.toList();
	}

	/** A round the caller may see, of the given framework (or any, if null). */
	public InspectionRound round(Actor actor, UUID roundId) {
		ScoringAccess access = access(actor);
		InspectionRound round = inspections.round(roundId).orElseThrow(() -> new NotFoundException("round", roundId));
		if (access.unitBound() && round.status() != RoundStatus.CLOSED) {
			throw new NotFoundException("round", roundId);
		}
		criteria.framework(actor, round.frameworkId());
		return round;
	}

	/** The scores the query asks for, within the caller's reach; groups are paged, best score first. */
	public Scores scores(Actor actor, ScoreQuery query, PageRequest page) {
		ScoringAccess access = access(actor);
		UUID framework = framework(actor, query);
		ObservationQuery oq = observationQuery(actor, access, query.withFramework(framework));
		ScoreEngine engine = calculator.engine(framework);
		GroupNames.Lookup lookup = names.lookup();
		ScoreLine total = total(engine, oq, access, lookup);
		if (query.by() == ScoreGrouping.CRITERION) {
			ScoreCalculator.GroupRates rates = calculator.rates(engine, oq, access.dimension()).get(access.key());
			return new Scores(framework, query.roundId(), query.by(), tree(engine, rates), null, total);
		}
		ScoreDimension d = query.by().dimension();
		if (d == ScoreDimension.POINT_TYPE || d == ScoreDimension.COMMAND_POST) {
			access.requireCity();
		}
		if (access.unitBound() && d != ScoreDimension.UNIT) {
			throw new ForbiddenException("scoring.error.unitOwnOnly");
		}
		List<ScoreLine> lines = new ArrayList<>();
		for (Map.Entry<String, ScoreCalculator.GroupRates> e : calculator.rates(engine, oq, d).entrySet()) {
			if (!lookup.sees(access, d, e.getKey())) {
				continue;
			}
			lines.add(line(engine, e.getKey(), lookup.name(d, e.getKey()), e.getValue()));
		}
		lines.sort(Comparator.comparing((ScoreLine l) -> l.passRate() == null ? BigDecimal.valueOf(-1) : l.passRate())
			.reversed()
			.thenComparing(ScoreLine::name));
		int from = (int) Math.min(lines.size(), page.offset());
		int to = Math.min(lines.size(), from + page.size());
		return new Scores(framework, query.roundId(), query.by(), null,
				Page.of(lines.subList(from, to), page, lines.size()), total);
	}

	private ScoreLine total(ScoreEngine engine, ObservationQuery oq, ScoringAccess access, GroupNames.Lookup lookup) {
		ScoreCalculator.GroupRates rates = calculator.rates(engine, oq, access.dimension()).get(access.key());
		return line(engine, access.key(), lookup.name(access.dimension(), access.key()), rates);
	}

	static ScoreLine line(ScoreEngine engine, String key, String name, ScoreCalculator.GroupRates rates) {
		if (rates == null) {
			return new ScoreLine(key, name, score(engine.total()), null, null, 0);
		}
		ScoreEngine.Result r = engine.evaluate(rates.rates(), rates.observations());
		long observations = 0;
		for (long o : rates.observations()) {
			observations += o;
		}
		double rate = r.totalRate();
		return new ScoreLine(key, name, score(r.totalMax()), Double.isNaN(rate) ? null : score(r.totalScore()),
				Double.isNaN(rate) ? null : rate(rate), observations);
	}

	static List<CriterionScore> tree(ScoreEngine engine, ScoreCalculator.GroupRates rates) {
		double[] r = rates == null ? nan(engine.standardCount()) : rates.rates();
		long[] o = rates == null ? new long[engine.standardCount()] : rates.observations();
		List<CriterionScore> out = new ArrayList<>();
		for (ScoreEngine.Row row : engine.evaluate(r, o).rows()) {
			ScoreEngine.NodeScore v = row.value();
			out.add(new CriterionScore(row.id(), row.code(), row.name(), row.level(), row.depth(), row.parentCode(),
					v.maxScore() == null ? null : score(v.maxScore()), v.effectiveMax() == null ? null : score(v.effectiveMax()),
					v.score() == null ? null : score(v.score()), v.passRate() == null ? null : rate(v.passRate()),
					v.observations()));
		}
		return out;
	}

	static double[] nan(int n) {
		double[] r = new double[n];
		java.util.Arrays.fill(r, Double.NaN);
		return r;
	}

	static BigDecimal score(double v) {
		return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP);
	}

	static BigDecimal rate(double v) {
		return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP);
	}

	/** The observations a query selects, for this caller: units only see closed rounds. */
	ObservationQuery observationQuery(Actor actor, ScoringAccess access, ScoreQuery query) {
		Set<UUID> rounds;
		if (query.roundId() != null) {
			InspectionRound round = round(actor, query.roundId());
			if (!round.frameworkId().equals(query.frameworkId())) {
				throw new NotFoundException("round", query.roundId());
			}
			rounds = Set.of(round.id());
		}
		else if (access.unitBound()) {
			List<UUID> closed = inspections.rounds(query.frameworkId())
				.stream()
				.filter(r -> r.status() == RoundStatus.CLOSED)
				.map(InspectionRound::id)
				.toList();
			rounds = closed.isEmpty() ? Set.of(NO_ROUND) : Set.copyOf(closed);
		}
		else {
			rounds = Set.of();
		}
		return new ObservationQuery(query.frameworkId(), rounds, query.kinds(), query.from(), query.to());
	}

	/** Rebuilds a framework's cached sums from every observation (the campaign office; audited). */
	@Transactional
	public long rebuild(Actor actor, UUID frameworkId) {
		if (!ScoringAccess.isOffice(actor)) {
			throw new ForbiddenException("scoring.error.officeOnly");
		}
		return keeper.rebuild(framework(actor, frameworkId));
	}

	Optional<InspectionRound> latestClosedRound(UUID frameworkId) {
		return inspections.rounds(frameworkId).stream().filter(r -> r.status() == RoundStatus.CLOSED).findFirst();
	}
}
