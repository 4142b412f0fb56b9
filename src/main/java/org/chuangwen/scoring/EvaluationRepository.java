package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.shared.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Weights, bundles, flags, last-place notices and penalties of the evaluation (tables eval_*). */
@Repository
class EvaluationRepository {

	private final JdbcClient jdbc;

	EvaluationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// weights

	record StoredWeights(UUID jurisdictionId, Weights weights, Instant updatedAt, int version) {
	}

	Optional<StoredWeights> weights(UUID jurisdictionId) {
		return jdbc.sql("select * from eval_weights where jurisdiction_id = :id")
			.param("id", jurisdictionId)
			.query((rs, n) -> new StoredWeights(rs.getObject("jurisdiction_id", UUID.class),
					new Weights(rs.getBigDecimal("disposal"), rs.getBigDecimal("on_time"), rs.getBigDecimal("rework"),
							rs.getBigDecimal("volume")),
					SqlValues.instant(rs, "updated_at"), rs.getInt("version")))
			.optional();
	}

	void saveWeights(UUID jurisdictionId, Weights w, Instant at, UUID by) {
		jdbc.sql("""
				insert into eval_weights as e (jurisdiction_id, disposal, on_time, rework, volume, updated_at, updated_by)
				values (:id, :d, :o, :r, :v, :at, :by)
				on conflict (jurisdiction_id) do update set disposal = excluded.disposal, on_time = excluded.on_time,
				    rework = excluded.rework, volume = excluded.volume, updated_at = excluded.updated_at,
				    updated_by = excluded.updated_by, version = e.version + 1
				""")
			.param("id", jurisdictionId)
			.param("d", w.disposal())
			.param("o", w.onTime())
			.param("r", w.rework())
			.param("v", w.volume())
			.param("at", SqlValues.at(at))
			.param("by", by)
			.update();
	}

	// bundles

