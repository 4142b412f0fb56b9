package org.chuangwen.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notices, their problems, the number counters and the ladder rows, in plain SQL. */
@Repository
class NoticeRepository {

	/**
	 * One problem's place on the ladder: the step it reached in its current cycle (1 for its first climb, one more
	 * each time it re-entered the ladder after a stop), and when that cycle began.
	 */
	record Rung(UUID problemId, UUID unitId, NoticeKind step, UUID noticeId, Instant nextCheckAt, Instant stoppedAt,
			int cycle, Instant enteredAt) {
	}

	/** A list query's WHERE clause with its parameters. */
	record Where(String sql, Map<String, Object> params) {
	}

	/** A notice that was settled: its id and new state. */
	record Settled(UUID id, String number, NoticeState before, NoticeState state) {
	}

	private static final String COLUMNS = """
			n.id, n.kind, n.year, n.seq, n.number, n.unit_id, n.unit_name, n.jurisdiction_path, n.leader_id, n.leader_name,
			n.issuer, n.issued_at, n.deadline, n.state, n.issued_by, n.reason, n.explanation_blob_id, n.explanation_filename,
			n.explanation_at, n.explanation_by, n.settled_at, n.version""";

	private final JdbcClient jdbc;

	NoticeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// numbering

	/**
	 * The next number of this kind in this year. The counter row is created or incremented in the caller's
	 * transaction and stays locked until it ends: numbers are given in order, without gaps, never twice.
	 */
	int nextNumber(int year, NoticeKind kind) {
		return jdbc.sql("""
				insert into notice_counter (year, kind, last_number) values (:year, :kind, 1)
				on conflict (year, kind) do update set last_number = notice_counter.last_number + 1
				returning last_number
				""").param("year", year).param("kind", kind.name()).query(Integer.class).single();
	}

	// notices

	void insert(Notice n) {
		jdbc.sql("""
				insert into notice (id, kind, year, seq, number, unit_id, unit_name, jurisdiction_path, leader_id,
				                    leader_name, issuer, issued_at, deadline, state, issued_by, reason)
				values (:id, :kind, :year, :seq, :number, :unit, :unitName, :path, :leader, :leaderName, :issuer, :issuedAt,
				        :deadline, :state, :issuedBy, :reason)
				""")
			.param("id", n.id())
			.param("kind", n.kind().name())
			.param("year", n.year())
			.param("seq", n.seq())
			.param("number", n.number())
			.param("unit", n.unitId())
			.param("unitName", n.unitName())
			.param("path", n.jurisdictionPath())
			.param("leader", n.leaderId())
			.param("leaderName", n.leaderName())
			.param("issuer", n.issuer())
			.param("issuedAt", utc(n.issuedAt()))
			.param("deadline", utc(n.deadline()))
			.param("state", n.state().name())
			.param("issuedBy", n.issuedBy())
			.param("reason", n.reason())
			.update();
		int position = 0;
		for (NoticeProblem p : n.problems()) {
			jdbc.sql("""
					insert into notice_problem (notice_id, problem_id, kind, position, problem_number, category_name,
					                            description, location, problem_deadline, cycle)
					values (:notice, :problem, :kind, :position, :number, :category, :description, :location, :deadline,
					        coalesce((select l.cycle from escalation_ladder l where l.problem_id = :problem), 1))
					""")
				.param("notice", n.id())
				.param("problem", p.problemId())
				.param("kind", n.kind().name())
				.param("position", position++)
				.param("number", p.number())
				.param("category", p.categoryName())
				.param("description", p.description())
				.param("location", p.location())
				.param("deadline", utc(p.deadline()))
				.update();
		}
	}

