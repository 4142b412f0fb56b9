package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.inspections.RoundKind;
import org.chuangwen.inspections.ScoreDimension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code scoring_rate} table: the city-wide pass-rate sums per framework, kind of round, group and standard (V110). */
@Repository
class RateCache {

	/** The dimensions kept in the cache: the city-wide figure and its districts. */
	static final List<ScoreDimension> CACHED = List.of(ScoreDimension.CITY, ScoreDimension.DISTRICT);

	static final int SHARDS = 8;

	/** One delta to add to a row. */
	record Delta(UUID frameworkId, RoundKind kind, ScoreDimension dimension, String groupKey,
			UUID standardId, int shard, BigDecimal getSum, long applicable) {
	}

	/** When a framework was last rebuilt. */
	record Rebuild(Instant rebuiltAt, long observations, long tookMs) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	RateCache(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Observation saves share this lock, a full recompute holds it alone: a recompute never misses a save in flight,
	 * and saves never wait for each other.
	 */
	void lockShared(UUID frameworkId) {
		jdbc.sql("select pg_advisory_xact_lock_shared(:key)").param("key", lockKey(frameworkId)).query().singleRow();
	}

	void lockExclusive(UUID frameworkId) {
		jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", lockKey(frameworkId)).query().singleRow();
	}

	private static long lockKey(UUID frameworkId) {
		return 0x5C0_0000_0000_0000L ^ frameworkId.getMostSignificantBits() ^ frameworkId.getLeastSignificantBits();
	}

	/** Adds the deltas, in key order (two transactions never wait for each other in a cycle). */
	void apply(List<Delta> deltas) {
		List<Delta> sorted = new ArrayList<>(deltas);
		sorted.sort(java.util.Comparator.comparing((Delta d) -> d.dimension().name())
			.thenComparing(d -> d.kind().name())
			.thenComparing(Delta::groupKey)
			.thenComparing(Delta::standardId)
			.thenComparingInt(Delta::shard));
		template.batchUpdate("""
				insert into scoring_rate (framework_id, round_kind, dimension, group_key, standard_id, shard, get_sum,
				                          applicable)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (framework_id, dimension, round_kind, group_key, standard_id, shard)
				do update set get_sum = scoring_rate.get_sum + excluded.get_sum,
				              applicable = scoring_rate.applicable + excluded.applicable
				""", sorted, 500, (ps, d) -> {
			ps.setObject(1, d.frameworkId());
			ps.setString(2, d.kind().name());
			ps.setString(3, d.dimension().name());
			ps.setString(4, d.groupKey());
			ps.setObject(5, d.standardId());
			ps.setShort(6, (short) d.shard());
			ps.setBigDecimal(7, d.getSum());
			ps.setLong(8, d.applicable());
		});
	}

	/** Inserts freshly computed rows (after {@link #clear}). */
	void insert(List<Delta> rows) {
		apply(rows);
	}

	void clear(UUID frameworkId) {
		jdbc.sql("delete from scoring_rate where framework_id = :f").param("f", frameworkId).update();
	}

	void recordRebuild(UUID frameworkId, Instant at, long observations, long tookMs) {
		jdbc.sql("""
				insert into scoring_rebuild (framework_id, rebuilt_at, observations, took_ms) values (:f, :at, :n, :ms)
				on conflict (framework_id) do update set rebuilt_at = excluded.rebuilt_at,
				    observations = excluded.observations, took_ms = excluded.took_ms
				""")
			.param("f", frameworkId)
			.param("at", Timestamp.from(at))
			.param("n", observations)
			.param("ms", tookMs)
			.update();
	}

	Optional<Rebuild> lastRebuild(UUID frameworkId) {
		return jdbc.sql("select rebuilt_at, observations, took_ms from scoring_rebuild where framework_id = :f")
			.param("f", frameworkId)
			.query((rs, n) -> new Rebuild(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getLong(3)))
			.optional();
	}

	/** The summed rates of a framework's observations in one dimension, of the given kinds of round (empty: all). */
	RateSums sums(UUID frameworkId, ScoreDimension dimension, Set<RoundKind> kinds) {
		StringBuilder sql = new StringBuilder("""
				select group_key, standard_id, sum(get_sum), sum(applicable) from scoring_rate
				where framework_id = :f and dimension = :d
				""");
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("f", frameworkId);
		params.put("d", dimension.name());
		if (!kinds.isEmpty()) {
			sql.append(" and round_kind in (:kinds)");
			params.put("kinds", kinds.stream().map(Enum::name).toList());
		}
		sql.append(" group by group_key, standard_id");
		RateSums sums = new RateSums();
		jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
			sums.add(rs.getString(1), rs.getObject(2, UUID.class), rs.getBigDecimal(3).doubleValue(), rs.getLong(4));
			return null;
		}).list();
		return sums;
	}
}