	List<Bundle> bundles() {
		Map<UUID, Bundle> bundles = new LinkedHashMap<>();
		jdbc.sql("select * from eval_bundle order by name, id")
			.query((rs, n) -> bundles.put(rs.getObject("id", UUID.class), new Bundle(rs.getObject("id", UUID.class),
					rs.getString("name"), rs.getObject("jurisdiction_id", UUID.class), new ArrayList<>())))
			.list();
		jdbc.sql("select m.bundle_id, m.unit_id, u.code, u.name from eval_bundle_member m join unit u on u.id = m.unit_id order by u.code")
			.query((rs, n) -> {
				Bundle b = bundles.get(rs.getObject(1, UUID.class));
				if (b != null) {
					b.members().add(new Bundle.Member(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)));
				}
				return null;
			})
			.list();
		return List.copyOf(bundles.values());
	}

	Optional<Bundle> bundle(UUID id) {
		return bundles().stream().filter(b -> b.id().equals(id)).findFirst();
	}

	/** The bundles that already hold any of these units (a unit is in at most one bundle). */
	List<String> bundledAlready(Collection<UUID> units) {
		return jdbc.sql("select u.code from eval_bundle_member m join unit u on u.id = m.unit_id where m.unit_id = any(:ids)")
			.param("ids", units.toArray(UUID[]::new))
			.query(String.class)
			.list();
	}

	void insertBundle(UUID id, String name, UUID jurisdictionId, Collection<UUID> units, Instant at, UUID by) {
		jdbc.sql("insert into eval_bundle (id, name, jurisdiction_id, created_at, created_by) values (:id, :name, :j, :at, :by)")
			.param("id", id)
			.param("name", name)
			.param("j", jurisdictionId)
			.param("at", SqlValues.at(at))
			.param("by", by)
			.update();
		for (UUID unit : units) {
			jdbc.sql("insert into eval_bundle_member (bundle_id, unit_id) values (:b, :u)").param("b", id).param("u", unit).update();
		}
	}

	void deleteBundle(UUID id) {
		jdbc.sql("delete from eval_bundle where id = :id").param("id", id).update();
	}

	// flags

	boolean claimFlagRound(Period period, RankingCategory category, UUID jurisdictionId, Instant at) {
		return jdbc.sql("""
				insert into eval_flag_round (period_kind, period_start, category, jurisdiction_id, awarded_at)
				values (:kind, :start, :category, :j, :at) on conflict do nothing
				""")
			.param("kind", period.kind().name())
			.param("start", period.from())
			.param("category", category.name())
			.param("j", jurisdictionId)
			.param("at", SqlValues.at(at))
			.update() == 1;
	}

	void insertFlag(RotatingFlag f) {
		jdbc.sql("""
				insert into eval_flag (id, period_kind, period_start, period_end, category, jurisdiction_id, colour, unit_id,
				                       unit_name, index_value, awarded_at)
				values (:id, :kind, :start, :end, :category, :j, :colour, :unit, :name, :index, :at)
				""")
			.param("id", f.id())
			.param("kind", f.periodKind().name())
			.param("start", f.periodStart())
			.param("end", f.periodEnd())
			.param("category", f.category().name())
			.param("j", f.jurisdictionId())
			.param("colour", f.colour().name())
			.param("unit", f.unitId())
			.param("name", f.unitName())
			.param("index", f.index())
			.param("at", SqlValues.at(f.awardedAt()))
			.update();
	}

	/** The flags of one period and category (any jurisdiction), by unit. */
	Map<UUID, RotatingFlag.Colour> flagsOf(Period period, RankingCategory category) {
		Map<UUID, RotatingFlag.Colour> flags = new HashMap<>();
		jdbc.sql("select unit_id, colour from eval_flag where period_kind = :kind and period_start = :start and category = :c")
			.param("kind", period.kind().name())
			.param("start", period.from())
			.param("c", category.name())
			.query((rs, n) -> flags.put(rs.getObject(1, UUID.class), RotatingFlag.Colour.valueOf(rs.getString(2))))
			.list();
		return flags;
	}

	boolean hasFlag(Period period, RankingCategory category, UUID jurisdictionId, RotatingFlag.Colour colour, UUID unit) {
		return jdbc.sql("""
				select count(*) from eval_flag where period_kind = :kind and period_start = :start and category = :c
				and jurisdiction_id = :j and colour = :colour and unit_id = :unit
				""")
			.param("kind", period.kind().name())
			.param("start", period.from())
			.param("c", category.name())
			.param("j", jurisdictionId)
			.param("colour", colour.name())
			.param("unit", unit)
			.query(Long.class)
			.single() > 0;
	}

	List<RotatingFlag> flagsOfUnit(UUID unitId, int limit) {
		return jdbc.sql("select * from eval_flag where unit_id = :u order by period_start desc, period_kind, colour limit :limit")
			.param("u", unitId)
			.param("limit", limit)
			.query(EvaluationRepository::flag)
			.list();
	}

	/** Flags of the most recent periods (of any kind), within the given units' set when not null. */
	List<RotatingFlag> recentFlags(Period.Kind kind, int periods) {
		return jdbc.sql("""
				select * from eval_flag where period_kind = :kind and period_start in (
				    select distinct period_start from eval_flag where period_kind = :kind order by period_start desc limit :n)
				order by period_start desc, category, colour desc, unit_name
				""")
			.param("kind", kind.name())
			.param("n", periods)
			.query(EvaluationRepository::flag)
			.list();
	}

	List<RotatingFlag> flagsBetween(LocalDate from, LocalDate to) {
		return jdbc.sql("select * from eval_flag where period_start >= :from and period_start < :to order by period_start")
			.param("from", from)
			.param("to", to)
			.query(EvaluationRepository::flag)
			.list();
	}

	private static RotatingFlag flag(ResultSet rs, int n) throws SQLException {
		return new RotatingFlag(rs.getObject("id", UUID.class), Period.Kind.valueOf(rs.getString("period_kind")),
				rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
				RankingCategory.valueOf(rs.getString("category")), rs.getObject("jurisdiction_id", UUID.class),
				RotatingFlag.Colour.valueOf(rs.getString("colour")), rs.getObject("unit_id", UUID.class),
				rs.getString("unit_name"), rs.getBigDecimal("index_value"), SqlValues.instant(rs, "awarded_at"));
	}

	// last-place notices

	int nextNoticeNumber(int year) {
		return jdbc.sql("""
				insert into eval_notice_counter as c (year, last_number) values (:year, 1)
				on conflict (year) do update set last_number = c.last_number + 1
				returning last_number
				""")
			.param("year", year)
			.query(Integer.class)
			.single();
	}

	void insertNotice(LastPlaceNotice n) {
		jdbc.sql("""
				insert into eval_notice (id, year, seq, number, kind, flag_id, unit_id, unit_name, jurisdiction_id, consecutive,
				                         period_kind, period_start, period_end, category, index_value, issued_at)
				values (:id, :year, :seq, :number, :kind, :flag, :unit, :name, :j, :consecutive, :pkind, :start, :end,
				        :category, :index, :at)
				""")
			.param("id", n.id())
			.param("year", n.year())
			.param("seq", n.seq())
			.param("number", n.number())
			.param("kind", n.kind().name())
			.param("flag", n.flagId())
			.param("unit", n.unitId())
			.param("name", n.unitName())
			.param("j", n.jurisdictionId())
			.param("consecutive", n.consecutive())
			.param("pkind", n.periodKind().name())
			.param("start", n.periodStart())
			.param("end", n.periodEnd())
			.param("category", n.category().name())
			.param("index", n.index())
			.param("at", SqlValues.at(n.issuedAt()))
			.update();
	}

	Optional<LastPlaceNotice> notice(UUID id) {
		return jdbc.sql("select * from eval_notice where id = :id").param("id", id).query(EvaluationRepository::notice).optional();
	}

	List<LastPlaceNotice> notices(UUID unitId, int limit) {
		return jdbc.sql("select * from eval_notice where (cast(:unit as uuid) is null or unit_id = :unit) order by issued_at desc, seq desc limit :limit")
			.param("unit", unitId)
			.param("limit", limit)
			.query(EvaluationRepository::notice)
			.list();
	}

	private static LastPlaceNotice notice(ResultSet rs, int n) throws SQLException {
		return new LastPlaceNotice(rs.getObject("id", UUID.class), rs.getInt("year"), rs.getInt("seq"),
				rs.getString("number"), LastPlaceNotice.Kind.valueOf(rs.getString("kind")),
				rs.getObject("flag_id", UUID.class), rs.getObject("unit_id", UUID.class), rs.getString("unit_name"),
				rs.getObject("jurisdiction_id", UUID.class), rs.getInt("consecutive"),
				Period.Kind.valueOf(rs.getString("period_kind")), rs.getObject("period_start", LocalDate.class),
				rs.getObject("period_end", LocalDate.class), RankingCategory.valueOf(rs.getString("category")),
				rs.getBigDecimal("index_value"), SqlValues.instant(rs, "issued_at"));
	}

	// penalties

	void insertPenalty(Penalty p) {
		jdbc.sql("""
				insert into eval_penalty (id, unit_id, unit_name, jurisdiction_path, kind, occurred_on, reason, bonus_points,
				                          appraisal_points, loses_award, recorded_at, recorded_by, recorded_by_name)
				values (:id, :unit, :name, :path, :kind, :on, :reason, :bonus, :appraisal, :loses, :at, :by, :byName)
				""")
			.param("id", p.id())
			.param("unit", p.unitId())
			.param("name", p.unitName())
			.param("path", p.jurisdictionPath())
			.param("kind", p.kind().name())
			.param("on", p.occurredOn())
			.param("reason", p.reason())
			.param("bonus", p.bonusPoints())
			.param("appraisal", p.appraisalPoints())
			.param("loses", p.losesAward())
			.param("at", SqlValues.at(p.recordedAt()))
			.param("by", p.recordedBy())
			.param("byName", p.recordedByName())
			.update();
		for (Penalty.Evidence e : p.evidence()) {
			jdbc.sql("insert into eval_penalty_evidence (penalty_id, blob_id, filename) values (:p, :b, :f) on conflict do nothing")
				.param("p", p.id())
				.param("b", e.blobId())
				.param("f", e.filename())
				.update();
		}
	}

	boolean revokePenalty(UUID id, int version, Instant at, UUID by, String reason) {
		return jdbc.sql("""
				update eval_penalty set revoked_at = :at, revoked_by = :by, revoke_reason = :reason, version = version + 1
				where id = :id and version = :version and revoked_at is null
				""")
			.param("id", id)
			.param("version", version)
			.param("at", SqlValues.at(at))
			.param("by", by)
			.param("reason", reason)
			.update() == 1;
	}

	Optional<Penalty> penalty(UUID id) {
		return jdbc.sql("select * from eval_penalty where id = :id")
			.param("id", id)
			.query(EvaluationRepository::penalty)
			.optional()
			.map(p -> p.withEvidence(evidence(id)));
	}

	List<Penalty.Evidence> evidence(UUID penaltyId) {
		return jdbc.sql("select blob_id, filename from eval_penalty_evidence where penalty_id = :p order by filename")
			.param("p", penaltyId)
			.query((rs, n) -> new Penalty.Evidence(rs.getObject(1, UUID.class), rs.getString(2)))
			.list();
	}

	/** Penalties of a scope (path prefix, or one unit), newest first, occurred in [from, to) when given. */
	List<Penalty> penalties(String pathPrefix, UUID unitId, LocalDate from, LocalDate to, int offset, int limit) {
		return jdbc.sql("""
				select * from eval_penalty
				where (cast(:path as text) is null or jurisdiction_path like :pathLike)
				  and (cast(:unit as uuid) is null or unit_id = :unit)
				  and (cast(:from as date) is null or occurred_on >= :from)
				  and (cast(:to as date) is null or occurred_on < :to)
				order by occurred_on desc, recorded_at desc limit :limit offset :offset
				""")
			.param("path", pathPrefix)
			.param("pathLike", pathPrefix == null ? null : SqlValues.escapeLike(pathPrefix) + "%")
			.param("unit", unitId)
			.param("from", from)
			.param("to", to)
			.param("limit", limit)
			.param("offset", offset)
			.query(EvaluationRepository::penalty)
			.list();
	}

	long countPenalties(String pathPrefix, UUID unitId) {
		return jdbc.sql("""
				select count(*) from eval_penalty
				where (cast(:path as text) is null or jurisdiction_path like :pathLike)
				  and (cast(:unit as uuid) is null or unit_id = :unit)
				""")
			.param("path", pathPrefix)
			.param("pathLike", pathPrefix == null ? null : SqlValues.escapeLike(pathPrefix) + "%")
			.param("unit", unitId)
			.query(Long.class)
			.single();
	}

	private static Penalty penalty(ResultSet rs, int n) throws SQLException {
		return new Penalty(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class), rs.getString("unit_name"),
				rs.getString("jurisdiction_path"), Penalty.Kind.valueOf(rs.getString("kind")),
				rs.getObject("occurred_on", LocalDate.class), rs.getString("reason"), rs.getBigDecimal("bonus_points"),
				rs.getBigDecimal("appraisal_points"), rs.getBoolean("loses_award"), SqlValues.instant(rs, "recorded_at"),
				rs.getObject("recorded_by", UUID.class), rs.getString("recorded_by_name"),
				SqlValues.instant(rs, "revoked_at"), rs.getObject("revoked_by", UUID.class), rs.getString("revoke_reason"),
				rs.getInt("version"), List.of());
	}

	static BigDecimal zeroIfNull(BigDecimal v) {
		return v == null ? BigDecimal.ZERO : v;
	}
}
