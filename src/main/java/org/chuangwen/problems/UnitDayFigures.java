package org.chuangwen.problems;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.shared.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The problems one unit was given on one day, counted by where they stand now: the source of the scoring module's
 * per-unit per-day facts (DOMAIN §9). A problem belongs to the unit that handles it now and to the day (in the given
 * time zone) it was dispatched to that unit; merged and rejected problems do not count. Every figure is recomputed
 * from the problems each time (never incremented), so reading it again gives the same answer.
 */
@Service
@Transactional(readOnly = true)
public class UnitDayFigures {

	/**
	 * The counts of one unit and day.
	 *
	 * @param dispatched problems given to the unit that day (应处置数)
	 * @param disposed rectified or closed now (处置数)
	 * @param disposedOnTime of those, rectified by the deadline
	 * @param closed closed now (销号)
	 * @param closedOnTime of those, closed by the deadline
	 * @param rectified rectified at least once (the denominator of the rework rate)
	 * @param reworked sent back for rework at least once (返工)
	 * @param everClosed closed at least once (the denominator of the relapse rate)
	 * @param relapsed reopened after a failed re-check at least once (反弹)
	 * @param overdue at the unit past the deadline now, or rectified after it
	 */
	public record Counts(UUID unitId, LocalDate day, int dispatched, int disposed, int disposedOnTime, int closed,
			int closedOnTime, int rectified, int reworked, int everClosed, int relapsed, int overdue) {
	}

	/** Where a problem is counted: its unit and the day it was dispatched (empty when not dispatched to a unit). */
	public record Slot(UUID unitId, LocalDate day) {
	}

	private static final String COUNTS = """
			select p.unit_id,
			       count(*) as dispatched,
			       count(*) filter (where p.status in ('RECTIFIED', 'CLOSED')) as disposed,
			       count(*) filter (where p.status in ('RECTIFIED', 'CLOSED') and p.rectified_at <= p.deadline) as disposed_on_time,
			       count(*) filter (where p.status = 'CLOSED') as closed,
			       count(*) filter (where p.status = 'CLOSED' and p.closed_at <= p.deadline) as closed_on_time,
			       count(*) filter (where p.rectified_at is not null) as rectified,
			       count(*) filter (where p.reworked) as reworked,
			       count(*) filter (where p.closed_at is not null or p.relapses > 0) as ever_closed,
			       count(*) filter (where p.relapses > 0) as relapsed,
			       count(*) filter (where (p.status in ('DISPATCHED', 'CLAIMED', 'REWORK') and p.deadline < :now)
			                           or p.rectified_at > p.deadline) as overdue
			from (select q.*, exists (select 1 from problem_event e where e.problem_id = q.id and e.to_status = 'REWORK') as reworked
			      from problem q
			      where q.dispatched_at >= :from and q.dispatched_at < :to and q.unit_id is not null
			        and q.status not in ('MERGED', 'REJECTED') %s) p
			group by p.unit_id
			""";

	private final JdbcClient jdbc;

	UnitDayFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The counts of one unit and day (zeros when the unit was given nothing that day). */
	public Counts of(UUID unitId, LocalDate day, ZoneId zone, Instant now) {
		List<Counts> rows = jdbc.sql(COUNTS.formatted("and q.unit_id = :unit"))
			.param("unit", unitId)
			.param("from", SqlValues.at(day.atStartOfDay(zone).toInstant()))
			.param("to", SqlValues.at(day.plusDays(1).atStartOfDay(zone).toInstant()))
			.param("now", SqlValues.at(now))
			.query((rs, n) -> counts(rs, day))
			.list();
		return rows.isEmpty() ? new Counts(unitId, day, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) : rows.get(0);
	}

	/** The counts of every unit that was given anything on the day. */
	public List<Counts> ofDay(LocalDate day, ZoneId zone, Instant now) {
		return jdbc.sql(COUNTS.formatted(""))
			.param("from", SqlValues.at(day.atStartOfDay(zone).toInstant()))
			.param("to", SqlValues.at(day.plusDays(1).atStartOfDay(zone).toInstant()))
			.param("now", SqlValues.at(now))
			.query((rs, n) -> counts(rs, day))
			.list();
	}

	/** Where the problem is counted now. */
	public Optional<Slot> slotOf(UUID problemId, ZoneId zone) {
		return jdbc.sql("select unit_id, dispatched_at from problem where id = :id and unit_id is not null and dispatched_at is not null")
			.param("id", problemId)
			.query((rs, n) -> new Slot(rs.getObject(1, UUID.class),
					SqlValues.instant(rs, "dispatched_at").atZone(zone).toLocalDate()))
			.optional();
	}

	/** Every unit the problem was ever with (its timeline), for recounting the days of units it left. */
	public List<UUID> unitsOf(UUID problemId) {
		return jdbc.sql("select distinct unit_id from problem_event where problem_id = :id and unit_id is not null")
			.param("id", problemId)
			.query(UUID.class)
			.list();
	}

	/** The earliest dispatch instant of any problem (to know where a full rebuild of the facts starts). */
	public Optional<Instant> firstDispatch() {
		return jdbc.sql("select min(dispatched_at) from problem")
			.query((rs, n) -> SqlValues.instant(rs, "min"))
			.optional()
			.filter(java.util.Objects::nonNull);
	}

	private static Counts counts(ResultSet rs, LocalDate day) throws SQLException {
		return new Counts(rs.getObject("unit_id", UUID.class), day, rs.getInt("dispatched"), rs.getInt("disposed"),
				rs.getInt("disposed_on_time"), rs.getInt("closed"), rs.getInt("closed_on_time"), rs.getInt("rectified"),
				rs.getInt("reworked"), rs.getInt("ever_closed"), rs.getInt("relapsed"), rs.getInt("overdue"));
	}
}
