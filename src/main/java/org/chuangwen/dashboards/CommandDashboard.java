package org.chuangwen.dashboards;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.escalation.Notice;
import org.chuangwen.escalation.NoticeDirectory;
import org.chuangwen.escalation.NoticeFilter;
import org.chuangwen.notifications.Countdown;
import org.chuangwen.organisation.Actor;
import org.chuangwen.points.Geo;
import org.chuangwen.points.PointDirectory;
import org.chuangwen.points.PointRef;
import org.chuangwen.problems.ProblemDirectory;
import org.chuangwen.problems.ProblemFigures;
import org.chuangwen.problems.ProblemFilter;
import org.chuangwen.problems.ProblemStatus;
import org.chuangwen.scoring.Forecast;
import org.chuangwen.scoring.ScoreGrouping;
import org.chuangwen.scoring.ScoreLine;
import org.chuangwen.scoring.ScoreQuery;
import org.chuangwen.scoring.Scores;
import org.chuangwen.scoring.ScoringDirectory;
import org.chuangwen.scoring.ScoringReports;
import org.chuangwen.shared.DomainException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.stereotype.Service;

/**
 * The figures of the command dashboard's panels, each answered on its own (one panel's slow query never holds up
 * another) and within the caller's scope; every method first checks that the caller reads dashboards
 * ({@link DashboardAccess}). The modules below answer the figures through their public queries; nothing here reads
 * their tables.
 */
@Service
public class CommandDashboard {

	/** How many days the trend of new against closed problems covers (today included). */
	public static final int TREND_DAYS = 30;

	/** How many rows the worst points, overdue and notices panels list. */
	public static final int LIST_ROWS = 10;

	/** The simulations of the dashboard's forecast (the forecast page runs 10,000; the interval is stable well before). */
	public static final int FORECAST_SIMULATIONS = 2_000;

	/** The score: the framework's total over all rounds so far, and (for the city) the forecast of the assessment. */
	public record ScorePanel(UUID frameworkId, ScoreLine total, List<ScoreLine> districts, Forecast forecast,
			java.time.Instant forecastAt, String forecastUnavailableKey) {

		public boolean observed() {
			return total != null && total.passRate() != null;
		}

		/** The forecast's expected score and interval bounds in percent of the maximum (null without a forecast). */
		public java.math.BigDecimal expectedPercent() {
			return forecast == null ? null : percent(forecast.expected(), forecast.maxScore());
		}

		public java.math.BigDecimal p05Percent() {
			return forecast == null ? null : percent(forecast.p05(), forecast.maxScore());
		}

		public java.math.BigDecimal p95Percent() {
			return forecast == null ? null : percent(forecast.p95(), forecast.maxScore());
		}

		/** {@code part} in percent of {@code whole}, two decimals; null when either is missing or the whole is zero. */
		public static java.math.BigDecimal percent(java.math.BigDecimal part, java.math.BigDecimal whole) {
			if (part == null || whole == null || whole.signum() == 0) {
				return null;
			}
			return part.multiply(java.math.BigDecimal.valueOf(100)).divide(whole, 2, java.math.RoundingMode.HALF_UP);
		}
	}

	/** The points by state: active without open problems, with open problems, retired; and the map's extent. */
	public record MapPanel(long active, long withOpenProblems, long retired, Geo.BoundingBox extent) {

		public long quiet() {
			return Math.max(0, active - withOpenProblems);
		}

		public boolean isEmpty() {
			return active == 0 && retired == 0;
		}
	}

	/** A worst point: the point (null when it is no longer readable) and its open and overdue problems. */
	public record WorstPoint(UUID pointId, PointRef point, long open, long overdue) {
	}

	/** How long a computed forecast is shown before it is computed again. */
	public static final java.time.Duration FORECAST_FRESH = java.time.Duration.ofMinutes(10);

	private record CachedForecast(UUID framework, java.time.Instant at, Forecast forecast) {
	}

	private final java.util.concurrent.atomic.AtomicReference<CachedForecast> lastForecast = new java.util.concurrent.atomic.AtomicReference<>();

	private final ProblemDirectory problems;

	private final ProblemFigures figures;

	private final PointDirectory points;

	private final NoticeDirectory notices;

	private final ScoringDirectory scoring;

	private final ScoringReports scoringReports;

	private final Countdown countdown;

	private final Clock clock;

	private final org.chuangwen.scoring.EvaluationDirectory evaluation;

	CommandDashboard(ProblemDirectory problems, ProblemFigures figures, PointDirectory points, NoticeDirectory notices,
			ScoringDirectory scoring, ScoringReports scoringReports, Countdown countdown, Clock clock,
			org.chuangwen.scoring.EvaluationDirectory evaluation) {
		this.evaluation = evaluation;
		this.problems = problems;
		this.figures = figures;
		this.points = points;
		this.notices = notices;
		this.scoring = scoring;
		this.scoringReports = scoringReports;
		this.countdown = countdown;
		this.clock = clock;
	}

