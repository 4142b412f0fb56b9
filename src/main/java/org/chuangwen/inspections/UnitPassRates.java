package org.chuangwen.inspections;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.shared.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pass rate of the inspections at each unit's points in a period (any framework, any round kind): the sum of the
 * get fractions of the applicable observations, and their number. No actor: the caller scopes what it shows.
 */
@Service
@Transactional(readOnly = true)
public class UnitPassRates {

	/** The sums behind one unit's pass rate: {@code getSum / applicable}. */
	public record Sums(UUID unitId, BigDecimal getSum, long applicable) {
	}

	private final JdbcClient jdbc;

	UnitPassRates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The sums of every unit observed in [from, to) (by the unit responsible for the point when observed). */
	public Map<UUID, Sums> between(Instant from, Instant to) {
		Map<UUID, Sums> sums = new HashMap<>();
		jdbc.sql("""
				select unit_id, coalesce(sum(get_fraction), 0) as get_sum, count(*) as applicable
				from inspection_observation
				where observed_at >= :from and observed_at < :to and unit_id is not null and result <> 'NOT_APPLICABLE'
				group by unit_id
				""")
			.param("from", SqlValues.at(from))
			.param("to", SqlValues.at(to))
			.query((rs, n) -> sums.put(rs.getObject(1, UUID.class),
					new Sums(rs.getObject(1, UUID.class), rs.getBigDecimal("get_sum"), rs.getLong("applicable"))))
			.list();
		return sums;
	}
}
