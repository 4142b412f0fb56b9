package org.chuangwen.points;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.shared.SqlWhere;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.chuangwen.shared.SqlValues.escapeLike;
import static org.chuangwen.shared.SqlValues.at;
import static org.chuangwen.shared.SqlValues.instant;

/** The point and grid boundary tables (V50). Every list query is bounded by the caller's scope and served by an index. */
@Repository
class PointRepository {

	private static final String INSERT = """
			insert into point (id, code, name, type_code, address, latitude, longitude, jurisdiction_id, jurisdiction_path,
			                   jurisdiction_code, jurisdiction_name, grid_id, grid_code, unit_id, unit_code, unit_name,
			                   leader_person_id, leader_name, person_id, person_name, status, version, created_at,
			                   created_by, updated_at, updated_by)
			values (:id, :code, :name, :type, :address, :lat, :lng, :jurisdiction, :path, :jurisdictionCode,
			        :jurisdictionName, :grid, :gridCode, :unit, :unitCode, :unitName, :leader, :leaderName, :person,
			        :personName, :status, 0, :createdAt, :by, :updatedAt, :by)
			""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batchJdbc;

	PointRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batchJdbc) {
		this.jdbc = jdbc;
		this.batchJdbc = batchJdbc;
	}

	void insert(Point p, UUID by) {
		batchJdbc.update(INSERT, parameters(p, by));
	}

	/** Inserts many points in batches of 500 (imports, the demo city). */
	void insertAll(List<Point> points, UUID by) {
		SqlParameterSource[] batch = points.stream().map(p -> parameters(p, by)).toArray(SqlParameterSource[]::new);
		for (int from = 0; from < batch.length; from += 500) {
			batchJdbc.batchUpdate(INSERT, Arrays.copyOfRange(batch, from, Math.min(batch.length, from + 500)));
		}
	}

	private static MapSqlParameterSource parameters(Point p, UUID by) {
		return new MapSqlParameterSource().addValue("id", p.id())
			.addValue("code", p.code())
			.addValue("name", p.name())
			.addValue("type", p.typeCode())
			.addValue("address", p.address())
			.addValue("lat", degrees(p.latitude()))
			.addValue("lng", degrees(p.longitude()))
			.addValue("jurisdiction", p.jurisdictionId())
			.addValue("path", p.jurisdictionPath())
			.addValue("jurisdictionCode", p.jurisdictionCode())
			.addValue("jurisdictionName", p.jurisdictionName())
			.addValue("grid", p.gridId())
			.addValue("gridCode", p.gridCode())
			.addValue("unit", p.unitId())
			.addValue("unitCode", p.unitCode())
			.addValue("unitName", p.unitName())
			.addValue("leader", p.leaderPersonId())
			.addValue("leaderName", p.leaderName())
			.addValue("person", p.personId())
			.addValue("personName", p.personName())
			.addValue("status", p.status().name())
			.addValue("createdAt", at(p.createdAt()))
			.addValue("updatedAt", at(p.updatedAt()))
			.addValue("by", by);
	}

	/** Writes a change if nobody changed the point since {@code expectedVersion}; false when somebody did. */
	boolean update(Point p, int expectedVersion, UUID by) {
		MapSqlParameterSource params = parameters(p, by).addValue("version", expectedVersion);
		return batchJdbc.update("""
				update point set code = :code, name = :name, type_code = :type, address = :address, latitude = :lat,
				                 longitude = :lng, jurisdiction_id = :jurisdiction, jurisdiction_path = :path,
				                 jurisdiction_code = :jurisdictionCode, jurisdiction_name = :jurisdictionName,
				                 grid_id = :grid, grid_code = :gridCode, unit_id = :unit, unit_code = :unitCode,
				                 unit_name = :unitName, leader_person_id = :leader, leader_name = :leaderName,
				                 person_id = :person, person_name = :personName, status = :status,
				                 updated_at = :updatedAt, updated_by = :by, version = version + 1
				where id = :id and version = :version
				""", params) == 1;
	}

	Optional<Point> find(UUID id) {
		return jdbc.sql("select * from point where id = :id").param("id", id).query(PointRepository::point).optional();
	}

	Optional<Point> findByCode(String code) {
		return jdbc.sql("select * from point where code = :code").param("code", code).query(PointRepository::point).optional();
	}

	boolean codeTaken(String code, UUID except) {
		return jdbc.sql("select exists (select 1 from point where code = :code and id <> :except)")
			.param("code", code)
			.param("except", except == null ? new UUID(0, 0) : except)
			.query(Boolean.class)
			.single();
	}

	/** Which of these codes are taken already. */
	List<String> takenCodes(List<String> codes) {
		if (codes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select code from point where code = any(:codes)")
			.param("codes", codes.toArray(String[]::new))
			.query(String.class)
			.list();
	}

	List<Point> ofType(String typeCode) {
		return jdbc.sql("select * from point where type_code = :type and status = 'ACTIVE' order by code")
			.param("type", typeCode)
			.query(PointRepository::point)
			.list();
	}

	/** Points whose location lies in the box (active and retired), at most {@code limit}. */
	List<Point> inBox(Geo.BoundingBox box, SqlWhere extra, int limit) {
		SqlWhere where = extra == null ? new SqlWhere() : extra;
		where.and("latitude >= :minLat", "minLat", degrees(box.minLat()))
			.and("latitude <= :maxLat", "maxLat", degrees(box.maxLat()))
			.and("longitude >= :minLng", "minLng", degrees(box.minLng()))
			.and("longitude <= :maxLng", "maxLng", degrees(box.maxLng()));
		return where.bind(jdbc.sql("select * from point" + where.sql() + " order by code limit :limit"))
			.param("limit", limit)
			.query(PointRepository::point)
			.list();
	}

	List<Point> page(SqlWhere where, PageRequest page) {
		return where.bind(jdbc.sql("select * from point" + where.sql() + " order by code limit :limit offset :offset"))
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(PointRepository::point)
			.list();
	}

	long count(SqlWhere where) {
		return where.bind(jdbc.sql("select count(*) from point" + where.sql())).query(Long.class).single();
	}

	List<Point> forExport(SqlWhere where, int limit) {
		return where.bind(jdbc.sql("select * from point" + where.sql() + " order by code limit :limit"))
			.param("limit", limit)
			.query(PointRepository::point)
			.list();
	}

	/** The scope condition: a unit-bound caller sees its unit's points, others the points inside their jurisdiction. */
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

	static SqlWhere filtered(OrganisationScope scope, PointFilter filter, String jurisdictionPath) {
		SqlWhere where = scoped(scope);
		if (filter.typeCode() != null && !filter.typeCode().isBlank()) {
			where.and("type_code = :type", "type", filter.typeCode().trim());
		}
		if (jurisdictionPath != null) {
			where.and("jurisdiction_path like :path", "path", escapeLike(jurisdictionPath) + "%");
		}
		if (filter.unitId() != null) {
			where.and("unit_id = :unit", "unit", filter.unitId());
		}
		if (filter.status() != null) {
			where.and("status = :status", "status", filter.status().name());
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			where.and("(code like :q or name like :q or address like :q)", "q", "%" + escapeLike(filter.q().trim()) + "%");
		}
		return where;
	}

	// grid boundaries

	void saveBoundary(GridBoundary b, Instant at, UUID by) {
		withBoundary(jdbc.sql("""
				insert into grid_boundary (grid_id, grid_code, jurisdiction_path, ring, min_lat, max_lat, min_lng, max_lng,
				                           version, updated_at, updated_by)
				values (:grid, :code, :path, cast(:ring as jsonb), :minLat, :maxLat, :minLng, :maxLng, 0, :at, :by)
				on conflict (grid_id) do update set grid_code = excluded.grid_code,
				    jurisdiction_path = excluded.jurisdiction_path, ring = excluded.ring, min_lat = excluded.min_lat,
				    max_lat = excluded.max_lat, min_lng = excluded.min_lng, max_lng = excluded.max_lng,
				    version = grid_boundary.version + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by
				"""), b, at, by)
			.update();
	}

	/** Binds a boundary's columns, its bounding box and who changed it when (the insert and the update share them). */
	private JdbcClient.StatementSpec withBoundary(JdbcClient.StatementSpec statement, GridBoundary b, Instant at, UUID by) {
		Geo.BoundingBox box = b.bounds();
		return statement.param("grid", b.gridId())
			.param("code", b.gridCode())
			.param("path", b.jurisdictionPath())
			.param("ring", ringJson(b.ring()))
			.param("minLat", degrees(box.minLat()))
			.param("maxLat", degrees(box.maxLat()))
			.param("minLng", degrees(box.minLng()))
			.param("maxLng", degrees(box.maxLng()))
			.param("at", at(at))
			.param("by", by);
	}

	/**
	 * Replaces a boundary if its version is still {@code expectedVersion}; false when somebody changed it meanwhile (or
	 * it does not exist).
	 */
	boolean updateBoundary(GridBoundary b, int expectedVersion, Instant at, UUID by) {
		return withBoundary(jdbc.sql("""
				update grid_boundary set grid_code = :code, jurisdiction_path = :path, ring = cast(:ring as jsonb),
				    min_lat = :minLat, max_lat = :maxLat, min_lng = :minLng, max_lng = :maxLng, version = version + 1,
				    updated_at = :at, updated_by = :by
				where grid_id = :grid and version = :version
				"""), b, at, by)
			.param("version", expectedVersion)
			.update() == 1;
	}

	/** Inserts many new boundaries at once (the demo city). */
	void insertBoundaries(List<GridBoundary> boundaries, Instant at) {
		SqlParameterSource[] batch = boundaries.stream().map(b -> {
			Geo.BoundingBox box = b.bounds();
			return new MapSqlParameterSource().addValue("grid", b.gridId())
				.addValue("code", b.gridCode())
				.addValue("path", b.jurisdictionPath())
				.addValue("ring", ringJson(b.ring()))
				.addValue("minLat", degrees(box.minLat()))
				.addValue("maxLat", degrees(box.maxLat()))
				.addValue("minLng", degrees(box.minLng()))
				.addValue("maxLng", degrees(box.maxLng()))
				.addValue("at", at(at));
		}).toArray(SqlParameterSource[]::new);
		for (int from = 0; from < batch.length; from += 500) {
			batchJdbc.batchUpdate("""
					insert into grid_boundary (grid_id, grid_code, jurisdiction_path, ring, min_lat, max_lat, min_lng,
					                           max_lng, version, updated_at)
					values (:grid, :code, :path, cast(:ring as jsonb), :minLat, :maxLat, :minLng, :maxLng, 0, :at)
					""", Arrays.copyOfRange(batch, from, Math.min(batch.length, from + 500)));
		}
	}

	Optional<GridBoundary> boundary(UUID gridId) {
		return jdbc.sql("select * from grid_boundary where grid_id = :grid")
			.param("grid", gridId)
			.query(PointRepository::boundary)
			.optional();
	}

	List<GridBoundary> boundaries(java.util.Collection<UUID> gridIds) {
		if (gridIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from grid_boundary where grid_id = any(:ids)")
			.param("ids", gridIds.toArray(UUID[]::new))
			.query(PointRepository::boundary)
			.list();
	}

	/** Boundaries whose box holds the position: the candidates of a point-in-polygon test. */
	List<GridBoundary> boundariesAround(double lat, double lng) {
		BigDecimal la = degrees(lat), ln = degrees(lng);
		return jdbc.sql("""
				select * from grid_boundary
				where min_lat <= :lat and max_lat >= :lat and min_lng <= :lng and max_lng >= :lng
				order by grid_id
				""")
			.param("lat", la)
			.param("lng", ln)
			.query(PointRepository::boundary)
			.list();
	}

	/** Boundaries that overlap a box, inside a jurisdiction path prefix (or everywhere), at most {@code limit}. */
	List<GridBoundary> boundariesIn(Geo.BoundingBox box, String pathPrefix, int limit) {
		SqlWhere where = new SqlWhere().and("min_lat <= :maxLat", "maxLat", degrees(box.maxLat()))
			.and("max_lat >= :minLat", "minLat", degrees(box.minLat()))
			.and("min_lng <= :maxLng", "maxLng", degrees(box.maxLng()))
			.and("max_lng >= :minLng", "minLng", degrees(box.minLng()));
		if (pathPrefix != null) {
			where.and("jurisdiction_path like :path", "path", escapeLike(pathPrefix) + "%");
		}
		return where.bind(jdbc.sql("select * from grid_boundary" + where.sql() + " order by grid_code limit :limit"))
			.param("limit", limit)
			.query(PointRepository::boundary)
			.list();
	}

	/** The box around all boundaries inside a path prefix (or all), if there are any. */
	Optional<Geo.BoundingBox> extentOfBoundaries(String pathPrefix) {
		SqlWhere where = new SqlWhere();
		if (pathPrefix != null) {
			where.and("jurisdiction_path like :path", "path", escapeLike(pathPrefix) + "%");
		}
		return where.bind(jdbc.sql("select min(min_lat), min(min_lng), max(max_lat), max(max_lng) from grid_boundary" + where.sql()))
			.query((rs, n) -> rs.getBigDecimal(1) == null ? null
					: new Geo.BoundingBox(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)))
			.optional();
	}

	/** The box around the points inside a scope, if there are any. */
	Optional<Geo.BoundingBox> extentOfPoints(SqlWhere where) {
		return where.bind(jdbc.sql("select min(latitude), min(longitude), max(latitude), max(longitude) from point" + where.sql()))
			.query((rs, n) -> rs.getBigDecimal(1) == null ? null
					: new Geo.BoundingBox(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)))
			.optional();
	}

	// photos

	List<PointPhoto> photos(UUID pointId) {
		return jdbc.sql("select * from point_photo where point_id = :point order by added_at, blob_id")
			.param("point", pointId)
			.query(PointRepository::photo)
			.list();
	}

	Optional<PointPhoto> photo(UUID pointId, UUID blobId) {
		return jdbc.sql("select * from point_photo where point_id = :point and blob_id = :blob")
			.param("point", pointId)
			.param("blob", blobId)
			.query(PointRepository::photo)
			.optional();
	}

	boolean hasPhoto(UUID pointId, UUID blobId) {
		return photo(pointId, blobId).isPresent();
	}

	int photoCount(UUID pointId) {
		return jdbc.sql("select count(*) from point_photo where point_id = :point")
			.param("point", pointId)
			.query(Integer.class)
			.single();
	}

	void insertPhoto(PointPhoto photo) {
		jdbc.sql("""
				insert into point_photo (point_id, blob_id, filename, content_type, size, added_at, added_by)
				values (:point, :blob, :filename, :type, :size, :at, :by)
				""")
			.param("point", photo.pointId())
			.param("blob", photo.blobId())
			.param("filename", photo.filename())
			.param("type", photo.contentType())
			.param("size", photo.size())
			.param("at", at(photo.addedAt()))
			.param("by", photo.addedBy())
			.update();
	}

	void deletePhoto(UUID pointId, UUID blobId) {
		jdbc.sql("delete from point_photo where point_id = :point and blob_id = :blob")
			.param("point", pointId)
			.param("blob", blobId)
			.update();
	}

	/** Raises a point's version (its photos changed) if nobody changed it since {@code expectedVersion}. */
	boolean touch(UUID pointId, int expectedVersion, Instant at, UUID by) {
		return jdbc.sql("""
				update point set version = version + 1, updated_at = :at, updated_by = :by
				where id = :id and version = :version
				""")
			.param("id", pointId)
			.param("version", expectedVersion)
			.param("at", at(at))
			.param("by", by)
			.update() == 1;
	}

	static PointPhoto photo(ResultSet rs, int row) throws SQLException {
		return new PointPhoto(rs.getObject("point_id", UUID.class), rs.getObject("blob_id", UUID.class),
				rs.getString("filename"), rs.getString("content_type"), rs.getLong("size"), instant(rs, "added_at"),
				rs.getObject("added_by", UUID.class));
	}

	// mapping

	static String ringJson(List<LatLng> ring) {
		StringBuilder json = new StringBuilder("[");
		for (int i = 0; i < ring.size(); i++) {
			if (i > 0) {
				json.append(',');
			}
			json.append('[').append(degrees(ring.get(i).lat()).toPlainString()).append(',')
				.append(degrees(ring.get(i).lng()).toPlainString()).append(']');
		}
		return json.append(']').toString();
	}

	static List<LatLng> parseRing(String json) {
		String body = json.replaceAll("\\s", "");
		List<LatLng> ring = new ArrayList<>();
		if (body.length() <= 2) {
			return ring;
		}
		for (String pair : body.substring(2, body.length() - 2).split("\\],\\[")) {
			String[] parts = pair.split(",");
			ring.add(new LatLng(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
		}
		return ring;
	}

	/** Degrees rounded to the 6 decimals the columns keep. */
	static BigDecimal degrees(double value) {
		return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
	}




	static Point point(ResultSet rs, int row) throws SQLException {
		return new Point(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
				rs.getString("type_code"), rs.getString("address"), rs.getDouble("latitude"), rs.getDouble("longitude"),
				rs.getObject("jurisdiction_id", UUID.class), rs.getString("jurisdiction_path"),
				rs.getString("jurisdiction_code"), rs.getString("jurisdiction_name"), rs.getObject("grid_id", UUID.class),
				rs.getString("grid_code"), rs.getObject("unit_id", UUID.class), rs.getString("unit_code"),
				rs.getString("unit_name"), rs.getObject("leader_person_id", UUID.class), rs.getString("leader_name"),
				rs.getObject("person_id", UUID.class), rs.getString("person_name"),
				PointStatus.valueOf(rs.getString("status")), rs.getInt("version"), instant(rs, "created_at"),
				instant(rs, "updated_at"));
	}

	static GridBoundary boundary(ResultSet rs, int row) throws SQLException {
		return new GridBoundary(rs.getObject("grid_id", UUID.class), rs.getString("grid_code"),
				rs.getString("jurisdiction_path"), parseRing(rs.getString("ring")), rs.getInt("version"));
	}
}
