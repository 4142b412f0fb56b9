package org.chuangwen.problems;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.organisation.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Small figures for the home pages that the other queries do not answer: where the problems a person reported stand
 * now (an inspector's or grid worker's "my reports"). A problem merged into another counts as the one it went into
 * (its reporters move with it).
 */
@Service
@Transactional(readOnly = true)
public class ProblemFigures {

	private final JdbcClient jdbc;

	ProblemFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
}
