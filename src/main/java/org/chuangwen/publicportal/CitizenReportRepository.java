package org.chuangwen.publicportal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.chuangwen.shared.SqlValues.instant;

@Repository
class CitizenReportRepository {

	private final JdbcClient jdbc;

	CitizenReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the report under a fresh code (drawn again on the rare collision); answers the code. */
	String insert(UUID problemId, Supplier<String> codes, String name, String mobile, String ipHash, String deviceHash,
			Instant at) {
		for (int attempt = 0;; attempt++) {
			String code = codes.get();
			int inserted = jdbc.sql("""
					insert into citizen_report (problem_id, tracking_code, contact_name, contact_mobile, ip_hash,
					                            device_hash, created_at)
					values (:problem, :code, :name, :mobile, :ip, :device, :at)
					on conflict (tracking_code) do nothing
					""")
				.param("problem", problemId)
				.param("code", code)
				.param("name", name)
				.param("mobile", mobile)
				.param("ip", ipHash)
				.param("device", deviceHash)
				.param("at", at.atOffset(ZoneOffset.UTC))
				.update();
			if (inserted == 1) {
				return code;
			}
			if (attempt > 20) {
				throw new DuplicateKeyException("no free tracking code after 20 draws");
			}
		}
	}

	void addPhoto(UUID problemId, String sha256, Instant at) {
		jdbc.sql("insert into citizen_report_photo (problem_id, sha256, created_at) values (:p, :sha, :at) on conflict do nothing")
			.param("p", problemId)
			.param("sha", sha256)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.update();
	}

	boolean photoReportedSince(String sha256, Instant since) {
		return jdbc.sql("select exists (select 1 from citizen_report_photo where sha256 = :sha and created_at >= :since)")
			.param("sha", sha256)
			.param("since", since.atOffset(ZoneOffset.UTC))
			.query(Boolean.class)
			.single();
	}

	Optional<CitizenReport> byCode(String code) {
		return jdbc.sql("select * from citizen_report where tracking_code = :code")
			.param("code", code)
			.query(CitizenReportRepository::report)
			.optional();
	}

	Optional<CitizenReport> byProblem(UUID problemId) {
		return jdbc.sql("select * from citizen_report where problem_id = :id")
			.param("id", problemId)
			.query(CitizenReportRepository::report)
			.optional();
	}

	Map<UUID, CitizenReport> ofProblems(Collection<UUID> ids) {
		Map<UUID, CitizenReport> found = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		jdbc.sql("select * from citizen_report where problem_id = any(:ids)")
			.param("ids", ids.toArray(UUID[]::new))
			.query(CitizenReportRepository::report)
			.list()
			.forEach(r -> found.put(r.problemId(), r));
		return found;
	}

	/** Sets the rating unless one was given already; whether it was set. */
	boolean rate(UUID problemId, Rating rating, String comment, Instant at) {
		return jdbc.sql("""
				update citizen_report set rating = :rating, rating_comment = :comment, rated_at = :at
				where problem_id = :id and rating is null
				""")
			.param("rating", rating.name())
			.param("comment", comment)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("id", problemId)
			.update() == 1;
	}

	/** Records what the reporter was told, unless it was told already; whether this call is the one to tell. */
	boolean markNotified(UUID problemId, String status) {
		return jdbc.sql("""
				update citizen_report set notified_status = :status
				where problem_id = :id and notified_status is distinct from :status
				""")
			.param("status", status)
			.param("id", problemId)
			.update() == 1;
	}

	Map<Rating, Long> ratingCounts() {
		Map<Rating, Long> counts = new EnumMap<>(Rating.class);
		for (Rating r : Rating.values()) {
			counts.put(r, 0L);
		}
		jdbc.sql("select rating, count(*) from citizen_report where rating is not null group by rating")
			.query((rs, n) -> counts.put(Rating.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	long count() {
		return jdbc.sql("select count(*) from citizen_report").query(Long.class).single();
	}

	private static CitizenReport report(ResultSet rs, int row) throws SQLException {
		String rating = rs.getString("rating");
		return new CitizenReport(rs.getObject("problem_id", UUID.class), rs.getString("tracking_code"),
				rs.getString("contact_name"), rs.getString("contact_mobile"), instant(rs, "created_at"),
				rating == null ? null : Rating.valueOf(rating), rs.getString("rating_comment"), instant(rs, "rated_at"),
				rs.getString("notified_status"));
	}
}
