package org.chuangwen.problems;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.points.OpenProblemCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the point map how many open problems each point has, so pins with open problems are drawn red. */
@Component
class PointProblemCounts implements OpenProblemCounts {

	private final JdbcClient jdbc;

	PointProblemCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UUID, Integer> openProblems(Collection<UUID> pointIds) {
		Map<UUID, Integer> counts = new HashMap<>();
		if (pointIds == null || pointIds.isEmpty()) {
			return counts;
		}
		List<UUID> ids = List.copyOf(pointIds);
		for (int from = 0; from < ids.size(); from += 1000) {
			jdbc.sql("""
					select point_id, count(*) from problem
					where point_id in (:ids) and status not in ('CLOSED', 'REJECTED', 'MERGED')
					group by point_id
					""")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
				.query((rs, n) -> counts.put(rs.getObject(1, UUID.class), rs.getInt(2)))
				.list();
		}
		return counts;
	}
}
