package org.chuangwen.inspections;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.chuangwen.shared.PageRequest;
import org.chuangwen.shared.SqlWhere;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sampling rules, rounds, their teams and points, and observations, in plain SQL. */
@Repository
class InspectionRepository {

	/** An observation row with its snapshot, as stored. */
	record Row(UUID id, UUID roundId, RoundKind roundKind, UUID frameworkId, UUID standardId, String standardCode,
			UUID pointId, String pointTypeCode, UUID districtId, UUID streetId, UUID unitId, UUID commandPostId,
			UUID leaderPersonId, UUID personId, ObservationResult result, BigDecimal recordedFraction,
			BigDecimal getFraction, String note, UUID problemId, Instant observedAt, UUID observedBy,
			String observedByName, int version) {

		ObservationFact fact() {
			return new ObservationFact(id, roundId, roundKind, frameworkId, standardId, pointId, pointTypeCode,
					districtId, streetId, unitId, commandPostId, leaderPersonId, personId, result, getFraction,
					observedAt, problemId);
		}
	}

	/** A round row (without counts). */
	record RoundRow(UUID id, String name, RoundKind kind, UUID frameworkId, RoundStatus status, long seed,
			UUID samplingRuleId, LocalDate plannedOn, String shortfall, Instant openedAt, Instant closedAt, int version) {
	}

	private static final String ROUND_COLUMNS = """
			r.id, r.name, r.kind, r.framework_id, r.status, r.seed, r.sampling_rule_id, r.planned_on, r.opened_at,
			r.closed_at,
			(select count(*) from inspection_round_point p where p.round_id = r.id) as sampled_points,
			(select count(distinct o.point_id) from inspection_observation o where o.round_id = r.id) as observed_points
			""";

	private static final String FACT_COLUMNS = """
			o.id, o.round_id, o.round_kind, o.framework_id, o.standard_id, o.point_id, o.point_type_code, o.district_id,
			o.street_id, o.unit_id, o.command_post_id, o.leader_person_id, o.person_id, o.result, o.get_fraction,
			o.observed_at, o.problem_id""";

	private final JdbcClient jdbc;

	InspectionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// sampling rules

	void insertRule(SamplingRule rule, Instant at, UUID by) {
		if (rule.official()) {
			jdbc.sql("update inspection_sampling_rule set official = false, version = version + 1 where official").update();
		}
		jdbc.sql("""
				insert into inspection_sampling_rule (id, name, official, created_at, created_by)
				values (:id, :name, :official, :at, :by)
				""").param("id", rule.id()).param("name", rule.name()).param("official", rule.official())
			.param("at", ts(at)).param("by", by).update();
		int order = 0;
		for (SamplingQuota q : rule.quotas()) {
			jdbc.sql("""
					insert into inspection_sampling_quota (rule_id, point_type_code, district_id, count, sort_order)
					values (:rule, :type, :district, :count, :order)
					""").param("rule", rule.id()).param("type", q.pointTypeCode()).param("district", q.districtId())
				.param("count", q.count()).param("order", order++).update();
		}
	}

	boolean ruleNameTaken(String name) {
		return jdbc.sql("select exists (select 1 from inspection_sampling_rule where lower(name) = lower(:name))")
			.param("name", name).query(Boolean.class).single();
	}

	List<SamplingRule> rules() {
		Map<UUID, List<SamplingQuota>> quotas = new LinkedHashMap<>();
		jdbc.sql("select rule_id, point_type_code, district_id, count from inspection_sampling_quota order by rule_id, sort_order")
			.query(rs -> {
				quotas.computeIfAbsent(uuid(rs, "rule_id"), k -> new ArrayList<>())
					.add(new SamplingQuota(rs.getString("point_type_code"), uuid(rs, "district_id"), rs.getInt("count")));
			});
		return jdbc.sql("select id, name, official from inspection_sampling_rule order by official desc, name")
			.query((rs, n) -> new SamplingRule(uuid(rs, "id"), rs.getString("name"), rs.getBoolean("official"),
					quotas.getOrDefault(uuid(rs, "id"), List.of())))
			.list();
	}

	Optional<SamplingRule> rule(UUID id) {
		return rules().stream().filter(r -> r.id().equals(id)).findFirst();
	}

