package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.blobs.BlobContent;
import org.chuangwen.blobs.Blobs;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.Unit;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evaluation's public queries (DOMAIN §9) for pages, the API and the dashboards: unit performance over a period,
 * rankings per period and category, flag history, the red/black list, last-place notices, penalties, the scorecard and
 * the evening-meeting list. Access:
 * <ul>
 * <li>the campaign office, leaders and inspectors read everything in their jurisdiction (rankings of their node);</li>
 * <li>a unit's accounts read their own unit's scorecard, flags, notices and penalties (another unit: 404), and of a
 * ranking only their own line;</li>
 * <li>anyone else (grid workers, administrators) is refused (403).</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class EvaluationDirectory {

	/** Below this index a unit is named at the daily evening meeting (晚调度会). */
	public static final double EVENING_THRESHOLD = 60;

	private final RankingEngine engine;

	private final UnitDayFacts facts;

	private final EvaluationRepository repository;

	private final OrganisationDirectory organisation;

	private final Blobs blobs;

	private final Clock clock;

	EvaluationDirectory(RankingEngine engine, UnitDayFacts facts, EvaluationRepository repository,
			OrganisationDirectory organisation, Blobs blobs, Clock clock) {
		this.engine = engine;
		this.facts = facts;
		this.repository = repository;
		this.organisation = organisation;
		this.blobs = blobs;
		this.clock = clock;
	}

	/** Today in the city's time zone. */
	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** A period from request parameters (400 for a bad or future one). */
	public Period period(String kind, String date, String from, String to) {
		return Period.parse(kind, date, from, to, today());
	}

	// access

	/** Whether the caller reads whole rankings (office, leaders, inspectors bound to a jurisdiction). */
	public boolean readsRankings(Actor actor) {
		return actor != null && !actor.isUnitBound() && actor.jurisdictionId() != null
				&& actor.hasAny(Role.OFFICE_ADMIN, Role.LEADER, Role.INSPECTOR);
	}

	private void requireReader(Actor actor) {
		if (!readsRankings(actor) && !(actor != null && actor.isUnitBound())) {
			throw new ForbiddenException();
		}
	}

	/** The node whose ranking the caller sees: their own jurisdiction, or a unit's city. */
	Jurisdiction scopeNode(Actor actor) {
		requireReader(actor);
		if (actor.isUnitBound()) {
			Unit unit = organisation.unit(actor.unitId()).orElseThrow(() -> new NotFoundException("unit", actor.unitId()));
			return engine.cityOf(unit.jurisdictionId());
		}
		return organisation.jurisdiction(actor.jurisdictionId())
			.orElseThrow(() -> new NotFoundException("jurisdiction", actor.jurisdictionId()));
	}

	/** A unit the caller may evaluate: a unit its own; readers any unit of their jurisdiction (else 404). */
	public Unit unitFor(Actor actor, UUID unitId) {
		requireReader(actor);
		return organisation.unitFor(actor, unitId);
	}

	// rankings and performance

	/** The ranking of a category over a period, for the caller's node; a unit sees only its own line. */
	public Ranking ranking(Actor actor, Period period, RankingCategory category) {
		Jurisdiction node = scopeNode(actor);
		Ranking ranking = engine.rank(period, category, node);
		if (actor.isUnitBound()) {
			return new Ranking(ranking.period(), ranking.category(), ranking.jurisdictionId(),
					ranking.jurisdictionName(),
					ranking.entries().stream().filter(e -> e.id().equals(actor.unitId())).toList(), ranking.ranked());
		}
		return ranking;
	}

	/** A unit's performance over a period (compared with its category in its city for the volume factor). */
	public UnitPerformance performance(Actor actor, UUID unitId, Period period) {
		return scorecard(actor, unitId, period).performance();
	}

	/** The unit's scorecard. */
	public Scorecard scorecard(Actor actor, UUID unitId, Period period) {
		Unit unit = unitFor(actor, unitId);
		RankingCategory category = RankingCategory.of(unit.type());
		Jurisdiction city = engine.cityOf(unit.jurisdictionId());
		Ranking ranking = engine.rank(period, category, city);
		Ranking.Entry entry = ranking.entries().stream().filter(e -> e.id().equals(unitId)).findFirst().orElse(null);
		UnitPerformance performance = entry != null ? entry.performance()
				: PerformanceCalculator.compute(unit.id(), unit.code(), unit.name(), period, null,
						engine.unitSums(period).getOrDefault(unit.id(), FactSums.NONE), 0, engine.weightsFor(city),
						"/problems/board?unitId=" + unit.id());
		List<Penalty> penalties = repository.penalties(null, unitId, null, null, 0, 200);
		BigDecimal bonus = BigDecimal.ZERO;
		BigDecimal appraisal = BigDecimal.ZERO;
		boolean losesAward = false;
		for (Penalty p : penalties) {
			if (!p.isRevoked() && p.occurredOn().getYear() == period.from().getYear()) {
				bonus = bonus.add(p.bonusPoints());
				appraisal = appraisal.add(p.appraisalPoints());
				losesAward |= p.losesAward();
			}
		}
		List<Scorecard.Day> days = facts.days(unitId, period.from(), period.to())
			.stream()
			.map(r -> new Scorecard.Day(r.day(), r.sums()))
			.toList();
		return new Scorecard(unit, category, performance, entry == null ? null : entry.rank(), ranking.ranked(),
				entry == null ? null : entry.tier(), repository.flagsOfUnit(unitId, 50), repository.notices(unitId, 50),
				penalties, days, bonus, appraisal, losesAward);
	}

	/** The units (of every ranked unit category) whose index of the day is under 60: the evening-meeting list. */
	public List<Ranking.Entry> eveningList(Actor actor, LocalDate day) {
		if (!readsRankings(actor)) {
			throw new ForbiddenException();
		}
		Period period = Period.of(Period.Kind.DAY, day);
		if (day.isAfter(today())) {
			throw new org.chuangwen.shared.InvalidInputException("date", "evaluation.period.future", day);
		}
		Jurisdiction node = scopeNode(actor);
		var sums = engine.unitSums(period);
		List<Ranking.Entry> below = new ArrayList<>();
		for (RankingCategory c : RankingCategory.values()) {
			if (!c.isUnitType()) {
				continue;
			}
			for (Ranking.Entry e : engine.rank(period, c, node, sums).entries()) {
				if (e.index() != null && e.index() < EVENING_THRESHOLD) {
					below.add(e);
				}
			}
		}
		below.sort(java.util.Comparator.comparing(Ranking.Entry::index));
		return below;
	}

	/** The weights that apply to the caller's node. */
	public Weights weights(Actor actor) {
		return engine.weightsFor(scopeNode(actor));
	}

	// flags and notices

	/** A unit's flags, newest first. */
	public List<RotatingFlag> flagHistory(Actor actor, UUID unitId) {
		unitFor(actor, unitId);
		return repository.flagsOfUnit(unitId, 200);
	}

	/**
	 * The red/black list: the flags of the last {@code periods} closed periods of a kind, of the units the caller sees
	 * (a unit only its own).
	 */
	public List<RotatingFlag> redBlackList(Actor actor, Period.Kind kind, int periods) {
		Jurisdiction node = scopeNode(actor);
		return repository.recentFlags(kind, Math.max(1, Math.min(periods, 52)))
			.stream()
			.filter(f -> actor.isUnitBound() ? f.unitId().equals(actor.unitId()) : sees(node, f.jurisdictionId()))
			.toList();
	}

	/**
	 * The red/black list as the public page shows it (红黑榜, DOMAIN §9 and §12): the flags of the last {@code periods}
	 * closed periods of a kind, for the whole city, newest first. What a flag carries is public by nature (the unit's
	 * name, its category, its index); nothing about people.
	 */
	public List<RotatingFlag> publicRedBlackList(Period.Kind kind, int periods) {
		return repository.recentFlags(kind, Math.max(1, Math.min(periods, 12)));
	}

	private boolean sees(Jurisdiction node, UUID flagJurisdiction) {
		return organisation.jurisdiction(flagJurisdiction)
			.map(j -> j.isWithin(node.path()) || node.isWithin(j.path()))
			.orElse(false);
	}

	/** Last-place notices the caller may see, newest first. */
	public List<LastPlaceNotice> notices(Actor actor) {
		Jurisdiction node = scopeNode(actor);
		return repository.notices(actor.isUnitBound() ? actor.unitId() : null, 200)
			.stream()
			.filter(n -> actor.isUnitBound() || sees(node, n.jurisdictionId()))
			.toList();
	}

	public LastPlaceNotice notice(Actor actor, UUID id) {
		LastPlaceNotice n = repository.notice(id).orElseThrow(() -> new NotFoundException("notice", id));
		if (actor.isUnitBound() ? !n.unitId().equals(actor.unitId()) : !sees(scopeNode(actor), n.jurisdictionId())) {
			throw new NotFoundException("notice", id);
		}
		return n;
	}

	// penalties

	/** Penalties the caller may see (a unit its own), newest first, optionally of one unit. */
	public Page<Penalty> penalties(Actor actor, UUID unitId, PageRequest page) {
		Jurisdiction node = scopeNode(actor);
		UUID unit = actor.isUnitBound() ? actor.unitId() : unitId;
		String path = actor.isUnitBound() ? null : node.path();
		if (unitId != null && !actor.isUnitBound()) {
			unitFor(actor, unitId);
		}
		List<Penalty> items = repository.penalties(path, unit, null, null, page.page() * page.size(), page.size());
		return Page.of(items, page, repository.countPenalties(path, unit));
	}

	public Penalty penalty(Actor actor, UUID id) {
		Penalty p = repository.penalty(id).orElseThrow(() -> new NotFoundException("penalty", id));
		if (actor.isUnitBound() ? !p.unitId().equals(actor.unitId())
				: !readsRankings(actor) || !p.jurisdictionPath().startsWith(scopeNode(actor).path())) {
			throw new NotFoundException("penalty", id);
		}
		return p;
	}

	/** An evidence file of a penalty, for whoever may see the penalty; its hash is checked on the way out. */
	public BlobContent evidence(Actor actor, UUID penaltyId, UUID blobId) {
		Penalty p = penalty(actor, penaltyId);
		if (p.evidence().stream().noneMatch(e -> e.blobId().equals(blobId))) {
			throw new NotFoundException("blob", blobId);
		}
		return blobs.read(blobId);
	}

	// annual appraisal

	/** One unit's line of the annual appraisal export (综合目标考核). */
	public record AppraisalLine(Ranking.Entry entry, RankingCategory category, long redFlags, long blackFlags,
			BigDecimal bonusPointsLost, BigDecimal appraisalPointsLost, boolean losesAward, int penalties) {
	}

	/** Every unit category's ranking over the year (to today when running), with flags and penalties per unit. */
	public List<AppraisalLine> annualAppraisal(Actor actor, int year) {
		if (!readsRankings(actor)) {
			throw new ForbiddenException();
		}
		LocalDate from = LocalDate.of(year, 1, 1);
		if (from.isAfter(today())) {
			throw new org.chuangwen.shared.InvalidInputException("year", "evaluation.period.future", from);
		}
		Period period = new Period(Period.Kind.CUSTOM, from, from.plusYears(1));
		Jurisdiction node = scopeNode(actor);
		var sums = engine.unitSums(period);
		List<RotatingFlag> flags = repository.flagsBetween(from, from.plusYears(1));
		List<Penalty> penalties = repository.penalties(node.path(), null, from, from.plusYears(1), 0, 100_000);
		List<AppraisalLine> lines = new ArrayList<>();
		for (RankingCategory c : RankingCategory.values()) {
			if (!c.isUnitType()) {
				continue;
			}
			for (Ranking.Entry e : engine.rank(period, c, node, sums).entries()) {
				long red = flags.stream().filter(f -> f.unitId().equals(e.id()) && f.colour() == RotatingFlag.Colour.RED).count();
				long black = flags.stream().filter(f -> f.unitId().equals(e.id()) && f.colour() == RotatingFlag.Colour.BLACK).count();
				List<Penalty> own = penalties.stream().filter(p -> p.unitId().equals(e.id()) && !p.isRevoked()).toList();
				BigDecimal bonus = own.stream().map(Penalty::bonusPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
				BigDecimal appraisal = own.stream().map(Penalty::appraisalPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
				lines.add(new AppraisalLine(e, c, red, black, bonus, appraisal, own.stream().anyMatch(Penalty::losesAward),
						own.size()));
			}
		}
		return lines;
	}

	/** The unit with this code that the caller may see; {@code null} for a blank code; 400 for an unknown one. */
	public UUID unitIdByCode(Actor actor, String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		requireReader(actor);
		return organisation.unitByCode(code.strip()).filter(u -> {
			try {
				organisation.unitFor(actor, u.id());
				return true;
			}
			catch (NotFoundException ex) {
				return false;
			}
		}).map(Unit::id).orElseThrow(() -> new org.chuangwen.shared.InvalidInputException("unitCode",
				"evaluation.penalty.unitUnknown", code.strip()));
	}

	/** The bundles of the caller's jurisdiction (readers only). */
	public List<Bundle> bundles(Actor actor) {
		if (!readsRankings(actor)) {
			throw new ForbiddenException();
		}
		Jurisdiction node = scopeNode(actor);
		return repository.bundles()
			.stream()
			.filter(b -> organisation.jurisdiction(b.jurisdictionId())
				.map(j -> j.isWithin(node.path()) || node.isWithin(j.path()))
				.orElse(false))
			.toList();
	}

	Optional<Jurisdiction> jurisdiction(UUID id) {
		return organisation.jurisdiction(id);
	}
}
