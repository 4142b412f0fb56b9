package org.chuangwen.scoring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.problems.ProblemDispatched;
import org.chuangwen.problems.ProblemOverdue;
import org.chuangwen.problems.ProblemTransitioned;
import org.chuangwen.problems.UnitDayFigures;
import org.chuangwen.shared.SqlValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the per-unit per-day facts ({@code eval_unit_day}) that rankings read instead of the problems:
 * <ul>
 * <li>every change of a problem marks its (unit, dispatch day) in the transaction that changed it (a synchronous
 * listener: the mark commits or vanishes with the change, so a crash loses nothing);</li>
 * <li>{@link #drain()} claims marks with {@code FOR UPDATE SKIP LOCKED} (two instances never take the same mark),
 * recounts each pair from the problems ({@link UnitDayFigures}, never incremented: a retry gives the same row) and
 * upserts it; a row is only replaced by a count taken later than its own ({@code computed_at});</li>
 * <li>{@link #catchUp()} recounts every unit of the last days (the days a problem left when it moved to another
 * unit, overdue problems whose deadline passed without any event, anything missed while the app was down), one day per
 * transaction, one instance at a time per day (advisory lock).</li>
 * </ul>
 */
@Component
class UnitDayFacts {

	private static final Logger log = LoggerFactory.getLogger(UnitDayFacts.class);

	/** A row of the facts table. */
	record Row(UUID unitId, LocalDate day, FactSums sums) {
	}

	private final JdbcClient jdbc;

	private final UnitDayFigures figures;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final int catchUpDays;

	UnitDayFacts(JdbcClient jdbc, UnitDayFigures figures, Clock clock,
			org.springframework.transaction.PlatformTransactionManager transactions,
			@Value("${chuangwen.evaluation.catch-up-days:35}") int catchUpDays) {
		this.jdbc = jdbc;
		this.figures = figures;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
		this.catchUpDays = catchUpDays;
	}

	ZoneId zone() {
		return clock.getZone();
	}

	// marking

	@EventListener
	void on(ProblemTransitioned event) {
		markProblem(event.problemId());
	}

	@EventListener
	void on(ProblemDispatched event) {
		markProblem(event.problemId());
	}

	@EventListener
	void on(ProblemOverdue event) {
		markProblem(event.problemId());
	}

	void markProblem(UUID problemId) {
		figures.slotOf(problemId, zone()).ifPresent(slot -> mark(slot.unitId(), slot.day()));
	}

	void mark(UUID unitId, LocalDate day) {
		jdbc.sql("insert into eval_fact_mark (unit_id, day, marked_at) values (:unit, :day, :at) on conflict do nothing")
			.param("unit", unitId)
			.param("day", day)
			.param("at", SqlValues.at(clock.instant()))
			.update();
	}

	// recounting

	@Scheduled(fixedDelayString = "${chuangwen.evaluation.drain.every:PT30S}", initialDelayString = "PT25S")
	void scheduledDrain() {
		try {
			drain();
		}
		catch (RuntimeException ex) {
			log.warn("Recounting unit facts failed; the marks stay and are retried: {}", ex.toString());
		}
	}

	/** Recounts every marked (unit, day); answers how many. */
	int drain() {
		int total = 0;
		while (true) {
			Integer n = tx.execute(status -> {
				List<UnitDayFigures.Slot> claimed = jdbc.sql("""
						delete from eval_fact_mark m using (
						    select unit_id, day from eval_fact_mark order by marked_at limit 200 for update skip locked) c
						where m.unit_id = c.unit_id and m.day = c.day
						returning m.unit_id, m.day
						""")
					.query((rs, i) -> new UnitDayFigures.Slot(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class)))
					.list();
				for (UnitDayFigures.Slot slot : claimed) {
					Instant now = clock.instant();
					store(figures.of(slot.unitId(), slot.day(), zone(), now), now);
				}
				return claimed.size();
			});
			total += n == null ? 0 : n;
			if (n == null || n < 200) {
				return total;
			}
		}
	}

	@Scheduled(cron = "${chuangwen.evaluation.catch-up.cron:0 17 * * * *}")
	void scheduledCatchUp() {
		try {
			catchUp();
		}
		catch (RuntimeException ex) {
			log.warn("Catching up unit facts failed: {}", ex.toString());
		}
	}

	/** Recounts every unit of the last days (today included). */
	int catchUp() {
		LocalDate today = LocalDate.now(clock);
		return recount(today.minusDays(catchUpDays - 1L), today.plusDays(1));
	}

	/** Recounts every unit of every day in [from, to); answers the number of days recounted. */
	int recount(LocalDate from, LocalDate to) {
		int days = 0;
		for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
			LocalDate d = day;
			Boolean done = tx.execute(status -> {
				boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:key)")
					.param("key", ("eval_unit_day:" + d).hashCode())
					.query(Boolean.class)
					.single();
				if (!locked) {
					return false;
				}
				Instant now = clock.instant();
				List<UnitDayFigures.Counts> counts = figures.ofDay(d, zone(), now);
				for (UnitDayFigures.Counts c : counts) {
					store(c, now);
				}
				UUID[] units = counts.stream().map(UnitDayFigures.Counts::unitId).toArray(UUID[]::new);
				jdbc.sql("delete from eval_unit_day where day = :day and not (unit_id = any(:units))")
					.param("day", d)
					.param("units", units)
					.update();
				return true;
			});
			if (Boolean.TRUE.equals(done)) {
				days++;
			}
		}
		tx.executeWithoutResult(status -> jdbc.sql("""
				insert into eval_fact_catchup (id, ran_at, from_day, to_day) values (1, :at, :from, :to)
				on conflict (id) do update set ran_at = excluded.ran_at, from_day = excluded.from_day, to_day = excluded.to_day
				""").param("at", SqlValues.at(clock.instant())).param("from", from).param("to", to).update());
		return days;
	}

	/** Recounts everything from the first dispatched problem (the demo city, a new installation, an operator). */
	int rebuildAll() {
		LocalDate today = LocalDate.now(clock);
		LocalDate first = figures.firstDispatch().map(i -> i.atZone(zone()).toLocalDate()).orElse(today);
		return recount(first, today.plusDays(1));
	}

	private void store(UnitDayFigures.Counts c, Instant now) {
		if (c.dispatched() == 0) {
			jdbc.sql("delete from eval_unit_day where unit_id = :unit and day = :day and computed_at <= :at")
				.param("unit", c.unitId())
				.param("day", c.day())
				.param("at", SqlValues.at(now))
				.update();
			return;
		}
		jdbc.sql("""
				insert into eval_unit_day as f (unit_id, day, dispatched, disposed, disposed_on_time, closed, closed_on_time,
				                                rectified, reworked, ever_closed, relapsed, overdue, computed_at)
				values (:unit, :day, :dispatched, :disposed, :disposedOnTime, :closed, :closedOnTime, :rectified,
				        :reworked, :everClosed, :relapsed, :overdue, :at)
				on conflict (unit_id, day) do update set dispatched = excluded.dispatched, disposed = excluded.disposed,
				    disposed_on_time = excluded.disposed_on_time, closed = excluded.closed,
				    closed_on_time = excluded.closed_on_time, rectified = excluded.rectified, reworked = excluded.reworked,
				    ever_closed = excluded.ever_closed, relapsed = excluded.relapsed, overdue = excluded.overdue,
				    computed_at = excluded.computed_at
				where f.computed_at <= excluded.computed_at
				""")
			.param("unit", c.unitId())
			.param("day", c.day())
			.param("dispatched", c.dispatched())
			.param("disposed", c.disposed())
			.param("disposedOnTime", c.disposedOnTime())
			.param("closed", c.closed())
			.param("closedOnTime", c.closedOnTime())
			.param("rectified", c.rectified())
			.param("reworked", c.reworked())
			.param("everClosed", c.everClosed())
			.param("relapsed", c.relapsed())
			.param("overdue", c.overdue())
			.param("at", SqlValues.at(now))
			.update();
	}

	// reading

	/** The sums of every unit with facts in [from, to): one grouped read of units × days rows. */
	Map<UUID, FactSums> sums(LocalDate from, LocalDate to) {
		Map<UUID, FactSums> sums = new HashMap<>();
		jdbc.sql("""
				select unit_id, sum(dispatched) as dispatched, sum(disposed) as disposed, sum(disposed_on_time) as dot,
				       sum(closed) as closed, sum(closed_on_time) as cot, sum(rectified) as rectified,
				       sum(reworked) as reworked, sum(ever_closed) as ever_closed, sum(relapsed) as relapsed,
				       sum(overdue) as overdue
				from eval_unit_day where day >= :from and day < :to
				group by unit_id
				""")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> sums.put(rs.getObject(1, UUID.class),
					FactSums.problems(rs.getLong("dispatched"), rs.getLong("disposed"), rs.getLong("dot"),
							rs.getLong("closed"), rs.getLong("cot"), rs.getLong("rectified"), rs.getLong("reworked"),
							rs.getLong("ever_closed"), rs.getLong("relapsed"), rs.getLong("overdue"))))
			.list();
		return sums;
	}

	/** The days of one unit in [from, to) (the scorecard's day-by-day table). */
	List<Row> days(UUID unitId, LocalDate from, LocalDate to) {
		List<Row> rows = new ArrayList<>();
		jdbc.sql("""
				select * from eval_unit_day where unit_id = :unit and day >= :from and day < :to order by day
				""")
			.param("unit", unitId)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> rows.add(new Row(unitId, rs.getObject("day", LocalDate.class),
					FactSums.problems(rs.getLong("dispatched"), rs.getLong("disposed"), rs.getLong("disposed_on_time"),
							rs.getLong("closed"), rs.getLong("closed_on_time"), rs.getLong("rectified"),
							rs.getLong("reworked"), rs.getLong("ever_closed"), rs.getLong("relapsed"),
							rs.getLong("overdue")))))
			.list();
		return rows;
	}

	/** Marks not yet drained (for the operator and the tests). */
	long pendingMarks() {
		return jdbc.sql("select count(*) from eval_fact_mark").query(Long.class).single();
	}
}
