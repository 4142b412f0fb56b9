package org.chuangwen.problems;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.chuangwen.shared.SqlWhere;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.chuangwen.shared.SqlValues.at;
import static org.chuangwen.shared.SqlValues.escapeLike;
import static org.chuangwen.shared.SqlValues.instant;

/**
 * Problems by the time they were reported, for public feeds that apply their own rules (Open311 GET requests): a time
 * window, optionally some categories, open or finished, inside a jurisdiction subtree; newest first. Served by the
 * created_at indexes (V72 {@code problem_created}, V56); the window bounds how much is read.
 */
@Service
@Transactional(readOnly = true)
public class ReportedWindow {

	/**
	 * What to list. {@code categoryCodes} empty: every category; {@code finished} null: any state, true: closed,
	 * rejected or merged, false: still open; {@code jurisdictionPath} null: the whole tree.
	 */
	public record Filter(Instant from, Instant to, Collection<String> categoryCodes, Boolean finished,
			String jurisdictionPath) {
	}

	private static final String FINISHED = "status in ('CLOSED', 'REJECTED', 'MERGED')";

	/** Written exactly as the predicate of the partial index problem_open_created (V150), so the planner uses it. */
	private static final String OPEN = "status not in ('CLOSED', 'REJECTED', 'MERGED')";

	private final JdbcClient jdbc;

	ReportedWindow(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Problems reported in [from, to] matching the filter, newest first, skipping {@code offset}, at most {@code limit}. */
	public List<Problem> reported(Filter filter, long offset, int limit) {
		SqlWhere where = new SqlWhere().and("created_at >= :from", "from", at(filter.from()))
			.and("created_at <= :to", "to", at(filter.to()));
		if (filter.categoryCodes() != null && !filter.categoryCodes().isEmpty()) {
			where.and("category_code in (:categories)", "categories", List.copyOf(filter.categoryCodes()));
		}
		if (filter.finished() != null) {
			where.and(filter.finished() ? FINISHED : OPEN, null, null);
		}
		if (filter.jurisdictionPath() != null) {
			where.and("jurisdiction_path like :path", "path", escapeLike(filter.jurisdictionPath()) + "%");
		}
		return where.bind(jdbc.sql("select * from problem" + where.sql()
				+ " order by created_at desc, id desc limit :limit offset :offset"))
			.param("limit", limit)
			.param("offset", offset)
			.query(ProblemRepository::problem)
			.list();
	}

	/** The problems with these numbers (the ids third parties know them by) that exist. */
	public List<Problem> byNumbers(Collection<String> numbers) {
		if (numbers.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from problem where number in (:numbers) order by created_at desc, id desc")
			.param("numbers", List.copyOf(numbers))
			.query(ProblemRepository::problem)
			.list();
	}

	/** When each of these problems last changed (its latest timeline row), by id. */
	public Map<UUID, Instant> lastChanges(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select problem_id, max(at) as at from problem_event where problem_id = any(:ids) group by problem_id")
			.param("ids", ids.toArray(UUID[]::new))
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), instant(rs, "at")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** The reason the latest rejection of a problem gave (shown to its reporter), if it was rejected. */
	public Map<UUID, String> rejectionReasons(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select distinct on (problem_id) problem_id, reason from problem_event
				where problem_id = any(:ids) and to_status = 'REJECTED' and reason is not null
				order by problem_id, id desc
				""")
			.param("ids", ids.toArray(UUID[]::new))
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}
}