	/**
	 * Last week's ranking of the streets (the rotating flags are awarded on closed weeks), in the caller's jurisdiction:
	 * from the evaluation's maintained per-unit day facts, so it reads units × days rows, not the problems.
	 */
	public org.chuangwen.scoring.Ranking rankings(Actor actor) {
		org.chuangwen.scoring.Period lastWeek = org.chuangwen.scoring.Period
			.of(org.chuangwen.scoring.Period.Kind.WEEK, today())
			.previous();
		return evaluation.ranking(actor, lastWeek, org.chuangwen.scoring.RankingCategory.STREET);
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** The nearest assessment date ahead visible to the caller (set on the notifications settings page), if any. */
	public Optional<Countdown.Panel> countdown(Actor actor) {
		DashboardAccess.require(actor);
		return countdown.panel(actor);
	}

	/**
	 * The score of the default framework over all rounds so far within the caller's reach, and for a caller who sees
	 * the whole city the forecast of the official assessment with its 90 % interval (a district sees its own score;
	 * the forecast simulates the city's sampling and is the city's).
	 */
	public ScorePanel score(Actor actor) {
		DashboardAccess.require(actor);
		UUID framework;
		try {
			framework = scoring.framework(actor, (UUID) null);
		}
		catch (NotFoundException ex) {
			return new ScorePanel(null, null, List.of(), null, null, "dashboards.score.noFramework");
		}
		Scores scores = scoring.scores(actor, new ScoreQuery(framework, null, null, null, null, ScoreGrouping.DISTRICT),
				new PageRequest(0, 50));
		ScoreLine total = scores.total();
		List<ScoreLine> districts = scores.groups().items().stream().filter(l -> l.passRate() != null).toList();
		if (!scoring.seesWholeCity(actor)) {
			return new ScorePanel(framework, total, districts, null, null, "dashboards.score.forecastCityOnly");
		}
		try {
			CachedForecast f = forecast(actor, framework);
			return new ScorePanel(framework, total, districts, f.forecast(), f.at(), null);
		}
		catch (DomainException ex) {
			return new ScorePanel(framework, total, districts, null, null, "dashboards.score.forecastUnavailable");
		}
	}

	/**
	 * The forecast of a framework, computed at most once per {@link #FORECAST_FRESH} on this instance: the simulation
	 * takes a second or more, the city's state it reads changes slowly, and the dashboard (and the big screen, every
	 * minute) asks often. The panel says when it was computed. The forecast is the city's, the same for every caller
	 * allowed to see it (checked on every call by the scoring module before the cache is read).
	 */
	private CachedForecast forecast(Actor actor, UUID framework) {
		java.time.Instant now = clock.instant();
		CachedForecast cached = lastForecast.get();
		if (cached != null && cached.framework().equals(framework) && now.isBefore(cached.at().plus(FORECAST_FRESH))) {
			if (scoring.seesWholeCity(actor)) {
				return cached;
			}
		}
		CachedForecast fresh = new CachedForecast(framework, now,
				scoringReports.forecast(actor, framework, FORECAST_SIMULATIONS, null));
		lastForecast.set(fresh);
		return fresh;
	}

	/** How many of the caller's problems stand in each state (from the maintained counts). */
	public Map<ProblemStatus, Long> states(Actor actor) {
		DashboardAccess.require(actor);
		return problems.countsByStatus(actor, ProblemFilter.none());
	}

	/** The SLA lights of the caller's problems at their units. */
	public ProblemFigures.Lights lights(Actor actor) {
		DashboardAccess.require(actor);
		return figures.slaLights(actor);
	}

	/** New against closed problems per day over the last {@link #TREND_DAYS} days (today included). */
	public List<ProblemFigures.DayFlow> trend(Actor actor) {
		DashboardAccess.require(actor);
		LocalDate today = today();
		return figures.dailyFlow(actor, today.minusDays(TREND_DAYS - 1), today);
	}

	/** The caller's points by state, and the extent of the map. */
	public MapPanel map(Actor actor) {
		DashboardAccess.require(actor);
		PointDirectory.PointFigures p = points.figures(actor);
		long withProblems = figures.pointsWithOpenProblems(actor);
		return new MapPanel(p.active(), Math.min(withProblems, p.active()), p.retired(), points.extent(actor).orElse(null));
	}

	/** The caller's points with the most open problems. */
	public List<WorstPoint> worstPoints(Actor actor) {
		DashboardAccess.require(actor);
		return figures.busiestPoints(actor, LIST_ROWS)
			.stream()
			.map(l -> new WorstPoint(l.pointId(), points.point(l.pointId()).orElse(null), l.open(), l.overdue()))
			.toList();
	}

	/** The caller's most overdue problems at their units (the first {@link #LIST_ROWS}, with the total). */
	public Page<ProblemDirectory.Listed> overdue(Actor actor) {
		DashboardAccess.require(actor);
		return figures.mostOverdue(actor, new PageRequest(0, LIST_ROWS));
	}

	/** The latest notices of the escalation ladder in the caller's scope (the first {@link #LIST_ROWS}, with the total). */
	public Page<Notice> notices(Actor actor) {
		DashboardAccess.require(actor);
		return notices.notices(actor, NoticeFilter.none(), new PageRequest(0, LIST_ROWS));
	}
}