	/** Of these problems, those that already had a notice of this kind in their current cycle on the ladder. */
	List<UUID> alreadyNoticed(Collection<UUID> problemIds, NoticeKind kind) {
		if (problemIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select p.problem_id from notice_problem p
				where p.kind = :kind and p.problem_id = any(:ids)
				  and p.cycle = coalesce((select l.cycle from escalation_ladder l where l.problem_id = p.problem_id), 1)
				""")
			.param("kind", kind.name())
			.param("ids", problemIds.toArray(UUID[]::new))
			.query(UUID.class)
			.list();
	}

	Optional<Notice> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from notice n where n.id = :id")
			.param("id", id)
			.query(NoticeRepository::notice)
			.optional()
			.map(n -> n.withProblems(problemsOf(List.of(n.id())).getOrDefault(n.id(), List.of())));
	}

	/** The notice, locked for a change, without its problems. */
	Optional<Notice> lock(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from notice n where n.id = :id for update")
			.param("id", id)
			.query(NoticeRepository::notice)
			.optional();
	}

	static Where filtered(OrganisationScope scope, NoticeFilter filter) {
		StringBuilder sql = new StringBuilder("where true");
		Map<String, Object> params = new HashMap<>();
		if (scope.isUnitBound()) {
			sql.append(" and n.unit_id = :scopeUnit");
			params.put("scopeUnit", scope.unitId());
		}
		else if (scope.path() != null) {
			sql.append(" and n.jurisdiction_path like :scopePath");
			params.put("scopePath", like(scope.path()));
		}
		if (filter.kind() != null) {
			sql.append(" and n.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (filter.unitId() != null) {
			sql.append(" and n.unit_id = :unit");
			params.put("unit", filter.unitId());
		}
		if (filter.year() != null) {
			sql.append(" and n.year = :year");
			params.put("year", filter.year());
		}
		if (filter.state() != null) {
			sql.append(" and n.state = :state");
			params.put("state", filter.state().name());
		}
		if (filter.problemId() != null) {
			sql.append(" and exists (select 1 from notice_problem p where p.notice_id = n.id and p.problem_id = :problem)");
			params.put("problem", filter.problemId());
		}
		return new Where(sql.toString(), params);
	}

	private static String like(String prefix) {
		return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	long count(Where where) {
		return jdbc.sql("select count(*) from notice n " + where.sql()).params(where.params()).query(Long.class).single();
	}

	/** A page of notices, newest first, each with its problems (one query for the page's problems). */
	List<Notice> page(Where where, PageRequest page) {
		List<Notice> notices = jdbc.sql("select " + COLUMNS + " from notice n "
				+ where.sql() + " order by n.issued_at desc, n.id desc limit :limit offset :offset")
			.params(where.params())
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(NoticeRepository::notice)
			.list();
		Map<UUID, List<NoticeProblem>> problems = problemsOf(notices.stream().map(Notice::id).toList());
		return notices.stream().map(n -> n.withProblems(problems.getOrDefault(n.id(), List.of()))).toList();
	}

	/** The years in which notices within the scope were issued, latest first. */
	List<Integer> years(Where where) {
		return jdbc.sql("select distinct n.year from notice n " + where.sql() + " order by n.year desc")
			.params(where.params())
			.query(Integer.class)
			.list();
	}

	private Map<UUID, List<NoticeProblem>> problemsOf(List<UUID> noticeIds) {
		Map<UUID, List<NoticeProblem>> byNotice = new LinkedHashMap<>();
		if (noticeIds.isEmpty()) {
			return byNotice;
		}
		jdbc.sql("""
				select notice_id, problem_id, problem_number, category_name, description, location, problem_deadline, outcome
				from notice_problem where notice_id = any(:ids) order by notice_id, position
				""").param("ids", noticeIds.toArray(UUID[]::new)).query((rs, n) -> {
			byNotice.computeIfAbsent(rs.getObject("notice_id", UUID.class), k -> new ArrayList<>())
				.add(new NoticeProblem(rs.getObject("problem_id", UUID.class), rs.getString("problem_number"),
						rs.getString("category_name"), rs.getString("description"), rs.getString("location"),
						instant(rs, "problem_deadline"), rs.getString("outcome")));
			return null;
		}).list();
		return byNotice;
	}

	/** Records the admonition's explanation; answers false when the notice changed meanwhile. */
	boolean recordExplanation(UUID id, int version, UUID blobId, String filename, UUID by, Instant at) {
		return jdbc.sql("""
				update notice set explanation_blob_id = :blob, explanation_filename = :name, explanation_by = :by,
				                  explanation_at = :at, state = 'ANSWERED', version = version + 1
				where id = :id and version = :version
				""")
			.param("blob", blobId)
			.param("name", filename)
			.param("by", by)
			.param("at", utc(at))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/** Marks what became of these problems on the notices of this step (ESCALATED or STOPPED). */
	List<UUID> markOutcome(Collection<UUID> problemIds, NoticeKind kind, String outcome) {
		if (problemIds.isEmpty()) {
			return List.of();
		}
		// lock the notices first (in id order): another transaction settling a problem of the same notice waits, and
		// then sees this outcome, so the last one to settle a problem of a notice settles the notice
		jdbc.sql("""
				select n.id from notice n
				where n.id in (select p.notice_id from notice_problem p where p.kind = :kind and p.problem_id = any(:ids))
				order by n.id for update
				""")
			.param("kind", kind.name())
			.param("ids", problemIds.toArray(UUID[]::new))
			.query(UUID.class)
			.list();
		return jdbc.sql("""
				update notice_problem set outcome = :outcome
				where kind = :kind and problem_id = any(:ids) and outcome is null
				returning notice_id
				""")
			.param("outcome", outcome)
			.param("kind", kind.name())
			.param("ids", problemIds.toArray(UUID[]::new))
			.query(UUID.class)
			.list();
	}

	/**
	 * Settles the open notices among these whose every problem has an outcome: superseded when one of them went on to
	 * the next step, resolved otherwise.
	 */
	List<Settled> settle(Collection<UUID> noticeIds, Instant now) {
		if (noticeIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				with done as (
				    select n.id, n.state as before from notice n
				    where n.id = any(:ids) and n.state in ('ISSUED', 'ANSWERED')
				      and not exists (select 1 from notice_problem p where p.notice_id = n.id and p.outcome is null)
				    for update)
				update notice n
				set state = case when exists (select 1 from notice_problem p where p.notice_id = n.id and p.outcome = 'ESCALATED')
				                 then 'SUPERSEDED' else 'RESOLVED' end,
				    settled_at = :now, version = n.version + 1
				from done where n.id = done.id
				returning n.id, n.number, done.before, n.state
				""")
			.param("ids", noticeIds.stream().distinct().toArray(UUID[]::new))
			.param("now", utc(now))
			.query((rs, n) -> new Settled(rs.getObject(1, UUID.class), rs.getString(2), NoticeState.valueOf(rs.getString(3)),
					NoticeState.valueOf(rs.getString(4))))
			.list();
	}

