package org.chuangwen.problems;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.shared.SqlWhere;
import org.chuangwen.shared.WorkingCalendar;
import org.chuangwen.shared.WorkingTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures that the list queries do not answer: where the problems a person reported stand now (an inspector's or grid
 * worker's "my reports"; a problem merged into another counts as the one it went into, its reporters move with it), and
 * the aggregates of the command dashboard (dashboards module): problems reported and closed per day, the SLA lights of
 * the problems at their units, the points with the most open problems, the most overdue problems and the figures of a
 * period. Every dashboard figure is within the caller's scope (a unit's accounts: their unit's problems, everybody else
 * the problems inside their jurisdiction) and is read through an index (V140), never by scanning all problems: with
 * ten million problems a dashboard panel must answer in a few hundred milliseconds.
 */
@Service
@Transactional(readOnly = true)
public class ProblemFigures {

	/** Problems reported and closed on one day of the city's calendar. */
	public record DayFlow(LocalDate day, long reported, long closed) {
	}

	/** How many problems at their units stand at each SLA light now. */
	public record Lights(long green, long yellow, long red) {

		public long total() {
			return green + yellow + red;
		}

		public long of(SlaLight light) {
			return switch (light) {
				case GREEN -> green;
				case YELLOW -> yellow;
				case RED -> red;
			};
		}
	}

	/** A point with its open problems (any state but closed, rejected, merged) and how many of them are overdue. */
	public record PointLoad(UUID pointId, long open, long overdue) {
	}

	/**
	 * What happened in a period [{@code from}, {@code to}): problems reported, closed (and still closed), closed by
	 * their deadline, and problems whose deadline passed in the period before their unit had rectified them.
	 */
	public record PeriodFigures(long reported, long closed, long closedOnTime, long fellOverdue) {

		public boolean isEmpty() {
			return reported == 0 && closed == 0 && fellOverdue == 0;
		}
	}

	/** The longest period the daily flow covers. */
	public static final int MAX_FLOW_DAYS = 366;

	/** The most points {@link #busiestPoints} answers. */
	public static final int MAX_POINTS = 100;

	private static final String AT_UNIT = "status in ('DISPATCHED', 'CLAIMED', 'REWORK')";

	private static final String OPEN = "status not in ('CLOSED', 'REJECTED', 'MERGED')";

	private final JdbcClient jdbc;

	private final ProblemRepository repository;

	private final OrganisationDirectory organisation;

	private final Deadlines deadlines;

	private final WorkingCalendar calendar;

	private final Clock clock;

