package org.chuangwen.problems;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.shared.SqlWhere;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.chuangwen.shared.SqlValues.escapeLike;
import static org.chuangwen.shared.SqlValues.at;
import static org.chuangwen.shared.SqlValues.instant;

/** The problem tables (V56). Every list query is bounded by the caller's scope and served by an index. */
@Repository
class ProblemRepository {

	private static final String AT_UNIT = "status in ('DISPATCHED', 'CLAIMED', 'REWORK')";

	private final JdbcClient jdbc;

	ProblemRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The next number of the year, from the year's sequence (V71). Unique and increasing within the year, drawn without
	 * a lock held to the commit, so concurrent intakes do not wait for each other. Gaps are accepted: a draw is not
	 * rolled back with its transaction, so a refused or failed intake leaves its number unused. That is fine for
	 * problem numbers, which are references for people and the API and nothing counts on them being consecutive;
	 * gap-free numbering would make every intake wait for the previous one's commit (it capped intake at about 180/s,
	 * docs/PERFORMANCE.md). Notice numbers, which must be gap-free, keep their own counter (escalation).
	 */
	long nextNumber(int year) {
		return jdbc.sql("select problem_number_next(:year)").param("year", year).query(Long.class).single();
	}

	void insert(Problem p) {
		jdbc.sql("""
				insert into problem (id, number, category_code, description, point_id, lat, lng, jurisdiction_id,
				                     jurisdiction_path, unit_id, source, status, deadline, clock_started_at, created_at,
				                     created_by, dispatched_at, version)
				values (:id, :number, :category, :description, :point, :lat, :lng, :jurisdiction, :path, :unit, :source,
				        :status, :deadline, :clockStarted, :createdAt, :createdBy, :dispatchedAt, 0)
				""")
			.param("id", p.id())
			.param("number", p.number())
			.param("category", p.categoryCode())
			.param("description", p.description())
			.param("point", p.pointId())
			.param("lat", p.lat())
			.param("lng", p.lng())
			.param("jurisdiction", p.jurisdictionId())
			.param("path", p.jurisdictionPath())
			.param("unit", p.unitId())
			.param("source", p.source().name())
			.param("status", p.status().name())
			.param("deadline", at(p.deadline()))
			.param("clockStarted", at(p.clockStartedAt()))
			.param("createdAt", at(p.createdAt()))
			.param("createdBy", p.createdBy())
			.param("dispatchedAt", at(p.dispatchedAt()))
			.update();
	}

	/** Writes a transition if nobody changed the problem since {@code expectedVersion}; false when somebody did. */
	boolean update(Problem p, int expectedVersion) {
		return jdbc.sql("""
				update problem set unit_id = :unit, status = :status, deadline = :deadline,
				       clock_started_at = :clockStarted, dispute_reason = :disputeReason,
				       dispute_suggested_unit_id = :disputeUnit, extension_until = :extensionUntil,
				       extension_reason = :extensionReason, escalated = :escalated, bounces = :bounces,
				       relapses = :relapses, parked_until = :parkedUntil, park_plan = :parkPlan, merged_into = :mergedInto,
				       last_note = :note, recheck_due = :recheckDue, dispatched_at = :dispatchedAt,
				       claimed_at = :claimedAt, rectified_at = :rectifiedAt, closed_at = :closedAt,
				       version = version + 1
				where id = :id and version = :version
				""")
			.param("unit", p.unitId())
			.param("status", p.status().name())
			.param("deadline", at(p.deadline()))
			.param("clockStarted", at(p.clockStartedAt()))
			.param("disputeReason", p.disputeReason())
			.param("disputeUnit", p.disputeSuggestedUnitId())
			.param("extensionUntil", at(p.extensionUntil()))
			.param("extensionReason", p.extensionReason())
			.param("escalated", p.escalated())
			.param("bounces", p.bounces())
			.param("relapses", p.relapses())
			.param("parkedUntil", at(p.parkedUntil()))
			.param("parkPlan", p.parkPlan())
			.param("mergedInto", p.mergedInto())
			.param("note", p.lastNote())
			.param("recheckDue", p.recheckDue())
			.param("dispatchedAt", at(p.dispatchedAt()))
			.param("claimedAt", at(p.claimedAt()))
			.param("rectifiedAt", at(p.rectifiedAt()))
			.param("closedAt", at(p.closedAt()))
			.param("id", p.id())
			.param("version", expectedVersion)
			.update() == 1;
	}

	Optional<Problem> find(UUID id) {
		return jdbc.sql("select * from problem where id = :id").param("id", id).query(ProblemRepository::problem).optional();
	}

	Optional<Problem> findByNumber(String number) {
		return jdbc.sql("select * from problem where number = :number").param("number", number)
			.query(ProblemRepository::problem).optional();
	}

	List<Problem> page(SqlWhere where, String order, PageRequest page) {
		return where.bind(jdbc.sql("select * from problem" + where.sql() + " order by " + order + " limit :limit offset :offset"))
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(ProblemRepository::problem)
			.list();
	}

	long count(SqlWhere where) {
		return where.bind(jdbc.sql("select count(*) from problem" + where.sql())).query(Long.class).single();
	}

	/** How many problems stand in each state (and how many are overdue, under the key {@code null}). */
	Map<ProblemStatus, Long> countsByStatus(SqlWhere where) {
		Map<ProblemStatus, Long> counts = new EnumMap<>(ProblemStatus.class);
		where.bind(jdbc.sql("select status, count(*) from problem" + where.sql() + " group by status"))
			.query((rs, n) -> counts.put(ProblemStatus.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	/**
	 * How many problems stand in each state, from the maintained counts (V72): the compacted counts plus the deltas not
	 * yet compacted, read in one statement, so exact as of this statement's snapshot. Only for a where clause on the
	 * summarised columns ({@code jurisdiction_path}, {@code unit_id}, {@code category_code}, {@code status}); see
	 * {@link #summarised(ProblemFilter)}.
	 */
	Map<ProblemStatus, Long> summaryCountsByStatus(SqlWhere where) {
		Map<ProblemStatus, Long> counts = new EnumMap<>(ProblemStatus.class);
		where.bind(jdbc.sql("select status, sum(n) from (select status, n from problem_count" + where.sql()
				+ " union all select status, n from problem_count_delta" + where.sql() + ") c group by status"))
			.query((rs, n) -> counts.put(ProblemStatus.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		counts.values().removeIf(n -> n == 0);
		return counts;
	}

	/**
	 * How many problems of a scope are overdue as of {@code now}: those whose overdue the sweep has published, from the
	 * maintained counts (V126), plus a live count of those whose deadline passed and whose overdue is not yet published
	 * (read from a partial index that holds only unpublished ones). Equal to counting {@code AT_UNIT and deadline <
	 * now}, because a published overdue is one of the current, passed deadline.
	 */
	long overdueCount(OrganisationScope scope, Instant now) {
		SqlWhere maintained = scoped(scope).and("overdue", null, null);
		SqlWhere unpublished = scoped(scope).and(AT_UNIT + " and not overdue_published and deadline < :now", "now", at(now));
		// both clauses bind the same scope parameter names and values
		return unpublished.bind(jdbc.sql("select (select coalesce(sum(n), 0) from (select n from problem_count"
				+ maintained.sql() + " union all select n from problem_count_delta" + maintained.sql()
				+ ") c) + (select count(*) from problem" + unpublished.sql() + ")"))
			.query(Long.class)
			.single();
	}

	/**
	 * The problems for the public map: accepted ones (not waiting, rejected or merged) reported since {@code since},
	 * newest first, with their place rounded to three decimals (about 100 m) and nothing about people.
	 */
	List<PublicProblemPin> publicPins(Instant since, int limit) {
		return jdbc.sql("""
				select round(lat::numeric, 3) as lat, round(lng::numeric, 3) as lng, category_code, status from problem
				where created_at >= :since and status not in ('REPORTED', 'REJECTED', 'MERGED') and lat is not null
				order by created_at desc, id desc limit :limit
				""")
			.param("since", at(since))
			.param("limit", limit)
			.query((rs, n) -> new PublicProblemPin(rs.getDouble("lat"), rs.getDouble("lng"), rs.getString("category_code"),
					ProblemStatus.valueOf(rs.getString("status"))))
			.list();
	}

	/** Moves the committed count deltas into the counts; how many keys changed, -1 when another compactor runs. */
	int compactCounts() {
		return jdbc.sql("select problem_count_compact()").query(Integer.class).single();
	}

	/**
	 * Whether the filter only tests what the maintained counts are kept by (scope, unit, category, state), so that its
	 * counts can be read from them instead of counting the problems.
	 */
	static boolean summarised(ProblemFilter f) {
		return f.pointId() == null && !Boolean.TRUE.equals(f.overdue()) && !Boolean.TRUE.equals(f.escalated())
				&& f.from() == null && f.to() == null && (f.q() == null || f.q().isBlank());
	}

	/**
	 * Open problems of a category reported since {@code since}: at the point, or inside the box around a location
	 * (the caller measures the real distance).
	 */
	List<Problem> duplicateCandidates(String categoryCode, UUID pointId, Double lat, Double lng, double latDelta,
			double lngDelta, Instant since) {
		StringBuilder place = new StringBuilder();
		if (pointId != null) {
			place.append("point_id = :point");
		}
		if (lat != null && lng != null) {
			if (place.length() > 0) {
				place.append(" or ");
			}
			place.append("(lat between :latMin and :latMax and lng between :lngMin and :lngMax)");
		}
		if (place.length() == 0) {
			return List.of();
		}
		var spec = jdbc.sql("select * from problem where category_code = :category and created_at >= :since"
				+ " and status not in ('CLOSED', 'REJECTED', 'MERGED') and (" + place + ")"
				+ " order by created_at desc limit 20")
			.param("category", categoryCode)
			.param("since", at(since));
		if (pointId != null) {
			spec = spec.param("point", pointId);
		}
		if (lat != null && lng != null) {
			spec = spec.param("latMin", lat - latDelta).param("latMax", lat + latDelta)
				.param("lngMin", lng - lngDelta).param("lngMax", lng + lngDelta);
		}
		return spec.query(ProblemRepository::problem).list();
	}

	/** Problems at a unit whose deadline passed before {@code asOf} and whose overdue was not yet published. */
	List<Problem> newlyOverdue(Instant asOf, int limit) {
		return jdbc.sql("select * from problem where " + AT_UNIT + """
				 and deadline < :asOf and not overdue_published
				order by deadline limit :limit for update skip locked
				""")
			.param("asOf", at(asOf))
			.param("limit", limit)
			.query(ProblemRepository::problem)
			.list();
	}

	void markOverduePublished(UUID id, Instant deadline) {
		jdbc.sql("update problem set overdue_published_for = :deadline where id = :id")
			.param("deadline", at(deadline)).param("id", id).update();
	}

	/** The same, after a (deadline, id) position: keyset paging through every overdue problem. */
	List<Problem> overdueAfter(Instant asOf, Instant afterDeadline, UUID afterId, int limit) {
		return jdbc.sql("select * from problem where " + AT_UNIT + """
				 and deadline < :asOf and (deadline, id) > (:afterDeadline, :afterId)
				order by deadline, id limit :limit
				""")
			.param("asOf", at(asOf))
			.param("afterDeadline", at(afterDeadline == null ? Instant.EPOCH : afterDeadline))
			.param("afterId", afterId == null ? new UUID(0, 0) : afterId)
			.param("limit", limit)
			.query(ProblemRepository::problem)
			.list();
	}

	List<Problem> findAll(java.util.Collection<UUID> ids) {
		return jdbc.sql("select * from problem where id = any(:ids)")
			.param("ids", ids.stream().distinct().toArray(UUID[]::new))
			.query(ProblemRepository::problem)
			.list();
	}

	/** Problems at a unit overdue as of an instant, oldest deadline first (for the escalation ladder). */
	List<Problem> overdue(Instant asOf, int limit) {
		return jdbc.sql("select * from problem where " + AT_UNIT + " and deadline < :asOf order by deadline, id limit :limit")
			.param("asOf", at(asOf))
			.param("limit", limit)
			.query(ProblemRepository::problem)
			.list();
	}

	/**
	 * A reproducible sample of the problems closed in [from, to): ordered by a hash of the id and the seed, the first
	 * {@code size}.
	 */
	List<Problem> closedSample(SqlWhere scope, Instant from, Instant to, long seed, int size) {
		return scope.bind(jdbc.sql("select * from problem" + scope.sql() + (scope.sql().isEmpty() ? " where" : " and")
				+ " status = 'CLOSED' and closed_at >= :from and closed_at < :to"
				+ " order by md5(id::text || :seed), id limit :size"))
			.param("from", at(from))
			.param("to", at(to))
			.param("seed", Long.toString(seed))
			.param("size", size)
			.query(ProblemRepository::problem)
			.list();
	}

	long countClosed(SqlWhere scope, Instant from, Instant to) {
		return scope.bind(jdbc.sql("select count(*) from problem" + scope.sql() + (scope.sql().isEmpty() ? " where" : " and")
				+ " status = 'CLOSED' and closed_at >= :from and closed_at < :to"))
			.param("from", at(from))
			.param("to", at(to))
			.query(Long.class)
			.single();
	}

	// reporters

	void addReporter(UUID problemId, UUID reportedBy, String name, ProblemSource source, Instant at,
			UUID originalProblemId) {
		jdbc.sql("""
				insert into problem_reporter (problem_id, reported_by, reporter_name, source, reported_at,
				                              original_problem_id)
				values (:problem, :by, :name, :source, :at, :original)
				""")
			.param("problem", problemId).param("by", reportedBy).param("name", name).param("source", source.name())
			.param("at", at(at)).param("original", originalProblemId).update();
	}

	/** Moves every reporter of a merged problem to the problem it went into. */
	void moveReporters(UUID fromProblem, UUID toProblem) {
		jdbc.sql("update problem_reporter set problem_id = :to where problem_id = :from")
			.param("to", toProblem).param("from", fromProblem).update();
	}

	List<Reporter> reporters(UUID problemId) {
		return jdbc.sql("""
				select r.reported_by, r.source, r.reported_at, r.original_problem_id, r.reporter_name
				from problem_reporter r
				where r.problem_id = :problem order by r.reported_at, r.id
				""")
			.param("problem", problemId)
			.query((rs, n) -> new Reporter(rs.getObject(1, UUID.class), rs.getString(5),
					ProblemSource.valueOf(rs.getString(2)), instant(rs, "reported_at"), rs.getObject(4, UUID.class)))
			.list();
	}

	// photos

	void addPhoto(ProblemPhoto photo) {
		jdbc.sql("""
				insert into problem_photo (problem_id, blob_id, kind, added_by, added_at)
				values (:problem, :blob, :kind, :by, :at) on conflict do nothing
				""")
			.param("problem", photo.problemId()).param("blob", photo.blobId()).param("kind", photo.kind().name())
			.param("by", photo.addedBy()).param("at", at(photo.addedAt())).update();
	}

	List<ProblemPhoto> photos(UUID problemId) {
		return jdbc.sql("select * from problem_photo where problem_id = :problem order by added_at, kind, blob_id")
			.param("problem", problemId)
			.query((rs, n) -> new ProblemPhoto(rs.getObject("problem_id", UUID.class), rs.getObject("blob_id", UUID.class),
					ProblemPhoto.Kind.valueOf(rs.getString("kind")), rs.getObject("added_by", UUID.class),
					instant(rs, "added_at")))
			.list();
	}

	/** The numbers of the problems (other than this photo on this problem) where any of these blobs is evidence. */
	List<String> evidenceUses(java.util.Collection<UUID> blobIds, UUID problemId, UUID blobId) {
		if (blobIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select distinct p.number from problem_photo ph join problem p on p.id = ph.problem_id
				where ph.blob_id in (:blobs) and not (ph.problem_id = :problem and ph.blob_id = :blob)
				order by p.number limit 10
				""")
			.param("blobs", blobIds).param("problem", problemId).param("blob", blobId)
			.query(String.class).list();
	}

	// timeline

	void addEvent(UUID problemId, Instant at, UUID actorId, String actorName, String action, ProblemStatus from,
			ProblemStatus to, UUID unitId, String reason) {
		jdbc.sql("""
				insert into problem_event (problem_id, at, actor_id, actor_name, action, from_status, to_status, unit_id,
				                           reason)
				values (:problem, :at, :actor, :name, :action, :from, :to, :unit, :reason)
				""")
			.param("problem", problemId).param("at", at(at)).param("actor", actorId).param("name", actorName)
			.param("action", action).param("from", from == null ? null : from.name()).param("to", to.name())
			.param("unit", unitId).param("reason", reason).update();
	}

	List<TimelineEntry> timeline(UUID problemId) {
		return jdbc.sql("select * from problem_event where problem_id = :problem order by id")
			.param("problem", problemId)
			.query((rs, n) -> new TimelineEntry(rs.getLong("id"), rs.getObject("problem_id", UUID.class),
					instant(rs, "at"), rs.getObject("actor_id", UUID.class), rs.getString("actor_name"),
					rs.getString("action"), rs.getString("from_status") == null ? null
							: ProblemStatus.valueOf(rs.getString("from_status")),
					ProblemStatus.valueOf(rs.getString("to_status")), rs.getObject("unit_id", UUID.class),
					rs.getString("reason")))
			.list();
	}

	/** A reporter of a problem (never shown to the handling unit). */
	record Reporter(UUID reportedBy, String name, ProblemSource source, Instant reportedAt, UUID originalProblemId) {
	}

	// scope and filters

	/** The scope condition: a unit-bound caller sees its unit's problems, others those inside their jurisdiction. */
	static SqlWhere scoped(OrganisationScope scope) {
		SqlWhere where = new SqlWhere();
		if (scope.isUnitBound()) {
			where.and("unit_id = :scopeUnit", "scopeUnit", scope.unitId());
		}
		else if (!scope.isEverything()) {
			where.and("jurisdiction_path like :scopePath", "scopePath", escapeLike(scope.path()) + "%");
		}
		return where;
	}

	static SqlWhere filtered(OrganisationScope scope, ProblemFilter f, Instant now) {
		SqlWhere where = scoped(scope);
		if (f.status() != null) {
			where.and("status = :status", "status", f.status().name());
		}
		if (f.unitId() != null) {
			where.and("unit_id = :unit", "unit", f.unitId());
		}
		if (f.pointId() != null) {
			where.and("point_id = :point", "point", f.pointId());
		}
		if (f.categoryCode() != null && !f.categoryCode().isBlank()) {
			String code = f.categoryCode().trim().toUpperCase(java.util.Locale.ROOT);
			if (code.length() == 1) {
				where.and("category_code like :category", "category", code + "%");
			}
			else {
				where.and("category_code = :category", "category", code);
			}
		}
		if (Boolean.TRUE.equals(f.overdue())) {
			where.and(AT_UNIT + " and deadline < :now", "now", at(now));
		}
		if (Boolean.TRUE.equals(f.escalated())) {
			where.and("escalated", null, null);
		}
		if (f.from() != null) {
			where.and("created_at >= :from", "from", at(f.from()));
		}
		if (f.to() != null) {
			where.and("created_at < :to", "to", at(f.to()));
		}
		if (f.q() != null && !f.q().isBlank()) {
			where.and("(number like :q or description like :q)", "q", "%" + escapeLike(f.q().trim()) + "%");
		}
		return where;
	}




	static Problem problem(ResultSet rs, int row) throws SQLException {
		double lat = rs.getDouble("lat");
		boolean noLat = rs.wasNull();
		double lng = rs.getDouble("lng");
		boolean noLng = rs.wasNull();
		LocalDate recheck = rs.getObject("recheck_due", LocalDate.class);
		return new Problem(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("category_code"),
				rs.getString("description"), rs.getObject("point_id", UUID.class), noLat ? null : lat,
				noLng ? null : lng, rs.getObject("jurisdiction_id", UUID.class), rs.getString("jurisdiction_path"),
				rs.getObject("unit_id", UUID.class), ProblemSource.valueOf(rs.getString("source")),
				ProblemStatus.valueOf(rs.getString("status")), instant(rs, "deadline"), instant(rs, "clock_started_at"),
				rs.getString("dispute_reason"), rs.getObject("dispute_suggested_unit_id", UUID.class),
				instant(rs, "extension_until"), rs.getString("extension_reason"), rs.getBoolean("escalated"),
				rs.getInt("bounces"), rs.getInt("relapses"), instant(rs, "parked_until"), rs.getString("park_plan"),
				rs.getObject("merged_into", UUID.class), rs.getString("last_note"), recheck, instant(rs, "created_at"),
				rs.getObject("created_by", UUID.class), instant(rs, "dispatched_at"), instant(rs, "claimed_at"),
				instant(rs, "rectified_at"), instant(rs, "closed_at"), rs.getInt("version"));
	}
}