	// the ladder

	/**
	 * Puts problems on the ladder at a step, in a new cycle: those never on it start cycle 1; those whose ladder was
	 * stopped (closed, then reopened or relapsed) start their next cycle. Answers those that entered; a problem still
	 * climbing is left alone. Whoever writes first wins: a concurrent insert or restart waits for the row and then
	 * finds it taken (not stopped any more).
	 */
	List<UUID> enter(Collection<UUID> problemIds, UUID unitId, NoticeKind step, Instant now) {
		List<UUID> entered = new ArrayList<>();
		for (UUID problem : problemIds) {
			jdbc.sql("""
					insert into escalation_ladder (problem_id, unit_id, step, next_check_at, updated_at, cycle, entered_at)
					values (:problem, :unit, :step, :now, :now, 1, :now)
					on conflict (problem_id) do update
					set unit_id = excluded.unit_id, step = excluded.step, notice_id = null,
					    next_check_at = excluded.next_check_at, stopped_at = null, stop_reason = null,
					    updated_at = excluded.updated_at, cycle = escalation_ladder.cycle + 1,
					    entered_at = excluded.entered_at
					where escalation_ladder.stopped_at is not null
					returning problem_id
					""")
				.param("problem", problem)
				.param("unit", unitId)
				.param("step", step.name())
				.param("now", utc(now))
				.query(UUID.class)
				.optional()
				.ifPresent(entered::add);
		}
		return entered;
	}

