package org.chuangwen.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.shared.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per unit, how it did on its tasks and weekly reports in a period (for the scoring module's unit performance, DOMAIN
 * §9). No actor: the caller scopes what it shows.
 */
@Service
@Transactional(readOnly = true)
public class UnitTaskFigures {

	/**
	 * @param tasksDue tasks of the unit whose deadline fell in the period (cancelled ones left out)
	 * @param tasksDone of those, accepted by the office
	 * @param reportsDue weekly (or daily) reports of the unit for report days in the period
	 * @param reportsOnTime of those, submitted before the period's close
	 */
	public record Figures(UUID unitId, int tasksDue, int tasksDone, int reportsDue, int reportsOnTime) {
	}

	private final JdbcClient jdbc;

	UnitTaskFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The figures of every unit with tasks or reports in [from, to) (report days in [fromDay, toDay)). */
	public Map<UUID, Figures> between(Instant from, Instant to, LocalDate fromDay, LocalDate toDay) {
		Map<UUID, int[]> sums = new HashMap<>();
		jdbc.sql("""
				select unit_id, count(*) as due, count(*) filter (where status = 'ACCEPTED') as done
				from task where deadline >= :from and deadline < :to and status <> 'CANCELLED'
				group by unit_id
				""")
			.param("from", SqlValues.at(from))
			.param("to", SqlValues.at(to))
			.query((rs, n) -> {
				int[] s = sums.computeIfAbsent(rs.getObject(1, UUID.class), k -> new int[4]);
				s[0] = rs.getInt("due");
				s[1] = rs.getInt("done");
				return null;
			})
			.list();
		jdbc.sql("""
				select unit_id, count(*) as due, count(*) filter (where submitted_at is not null and not late) as on_time
				from weekly_report where period_date >= :from and period_date < :to
				group by unit_id
				""")
			.param("from", fromDay)
			.param("to", toDay)
			.query((rs, n) -> {
				int[] s = sums.computeIfAbsent(rs.getObject(1, UUID.class), k -> new int[4]);
				s[2] = rs.getInt("due");
				s[3] = rs.getInt("on_time");
				return null;
			})
			.list();
		Map<UUID, Figures> figures = new HashMap<>();
		sums.forEach((unit, s) -> figures.put(unit, new Figures(unit, s[0], s[1], s[2], s[3])));
		return figures;
	}
}
