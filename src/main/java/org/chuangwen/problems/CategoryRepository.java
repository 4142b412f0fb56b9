package org.chuangwen.problems;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.chuangwen.organisation.UnitType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The taxonomy tables (V55). */
@Repository
class CategoryRepository {

	private final JdbcClient jdbc;

	CategoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ProblemCategory> all() {
		return jdbc.sql("""
				select c.* from problem_category c left join problem_category p on p.code = c.parent_code
				order by coalesce(p.sort_order, c.sort_order), coalesce(c.parent_code, c.code), c.parent_code nulls first,
				         c.sort_order, c.code
				""").query(CategoryRepository::category).list();
	}

	Optional<ProblemCategory> find(String code) {
		return jdbc.sql("select * from problem_category where code = :code").param("code", code)
			.query(CategoryRepository::category).optional();
	}

	boolean update(ProblemCategory c) {
		return jdbc.sql("""
				update problem_category set deadline_value = :value, deadline_unit = :unit, default_unit_type = :type,
				       version = version + 1
				where code = :code and version = :version
				""")
			.param("value", c.deadlineValue())
			.param("unit", c.deadlineUnit().name())
			.param("type", c.defaultUnitType().name())
			.param("code", c.code())
			.param("version", c.version())
			.update() == 1;
	}

	/** The handling units of a category on the given nodes, by node. */
	Map<UUID, UUID> handlingUnits(String categoryCode, List<UUID> nodes) {
		if (nodes.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select jurisdiction_id, unit_id from problem_category_unit
				where category_code = :code and jurisdiction_id in (:nodes)
				""")
			.param("code", categoryCode)
			.param("nodes", nodes)
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Every handling unit set on one node, by category code. */
	Map<String, UUID> handlingUnitsOn(UUID jurisdictionId) {
		return jdbc.sql("select category_code, unit_id from problem_category_unit where jurisdiction_id = :node")
			.param("node", jurisdictionId)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	void setHandlingUnit(String categoryCode, UUID jurisdictionId, UUID unitId) {
		if (unitId == null) {
			jdbc.sql("delete from problem_category_unit where category_code = :code and jurisdiction_id = :node")
				.param("code", categoryCode).param("node", jurisdictionId).update();
			return;
		}
		jdbc.sql("""
				insert into problem_category_unit (category_code, jurisdiction_id, unit_id) values (:code, :node, :unit)
				on conflict (category_code, jurisdiction_id) do update set unit_id = excluded.unit_id
				""")
			.param("code", categoryCode).param("node", jurisdictionId).param("unit", unitId).update();
	}

	static ProblemCategory category(ResultSet rs, int row) throws SQLException {
		String unit = rs.getString("deadline_unit");
		String type = rs.getString("default_unit_type");
		int value = rs.getInt("deadline_value");
		return new ProblemCategory(rs.getString("code"), rs.getString("parent_code"), rs.getString("name"),
				rs.getString("name_en"), rs.wasNull() ? null : value, unit == null ? null : DeadlineUnit.valueOf(unit),
				type == null ? null : UnitType.valueOf(type), rs.getInt("sort_order"), rs.getBoolean("active"),
				rs.getInt("version"));
	}
}