	// rounds

	void insertRound(UUID id, NewRound round, UUID frameworkId, long seed, String shortfall, Instant at, UUID by) {
		jdbc.sql("""
				insert into inspection_round (id, name, kind, framework_id, status, seed, sampling_rule_id, planned_on,
				                              shortfall, created_at, created_by)
				values (:id, :name, :kind, :framework, 'PLANNED', :seed, :rule, :planned, cast(:shortfall as jsonb), :at, :by)
				""").param("id", id).param("name", round.name()).param("kind", round.kind().name())
			.param("framework", frameworkId).param("seed", seed).param("rule", round.samplingRuleId())
			.param("planned", Date.valueOf(round.plannedOn())).param("shortfall", shortfall).param("at", ts(at))
			.param("by", by).update();
	}

	void insertTeamMember(UUID roundId, TeamMember m) {
		jdbc.sql("""
				insert into inspection_team_member (round_id, team_no, inspector_id, inspector_name)
				values (:round, :team, :inspector, :name)
				""").param("round", roundId).param("team", m.teamNo()).param("inspector", m.inspectorId())
			.param("name", m.inspectorName()).update();
	}

	void insertRoundPoints(UUID roundId, List<SampledPoint> points, int firstOrder) {
		if (points.isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder("""
				insert into inspection_round_point (round_id, point_id, point_code, point_name, point_type_code,
				                                    district_id, unit_id, team_no, sort_order) values
				""");
		JdbcClient.StatementSpec[] holder = new JdbcClient.StatementSpec[1];
		Map<String, Object> params = new LinkedHashMap<>();
		for (int i = 0; i < points.size(); i++) {
			SampledPoint p = points.get(i);
			sql.append(i == 0 ? "" : ",").append("(:round, :p%1$d, :c%1$d, :n%1$d, :t%1$d, :d%1$d, :u%1$d, :team%1$d, :o%1$d)".formatted(i));
			params.put("p" + i, p.pointId());
			params.put("c" + i, p.code());
			params.put("n" + i, p.name());
			params.put("t" + i, p.typeCode());
			params.put("d" + i, p.districtId());
			params.put("u" + i, p.unitId());
			params.put("team" + i, p.teamNo());
			params.put("o" + i, firstOrder + i);
		}
		sql.append(" on conflict (round_id, point_id) do nothing");
		holder[0] = jdbc.sql(sql.toString()).param("round", roundId);
		for (Map.Entry<String, Object> e : params.entrySet()) {
			holder[0] = holder[0].param(e.getKey(), e.getValue());
		}
		holder[0].update();
	}

	Optional<InspectionRound> round(UUID id) {
		return jdbc.sql("select " + ROUND_COLUMNS + " from inspection_round r where r.id = :id").param("id", id)
			.query(InspectionRepository::round).optional();
	}

	Optional<RoundRow> roundRow(UUID id, boolean lock) {
		return jdbc.sql("""
				select id, name, kind, framework_id, status, seed, sampling_rule_id, planned_on, shortfall::text as shortfall,
				       opened_at, closed_at, version
				from inspection_round where id = :id""" + (lock ? " for update" : "")).param("id", id)
			.query((rs, n) -> new RoundRow(uuid(rs, "id"), rs.getString("name"), RoundKind.valueOf(rs.getString("kind")),
					uuid(rs, "framework_id"), RoundStatus.valueOf(rs.getString("status")), rs.getLong("seed"),
					uuid(rs, "sampling_rule_id"), rs.getObject("planned_on", LocalDate.class), rs.getString("shortfall"),
					instant(rs, "opened_at"), instant(rs, "closed_at"), rs.getInt("version")))
			.optional();
	}

	List<InspectionRound> roundsOf(UUID frameworkId) {
		return jdbc.sql("select " + ROUND_COLUMNS
				+ " from inspection_round r where r.framework_id = :f order by r.planned_on desc, r.created_at desc")
			.param("f", frameworkId).query(InspectionRepository::round).list();
	}

	/** Rounds a list shows: {@code where} over alias r; newest first. */
	List<InspectionRound> rounds(SqlWhere where, PageRequest page) {
		return where.bind(jdbc.sql("select " + ROUND_COLUMNS + " from inspection_round r" + where.sql()
				+ " order by r.planned_on desc, r.created_at desc limit :limit offset :offset"))
			.param("limit", page.size()).param("offset", page.offset())
			.query(InspectionRepository::round).list();
	}

	long countRounds(SqlWhere where) {
		return where.bind(jdbc.sql("select count(*) from inspection_round r" + where.sql())).query(Long.class).single();
	}

	void setStatus(UUID id, RoundStatus status, Instant at, UUID by) {
		String column = status == RoundStatus.OPEN ? "opened" : "closed";
		jdbc.sql("update inspection_round set status = :status, " + column + "_at = :at, " + column
				+ "_by = :by, version = version + 1 where id = :id")
			.param("status", status.name()).param("at", ts(at)).param("by", by).param("id", id).update();
	}

	List<TeamMember> team(UUID roundId) {
		return jdbc.sql("select team_no, inspector_id, inspector_name from inspection_team_member where round_id = :r order by team_no, inspector_name")
			.param("r", roundId)
			.query((rs, n) -> new TeamMember(rs.getInt("team_no"), uuid(rs, "inspector_id"), rs.getString("inspector_name")))
			.list();
	}

	List<SampledPoint> roundPoints(UUID roundId) {
		return jdbc.sql("""
				select p.point_id, p.point_code, p.point_name, p.point_type_code, p.district_id, p.unit_id, p.team_no,
				       (select count(*) from inspection_observation o where o.round_id = p.round_id and o.point_id = p.point_id) as observed
				from inspection_round_point p where p.round_id = :r order by p.sort_order
				""").param("r", roundId)
			.query((rs, n) -> new SampledPoint(uuid(rs, "point_id"), rs.getString("point_code"), rs.getString("point_name"),
					rs.getString("point_type_code"), uuid(rs, "district_id"), uuid(rs, "unit_id"),
					(Integer) rs.getObject("team_no"), rs.getInt("observed")))
			.list();
	}

	int maxPointOrder(UUID roundId) {
		return jdbc.sql("select coalesce(max(sort_order), -1) from inspection_round_point where round_id = :r")
			.param("r", roundId).query(Integer.class).single();
	}

	/** Locks the sampled point of a round (serialises saves at one point); empty when the point is not in the round. */
	Optional<SampledPoint> lockRoundPoint(UUID roundId, UUID pointId) {
		return jdbc.sql("""
				select point_id, point_code, point_name, point_type_code, district_id, unit_id, team_no
				from inspection_round_point where round_id = :r and point_id = :p for update
				""").param("r", roundId).param("p", pointId)
			.query((rs, n) -> new SampledPoint(uuid(rs, "point_id"), rs.getString("point_code"), rs.getString("point_name"),
					rs.getString("point_type_code"), uuid(rs, "district_id"), uuid(rs, "unit_id"),
					(Integer) rs.getObject("team_no"), 0))
			.optional();
	}

	/** Whether a round concerns a district: planned by this user, or with sampled points there. */
	boolean concerns(UUID roundId, UUID district, UUID userId) {
		return jdbc.sql("""
				select exists (select 1 from inspection_round r where r.id = :r and (r.created_by = :me
				    or exists (select 1 from inspection_round_point p where p.round_id = r.id and p.district_id = :d)))
				""").param("r", roundId).param("d", district).param("me", userId).query(Boolean.class).single();
	}

	/** Whether every sampled point of a round lies in the district (a round without points: planned by this user). */
	boolean whollyIn(UUID roundId, UUID district, UUID userId) {
		return jdbc.sql("""
				select case when exists (select 1 from inspection_round_point p where p.round_id = :r)
				       then not exists (select 1 from inspection_round_point p where p.round_id = :r
				                        and p.district_id is distinct from :d)
				       else exists (select 1 from inspection_round r where r.id = :r and r.created_by = :me) end
				""").param("r", roundId).param("d", district).param("me", userId).query(Boolean.class).single();
	}

	/** Rounds (ids) in which the inspector is on a team. */
	boolean isOnTeam(UUID roundId, UUID inspectorId) {
		return jdbc.sql("select exists (select 1 from inspection_team_member where round_id = :r and inspector_id = :i)")
			.param("r", roundId).param("i", inspectorId).query(Boolean.class).single();
	}

	// observations

	private static final String ROW_COLUMNS = """
			id, round_id, round_kind, framework_id, standard_id, standard_code, point_id, point_type_code, district_id,
			street_id, unit_id, command_post_id, leader_person_id, person_id, result, recorded_fraction, get_fraction,
			note, problem_id, observed_at, observed_by, observed_by_name, version""";

	Optional<Row> observation(UUID roundId, UUID pointId, UUID standardId) {
		return jdbc.sql("select " + ROW_COLUMNS
				+ " from inspection_observation where round_id = :r and point_id = :p and standard_id = :s")
			.param("r", roundId).param("p", pointId).param("s", standardId).query(InspectionRepository::row).optional();
	}

	List<Row> observationsAt(UUID roundId, UUID pointId) {
		return jdbc.sql("select " + ROW_COLUMNS + " from inspection_observation where round_id = :r and point_id = :p")
			.param("r", roundId).param("p", pointId).query(InspectionRepository::row).list();
	}

	List<Row> observationsOf(UUID roundId) {
		return jdbc.sql("select " + ROW_COLUMNS + " from inspection_observation where round_id = :r order by observed_at, id")
			.param("r", roundId).query(InspectionRepository::row).list();
	}

	void insertObservation(Row r) {
		jdbc.sql("""
				insert into inspection_observation (id, round_id, round_kind, framework_id, standard_id, standard_code,
				    point_id, point_type_code, district_id, street_id, unit_id, command_post_id, leader_person_id, person_id,
				    result, recorded_fraction, get_fraction, get_units, note, problem_id, observed_at, observed_by,
				    observed_by_name)
				values (:id, :round, :kind, :framework, :standard, :standardCode, :point, :type, :district, :street, :unit,
				    :post, :leader, :person, :result, :recorded, :fraction, :units, :note, :problem, :at, :by, :byName)
				""").params(params(r)).update();
	}

	/** Inserts many observations with multi-row statements (a past round entered at once). */
	void insertObservations(List<Row> rows) {
		final int chunk = 400;
		for (int from = 0; from < rows.size(); from += chunk) {
			List<Row> part = rows.subList(from, Math.min(rows.size(), from + chunk));
			StringBuilder sql = new StringBuilder("""
					insert into inspection_observation (id, round_id, round_kind, framework_id, standard_id, standard_code,
					    point_id, point_type_code, district_id, street_id, unit_id, command_post_id, leader_person_id,
					    person_id, result, recorded_fraction, get_fraction, get_units, note, problem_id, observed_at,
					    observed_by, observed_by_name) values
					""");
			Map<String, Object> params = new java.util.HashMap<>();
			for (int i = 0; i < part.size(); i++) {
				sql.append(i == 0 ? "" : ",").append("""
						(:id%1$d, :round%1$d, :kind%1$d, :framework%1$d, :standard%1$d, :standardCode%1$d, :point%1$d,
						 :type%1$d, :district%1$d, :street%1$d, :unit%1$d, :post%1$d, :leader%1$d, :person%1$d, :result%1$d,
						 :recorded%1$d, :fraction%1$d, :units%1$d, :note%1$d, :problem%1$d, :at%1$d, :by%1$d, :byName%1$d)
						""".formatted(i));
				for (Map.Entry<String, Object> e : params(part.get(i)).entrySet()) {
					params.put(e.getKey() + i, e.getValue());
				}
			}
			jdbc.sql(sql.toString()).params(params).update();
		}
	}

	void updateObservation(Row r) {
		jdbc.sql("""
				update inspection_observation set point_type_code = :type, district_id = :district, street_id = :street,
				    unit_id = :unit, command_post_id = :post, leader_person_id = :leader, person_id = :person,
				    result = :result, recorded_fraction = :recorded, get_fraction = :fraction, get_units = :units,
				    note = :note,
				    problem_id = :problem, observed_at = :at, observed_by = :by, observed_by_name = :byName,
				    version = version + 1
				where id = :id
				""").params(params(r)).update();
	}

	private static Map<String, Object> params(Row r) {
		Map<String, Object> p = new java.util.HashMap<>();
		p.put("id", r.id());
		p.put("round", r.roundId());
		p.put("kind", r.roundKind().name());
		p.put("framework", r.frameworkId());
		p.put("standard", r.standardId());
		p.put("standardCode", r.standardCode());
		p.put("point", r.pointId());
		p.put("type", r.pointTypeCode());
		p.put("district", r.districtId());
		p.put("street", r.streetId());
		p.put("unit", r.unitId());
		p.put("post", r.commandPostId());
		p.put("leader", r.leaderPersonId());
		p.put("person", r.personId());
		p.put("result", r.result().name());
		p.put("recorded", r.recordedFraction());
		p.put("fraction", r.getFraction());
		p.put("units", r.getFraction() == null ? null
				: r.getFraction().movePointRight(4).setScale(0, java.math.RoundingMode.HALF_UP).intValueExact());
		p.put("note", r.note());
		p.put("problem", r.problemId());
		p.put("at", ts(r.observedAt()));
		p.put("by", r.observedBy());
		p.put("byName", r.observedByName());
		return p;
	}

	List<UUID> photosOf(UUID observationId) {
		return jdbc.sql("select blob_id from inspection_observation_photo where observation_id = :o order by blob_id")
			.param("o", observationId).query((rs, n) -> uuid(rs, "blob_id")).list();
	}

	Map<UUID, List<UUID>> photosOfRound(UUID roundId) {
		Map<UUID, List<UUID>> photos = new LinkedHashMap<>();
		jdbc.sql("""
				select ph.observation_id, ph.blob_id from inspection_observation_photo ph
				join inspection_observation o on o.id = ph.observation_id where o.round_id = :r order by o.observed_at, ph.blob_id
				""").param("r", roundId).query(rs -> {
			photos.computeIfAbsent(uuid(rs, "observation_id"), k -> new ArrayList<>()).add(uuid(rs, "blob_id"));
		});
		return photos;
	}

	void addPhotos(UUID observationId, Collection<UUID> blobs) {
		for (UUID blob : blobs) {
			jdbc.sql("insert into inspection_observation_photo (observation_id, blob_id) values (:o, :b) on conflict do nothing")
				.param("o", observationId).param("b", blob).update();
		}
	}

	void replacePhotos(UUID observationId, Collection<UUID> blobs) {
		jdbc.sql("delete from inspection_observation_photo where observation_id = :o").param("o", observationId).update();
		addPhotos(observationId, blobs);
	}

	// for the higher floors

	private static String groupColumn(ScoreDimension by) {
		return switch (by) {
			case CITY -> null;
			case DISTRICT -> "o.district_id";
			case STREET -> "o.street_id";
			case UNIT -> "o.unit_id";
			case POINT_TYPE -> "o.point_type_code";
			case COMMAND_POST -> "o.command_post_id";
			case POINT -> "o.point_id";
		};
	}

	static SqlWhere where(ObservationQuery q) {
		SqlWhere where = new SqlWhere().and("o.framework_id = :framework", "framework", q.frameworkId());
		if (!q.roundIds().isEmpty()) {
			where.and("o.round_id = any(:rounds)", "rounds", q.roundIds().toArray(UUID[]::new));
		}
		if (!q.kinds().isEmpty()) {
			where.and("o.round_kind = any(:kinds)", "kinds", q.kinds().stream().map(Enum::name).toArray(String[]::new));
		}
		if (q.from() != null) {
			where.and("o.observed_at >= :from", "from", ts(q.from()));
		}
		if (q.to() != null) {
			where.and("o.observed_at < :to", "to", ts(q.to()));
		}
		return where;
	}

	/** One aggregate: per group and standard, the sum of the get fractions and the count of applicable observations. */
	List<StandardRate> standardRates(ObservationQuery query, ScoreDimension by) {
		SqlWhere where = where(query).and("o.get_units is not null", null, null);
		String column = groupColumn(by);
		if (column != null) {
			where.and(column + " is not null", null, null);
		}
		// group on the raw (uuid) column, cast only the resulting keys to text
		String key = column == null ? "null::text" : by == ScoreDimension.POINT_TYPE ? column : column + "::text";
		String groupBy = column == null ? "o.standard_id" : column + ", o.standard_id";
		return where.bind(jdbc.sql("select " + key + " as group_key, o.standard_id, sum(o.get_units) as get_units,"
				+ " count(*) as applicable from inspection_observation o" + where.sql() + " group by " + groupBy))
			.query((rs, n) -> new StandardRate(rs.getString("group_key"), uuid(rs, "standard_id"),
					BigDecimal.valueOf(rs.getLong("get_units"), 4), rs.getLong("applicable")))
			.list();
	}

	void forEachFact(ObservationQuery query, Consumer<ObservationFact> sink) {
		SqlWhere where = where(query);
		where.bind(jdbc.sql("select " + FACT_COLUMNS + " from inspection_observation o" + where.sql()
				+ " order by o.observed_at, o.id")).query(rs -> {
			sink.accept(fact(rs));
		});
	}

	List<ObservationFact> latestFacts(UUID frameworkId) {
		return jdbc.sql("select distinct on (o.point_id, o.standard_id) " + FACT_COLUMNS
				+ " from inspection_observation o where o.framework_id = :f"
				+ " order by o.point_id, o.standard_id, o.observed_at desc, o.id desc")
			.param("f", frameworkId).query((rs, n) -> fact(rs)).list();
	}

	List<ObservationPhoto> photos(UUID roundId) {
		return jdbc.sql("""
				select ph.observation_id, ph.blob_id from inspection_observation_photo ph
				join inspection_observation o on o.id = ph.observation_id
				where o.round_id = :r order by o.observed_at, o.id, ph.blob_id
				""").param("r", roundId)
			.query((rs, n) -> new ObservationPhoto(uuid(rs, "observation_id"), uuid(rs, "blob_id"))).list();
	}

	/** The observation that created a problem, if any: for the problem page's link back. */
	Optional<Row> observationOfProblem(UUID problemId) {
		return jdbc.sql("select " + ROW_COLUMNS + " from inspection_observation where problem_id = :p").param("p", problemId)
			.query(InspectionRepository::row).optional();
	}

	// mapping

	private static InspectionRound round(ResultSet rs, int n) throws SQLException {
		return new InspectionRound(uuid(rs, "id"), rs.getString("name"), RoundKind.valueOf(rs.getString("kind")),
				uuid(rs, "framework_id"), RoundStatus.valueOf(rs.getString("status")), rs.getLong("seed"),
				uuid(rs, "sampling_rule_id"), rs.getObject("planned_on", LocalDate.class), instant(rs, "opened_at"),
				instant(rs, "closed_at"), rs.getInt("sampled_points"), rs.getInt("observed_points"));
	}

	private static ObservationFact fact(ResultSet rs) throws SQLException {
		return new ObservationFact(uuid(rs, "id"), uuid(rs, "round_id"), RoundKind.valueOf(rs.getString("round_kind")),
				uuid(rs, "framework_id"), uuid(rs, "standard_id"), uuid(rs, "point_id"), rs.getString("point_type_code"),
				uuid(rs, "district_id"), uuid(rs, "street_id"), uuid(rs, "unit_id"), uuid(rs, "command_post_id"),
				uuid(rs, "leader_person_id"), uuid(rs, "person_id"), ObservationResult.valueOf(rs.getString("result")),
				rs.getBigDecimal("get_fraction"), instant(rs, "observed_at"), uuid(rs, "problem_id"));
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(uuid(rs, "id"), uuid(rs, "round_id"), RoundKind.valueOf(rs.getString("round_kind")),
				uuid(rs, "framework_id"), uuid(rs, "standard_id"), rs.getString("standard_code"), uuid(rs, "point_id"),
				rs.getString("point_type_code"), uuid(rs, "district_id"), uuid(rs, "street_id"), uuid(rs, "unit_id"),
				uuid(rs, "command_post_id"), uuid(rs, "leader_person_id"), uuid(rs, "person_id"),
				ObservationResult.valueOf(rs.getString("result")), rs.getBigDecimal("recorded_fraction"),
				rs.getBigDecimal("get_fraction"), rs.getString("note"), uuid(rs, "problem_id"), instant(rs, "observed_at"),
				uuid(rs, "observed_by"), rs.getString("observed_by_name"), rs.getInt("version"));
	}

	static UUID uuid(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, UUID.class);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	static OffsetDateTime ts(Instant at) {
		return at == null ? null : at.atOffset(ZoneOffset.UTC);
	}
}