	/** Problems of this list climbing the ladder now (a stopped ladder may be entered again in a new cycle). */
	List<UUID> onLadder(Collection<UUID> problemIds) {
		if (problemIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select problem_id from escalation_ladder where problem_id = any(:ids) and stopped_at is null")
			.param("ids", problemIds.toArray(UUID[]::new))
			.query(UUID.class)
			.list();
	}

	/**
	 * Claims up to {@code limit} ladder rows due for a look at {@code now}, unit by unit (so that the problems of one
	 * unit reaching the same step share a notice); rows another instance holds are skipped.
	 */
	List<Rung> claimDue(Instant now, int limit) {
		return jdbc.sql("""
				select problem_id, unit_id, step, notice_id, next_check_at, stopped_at, cycle, entered_at from escalation_ladder
				where stopped_at is null and next_check_at <= :now
				order by unit_id, problem_id
				limit :limit
				for update skip locked
				""").param("now", utc(now)).param("limit", limit).query(NoticeRepository::rung).list();
	}

	/** One problem's ladder row, locked. */
	Optional<Rung> lockRung(UUID problemId) {
		return jdbc.sql("""
				select problem_id, unit_id, step, notice_id, next_check_at, stopped_at, cycle, entered_at from escalation_ladder
				where problem_id = :problem for update
				""").param("problem", problemId).query(NoticeRepository::rung).optional();
	}

	Optional<Rung> rung(UUID problemId) {
		return jdbc.sql("""
				select problem_id, unit_id, step, notice_id, next_check_at, stopped_at, cycle, entered_at from escalation_ladder
				where problem_id = :problem
				""").param("problem", problemId).query(NoticeRepository::rung).optional();
	}

	void reached(Collection<UUID> problemIds, UUID unitId, NoticeKind step, UUID noticeId, Instant nextCheckAt,
			Instant now) {
		jdbc.sql("""
				update escalation_ladder set unit_id = :unit, step = :step, notice_id = :notice, next_check_at = :next,
				                             updated_at = :now
				where problem_id = any(:ids)
				""")
			.param("unit", unitId)
			.param("step", step.name())
			.param("notice", noticeId)
			.param("next", utc(nextCheckAt))
			.param("now", utc(now))
			.param("ids", problemIds.toArray(UUID[]::new))
			.update();
	}

	void postpone(UUID problemId, Instant nextCheckAt, Instant now) {
		jdbc.sql("update escalation_ladder set next_check_at = :next, updated_at = :now where problem_id = :problem")
			.param("next", utc(nextCheckAt))
			.param("now", utc(now))
			.param("problem", problemId)
			.update();
	}

	/**
	 * Stops a problem's ladder for what happened to it at {@code at}; answers the step it had reached, or empty when it
	 * was not on it, was stopped already, or its current cycle began after {@code at} (a late report of an earlier
	 * closing does not stop the climb of a relapse).
	 */
	Optional<NoticeKind> stop(UUID problemId, String reason, Instant at) {
		return jdbc.sql("""
				update escalation_ladder set stopped_at = :at, stop_reason = :reason, updated_at = :at
				where problem_id = :problem and stopped_at is null and entered_at <= :at
				returning step
				""")
			.param("at", utc(at))
			.param("reason", reason)
			.param("problem", problemId)
			.query(String.class)
			.optional()
			.map(NoticeKind::valueOf);
	}

	private static Rung rung(ResultSet rs, int n) throws SQLException {
		return new Rung(rs.getObject("problem_id", UUID.class), rs.getObject("unit_id", UUID.class),
				NoticeKind.valueOf(rs.getString("step")), rs.getObject("notice_id", UUID.class),
				instant(rs, "next_check_at"), instant(rs, "stopped_at"), rs.getInt("cycle"), instant(rs, "entered_at"));
	}

	static Notice notice(ResultSet rs, int n) throws SQLException {
		return new Notice(rs.getObject("id", UUID.class), NoticeKind.valueOf(rs.getString("kind")), rs.getInt("year"),
				rs.getInt("seq"), rs.getString("number"), rs.getObject("unit_id", UUID.class), rs.getString("unit_name"),
				rs.getString("jurisdiction_path"), rs.getObject("leader_id", UUID.class), rs.getString("leader_name"),
				rs.getString("issuer"), instant(rs, "issued_at"), instant(rs, "deadline"),
				NoticeState.valueOf(rs.getString("state")), rs.getObject("issued_by", UUID.class), rs.getString("reason"),
				rs.getObject("explanation_blob_id", UUID.class), rs.getString("explanation_filename"),
				instant(rs, "explanation_at"), rs.getObject("explanation_by", UUID.class), instant(rs, "settled_at"),
				rs.getInt("version"), List.of());
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