	ProblemFigures(JdbcClient jdbc, ProblemRepository repository, OrganisationDirectory organisation, Deadlines deadlines,
			WorkingCalendar calendar, Clock clock) {
		this.jdbc = jdbc;
		this.repository = repository;
		this.organisation = organisation;
		this.deadlines = deadlines;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** How many distinct problems the caller reported stand in each state (every state present, zero when none). */
	public Map<ProblemStatus, Long> reportedBy(Actor actor) {
		Map<ProblemStatus, Long> counts = new EnumMap<>(ProblemStatus.class);
		for (ProblemStatus s : ProblemStatus.values()) {
			counts.put(s, 0L);
		}
		UUID me = actor == null ? null : actor.userId();
		if (me == null) {
			return counts;
		}
		jdbc.sql("""
				select p.status, count(distinct p.id) from problem p
				where p.id in (select r.problem_id from problem_reporter r where r.reported_by = :me)
				group by p.status
				""")
			.param("me", me)
			.query((rs, n) -> counts.put(ProblemStatus.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	// the command dashboard

	/**
	 * Problems reported and closed on each day from {@code from} to {@code to} (both included, the city's time zone),
	 * every day present (zero when nothing happened). Reported: by {@code created_at}; closed: problems closed that day
	 * and still closed now ({@code closed_at} of a problem in state closed; a problem reopened after closing counts on
	 * the day it closes again).
	 * <p>
	 * Both counts are index-only range scans, not scans of the problems: the reported ones read {@code problem_created}
	 * (created_at; the city) or {@code problem_scope_created} (jurisdiction path, created_at; a district or street),
	 * the closed ones {@code problem_closed_at} (the city) or {@code problem_scope_closed} (V140; a district or street),
	 * so the work grows with the problems of the period asked for (a month: a few hundred thousand index entries in a
	 * city with ten million problems), never with all the problems. The maintained counts (V72) are not kept by day,
	 * which is why these are index reads.
	 */
	public List<DayFlow> dailyFlow(Actor actor, LocalDate from, LocalDate to) {
		if (from == null || to == null || to.isBefore(from)) {
			throw new InvalidInputException("to", "problems.error.period");
		}
		if (from.plusDays(MAX_FLOW_DAYS).isBefore(to.plusDays(1))) {
			throw new InvalidInputException("from", "problems.error.periodTooLong", MAX_FLOW_DAYS);
		}
		OrganisationScope scope = organisation.scopeOf(actor);
		ZoneId zone = clock.getZone();
		Instant start = from.atStartOfDay(zone).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
		Map<LocalDate, long[]> days = new LinkedHashMap<>();
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			days.put(d, new long[2]);
		}
		SqlWhere created = ProblemRepository.scoped(scope).and("created_at >= :from and created_at < :to", "from",
				org.chuangwen.shared.SqlValues.at(start));
		created.bind(jdbc.sql("select (created_at at time zone :zone)::date, count(*) from problem" + created.sql()
				+ " group by 1"))
			.param("to", org.chuangwen.shared.SqlValues.at(end))
			.param("zone", zone.getId())
			.query((rs, n) -> add(days, rs.getObject(1, LocalDate.class), 0, rs.getLong(2)))
			.list();
		SqlWhere closed = ProblemRepository.scoped(scope).and("status = 'CLOSED' and closed_at >= :from and closed_at < :to",
				"from", org.chuangwen.shared.SqlValues.at(start));
		closed.bind(jdbc.sql("select (closed_at at time zone :zone)::date, count(*) from problem" + closed.sql()
				+ " group by 1"))
			.param("to", org.chuangwen.shared.SqlValues.at(end))
			.param("zone", zone.getId())
			.query((rs, n) -> add(days, rs.getObject(1, LocalDate.class), 1, rs.getLong(2)))
			.list();
		return days.entrySet().stream().map(e -> new DayFlow(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
	}

	private static Object add(Map<LocalDate, long[]> days, LocalDate day, int column, long n) {
		long[] counts = days.get(day);
		if (counts != null) {
			counts[column] += n;
		}
		return day;
	}

	/**
	 * The SLA lights now of the caller's problems at their units (dispatched, claimed, rework), exactly as
	 * {@link ProblemDirectory.Listed#light()} shows them one by one. Red (overdue) is counted by the database on the
	 * partial index of problems at units by deadline; yellow and green need the working-time calendar, so the start and
	 * deadline of the problems not yet overdue are read from the covering index {@code problem_at_unit_light} (V140,
	 * index-only) and measured on one cumulative working-time scale (each day's working time computed once per call),
	 * a few arithmetic operations per problem.
	 */
	public Lights slaLights(Actor actor) {
		OrganisationScope scope = organisation.scopeOf(actor);
		Instant now = clock.instant();
		SqlWhere red = ProblemRepository.scoped(scope).and(AT_UNIT + " and deadline < :now", "now",
				org.chuangwen.shared.SqlValues.at(now));
		long reds = red.bind(jdbc.sql("select count(*) from problem" + red.sql())).query(Long.class).single();
		long[] counts = new long[2];
		forEachRunning(scope, now, (id, light) -> counts[light == SlaLight.YELLOW ? 1 : 0]++);
		return new Lights(counts[0], counts[1], reds);
	}

	/**
	 * The caller's problems at their units with this SLA light now: red ones most overdue first, yellow and green ones
	 * nearest deadline first.
	 */
	public Page<ProblemDirectory.Listed> withLight(Actor actor, SlaLight light, PageRequest page) {
		if (light == SlaLight.RED) {
			return mostOverdue(actor, page);
		}
		OrganisationScope scope = organisation.scopeOf(actor);
		Instant now = clock.instant();
		List<UUID> ids = new ArrayList<>();
		long[] total = new long[1];
		forEachRunning(scope, now, (id, l) -> {
			if (l == light) {
				if (total[0] >= page.offset() && ids.size() < page.size()) {
					ids.add(id);
				}
				total[0]++;
			}
		});
		return Page.of(listed(ids, now), page, total[0]);
	}

	/** The caller's overdue problems at their units, the longest overdue first (earliest deadline). */
	public Page<ProblemDirectory.Listed> mostOverdue(Actor actor, PageRequest page) {
		OrganisationScope scope = organisation.scopeOf(actor);
		Instant now = clock.instant();
		SqlWhere where = ProblemRepository.scoped(scope).and(AT_UNIT + " and deadline < :now", "now",
				org.chuangwen.shared.SqlValues.at(now));
		long total = repository.count(where);
		List<Problem> items = total == 0 ? List.of() : repository.page(where, "deadline, id", page);
		return Page.of(items.stream().map(p -> new ProblemDirectory.Listed(p, deadlines.light(p, now))).toList(), page, total);
	}

	/** The caller's problems closed in [{@code from}, {@code to}) and still closed, latest closure first. */
	public Page<ProblemDirectory.Listed> closedBetween(Actor actor, Instant from, Instant to, PageRequest page) {
		OrganisationScope scope = organisation.scopeOf(actor);
		SqlWhere where = ProblemRepository.scoped(scope)
			.and("status = 'CLOSED' and closed_at >= :closedFrom", "closedFrom", org.chuangwen.shared.SqlValues.at(from))
			.and("closed_at < :closedTo", "closedTo", org.chuangwen.shared.SqlValues.at(to));
		long total = repository.count(where);
		List<Problem> items = total == 0 ? List.of() : repository.page(where, "closed_at desc, id desc", page);
		return Page.of(items.stream().map(p -> new ProblemDirectory.Listed(p, null)).toList(), page, total);
	}

	/**
	 * The points of the caller's scope with the most open problems (ties: more overdue first, then the point id), at
	 * most {@code limit} (≤ {@value #MAX_POINTS}). Read from the partial covering index {@code problem_open_point} (V140)
	 * of open problems at points: an index-only scan of the open problems, grouped in index order.
	 */
	public List<PointLoad> busiestPoints(Actor actor, int limit) {
		OrganisationScope scope = organisation.scopeOf(actor);
		SqlWhere where = ProblemRepository.scoped(scope).and(OPEN + " and point_id is not null", null, null);
		return where.bind(jdbc.sql("select point_id, count(*) as open, count(*) filter (where " + AT_UNIT
				+ " and deadline < :now) as overdue from problem" + where.sql()
				+ " group by point_id order by open desc, overdue desc, point_id limit :limit"))
			.param("now", org.chuangwen.shared.SqlValues.at(clock.instant()))
			.param("limit", Math.max(1, Math.min(limit, MAX_POINTS)))
			.query((rs, n) -> new PointLoad(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	/** How many points of the caller's scope have open problems (same index as {@link #busiestPoints}). */
	public long pointsWithOpenProblems(Actor actor) {
		OrganisationScope scope = organisation.scopeOf(actor);
		SqlWhere where = ProblemRepository.scoped(scope).and(OPEN + " and point_id is not null", null, null);
		return where.bind(jdbc.sql("select count(distinct point_id) from problem" + where.sql())).query(Long.class).single();
	}

	/**
	 * The figures of a period [{@code from}, {@code to}) in the caller's scope: reported (created in it), closed (closed
	 * in it and still closed), of those closed by their deadline, and fell overdue: the deadline passed in the period
	 * (and before now) while the problem was neither rectified nor closed (rejected and merged problems left out). Read
	 * through {@code problem_created}, {@code problem_closed_at} and {@code problem_deadline} (V140).
	 */
	public PeriodFigures period(Actor actor, Instant from, Instant to) {
		if (from == null || to == null || !from.isBefore(to)) {
			throw new InvalidInputException("to", "problems.error.period");
		}
		OrganisationScope scope = organisation.scopeOf(actor);
		Instant now = clock.instant();
		Instant until = to.isAfter(now) ? now : to;
		SqlWhere created = ProblemRepository.scoped(scope).and("created_at >= :from and created_at < :to", "from",
				org.chuangwen.shared.SqlValues.at(from));
		long reported = created.bind(jdbc.sql("select count(*) from problem" + created.sql()))
			.param("to", org.chuangwen.shared.SqlValues.at(to))
			.query(Long.class)
			.single();
		SqlWhere closedIn = ProblemRepository.scoped(scope)
			.and("status = 'CLOSED' and closed_at >= :from and closed_at < :to", "from", org.chuangwen.shared.SqlValues.at(from));
		long[] closed = closedIn.bind(jdbc.sql("select count(*), count(*) filter (where deadline is null or closed_at <= deadline"
				+ " or rectified_at <= deadline) from problem" + closedIn.sql()))
			.param("to", org.chuangwen.shared.SqlValues.at(to))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		long fell = 0;
		if (from.isBefore(until)) {
			SqlWhere overdue = ProblemRepository.scoped(scope)
				.and("deadline >= :from and deadline < :until", "from", org.chuangwen.shared.SqlValues.at(from))
				.and("status not in ('REJECTED', 'MERGED')", null, null)
				.and("(rectified_at is null or rectified_at > deadline) and (closed_at is null or closed_at > deadline)", null,
						null);
			fell = overdue.bind(jdbc.sql("select count(*) from problem" + overdue.sql()))
				.param("until", org.chuangwen.shared.SqlValues.at(until))
				.query(Long.class)
				.single();
		}
		return new PeriodFigures(reported, closed[0], closed[1], fell);
	}

	private interface LightSink {

		void accept(UUID id, SlaLight light);
	}

	/**
	 * Feeds the light of every problem of the scope at its unit that is not overdue, nearest deadline first. Working
	 * time is measured as differences on one cumulative scale: the working time from a fixed origin to the start of
	 * each day is computed once per day met, plus the working time within the instant's own day.
	 */
	private void forEachRunning(OrganisationScope scope, Instant now, LightSink sink) {
		WorkingTime time = calendar.current();
		ZoneId zone = time.zone();
		Map<LocalDate, Duration> dayStarts = new HashMap<>();
		LocalDate origin = LocalDate.ofInstant(now, zone).minusYears(1);
		Function<Instant, Duration> scale = new Function<>() {
			@Override
			public Duration apply(Instant t) {
				LocalDate day = LocalDate.ofInstant(t, zone);
				Instant dayStart = day.atStartOfDay(zone).toInstant();
				Duration before = dayStarts.get(day);
				if (before == null) {
					before = cumulative(day);
					dayStarts.put(day, before);
				}
				return before.plus(time.workingDurationBetween(dayStart, t));
			}

			private Duration cumulative(LocalDate day) {
				// from the nearest day already known (or the origin), one day at a time
				LocalDate known = null;
				for (LocalDate d = day.minusDays(1); d.isAfter(origin.minusDays(1)) && !d.isBefore(day.minusDays(31)); d = d.minusDays(1)) {
					if (dayStarts.containsKey(d)) {
						known = d;
						break;
					}
				}
				if (known == null) {
					return time.workingDurationBetween(origin.atStartOfDay(zone).toInstant(), day.atStartOfDay(zone).toInstant());
				}
				return dayStarts.get(known).plus(time.workingDurationBetween(known.atStartOfDay(zone).toInstant(),
						day.atStartOfDay(zone).toInstant()));
			}
		};
		Duration nowOnScale = scale.apply(now);
		SqlWhere where = ProblemRepository.scoped(scope).and(AT_UNIT + " and deadline >= :now", "now",
				org.chuangwen.shared.SqlValues.at(now));
		where.bind(jdbc.sql("select id, coalesce(clock_started_at, created_at) as started, deadline from problem"
				+ where.sql() + " order by deadline, id"))
			.query(rs -> {
				Instant start = org.chuangwen.shared.SqlValues.instant(rs, "started");
				Instant deadline = org.chuangwen.shared.SqlValues.instant(rs, "deadline");
				Duration startOnScale = scale.apply(start);
				Duration limit = scale.apply(deadline).minus(startOnScale);
				Duration used = now.isAfter(start) ? nowOnScale.minus(startOnScale) : Duration.ZERO;
				sink.accept(rs.getObject("id", UUID.class), SlaLight.of(now, deadline, used, limit));
			});
	}

	private List<ProblemDirectory.Listed> listed(List<UUID> ids, Instant now) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<UUID, Problem> byId = repository.findAll(ids).stream().collect(Collectors.toMap(Problem::id, p -> p));
		return ids.stream()
			.map(byId::get)
			.filter(java.util.Objects::nonNull)
			.map(p -> new ProblemDirectory.Listed(p, deadlines.light(p, now)))
			.toList();
	}
}
