package org.chuangwen.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL for jurisdictions, units and people. */
@Repository
class OrganisationRepository {

	private final JdbcClient jdbc;

	OrganisationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Jurisdiction> jurisdiction(UUID id) {
		return jdbc.sql("select * from jurisdiction where id = :id").param("id", id).query(OrganisationRepository::jurisdiction).optional();
	}

	Optional<Jurisdiction> jurisdictionByCode(String code) {
		return jdbc.sql("select * from jurisdiction where code = :code").param("code", code).query(OrganisationRepository::jurisdiction).optional();
	}

	boolean jurisdictionCodeTaken(String code) {
		return jdbc.sql("select count(*) from jurisdiction where code = :code").param("code", code).query(Long.class).single() > 0;
	}

	void insert(Jurisdiction j) {
		jdbc.sql("""
				insert into jurisdiction (id, parent_id, level, code, name, path, sort_order, version)
				values (:id, :parentId, :level, :code, :name, :path, :sortOrder, 0)
				""")
			.param("id", j.id())
			.param("parentId", j.parentId())
			.param("level", j.level().name())
			.param("code", j.code())
			.param("name", j.name())
			.param("path", j.path())
			.param("sortOrder", j.sortOrder())
			.update();
	}

	Optional<Unit> unit(UUID id) {
		return jdbc.sql("select * from unit where id = :id").param("id", id).query(OrganisationRepository::unit).optional();
	}

	Optional<Unit> unitByCode(String code) {
		return jdbc.sql("select * from unit where code = :code").param("code", code).query(OrganisationRepository::unit).optional();
	}

	boolean unitCodeTaken(String code) {
		return jdbc.sql("select count(*) from unit where code = :code").param("code", code).query(Long.class).single() > 0;
	}

	void insert(Unit u) {
		jdbc.sql("""
				insert into unit (id, code, name, type, jurisdiction_id, parent_id, main_leader_id, liaison_id, phone, address, active, version)
				values (:id, :code, :name, :type, :jurisdictionId, :parentId, :mainLeaderId, :liaisonId, :phone, :address, :active, 0)
				""")
			.param("id", u.id())
			.param("code", u.code())
			.param("name", u.name())
			.param("type", u.type().name())
			.param("jurisdictionId", u.jurisdictionId())
			.param("parentId", u.parentId())
			.param("mainLeaderId", u.mainLeaderId())
			.param("liaisonId", u.liaisonId())
			.param("phone", u.phone())
			.param("address", u.address())
			.param("active", u.active())
			.update();
	}

	void setUnitLeaders(UUID unitId, UUID mainLeaderId, UUID liaisonId) {
		jdbc.sql("update unit set main_leader_id = :leader, liaison_id = :liaison, version = version + 1 where id = :id")
			.param("id", unitId)
			.param("leader", mainLeaderId)
			.param("liaison", liaisonId)
			.update();
	}

	Optional<Person> person(UUID id) {
		return jdbc.sql("select * from person where id = :id").param("id", id).query(OrganisationRepository::person).optional();
	}

	boolean mobileTaken(String mobile) {
		return jdbc.sql("select count(*) from person where mobile = :m").param("m", mobile).query(Long.class).single() > 0;
	}

	void insert(Person p) {
		jdbc.sql("""
				insert into person (id, name, unit_id, position, mobile, jurisdiction_id, active, version)
				values (:id, :name, :unitId, :position, :mobile, :jurisdictionId, :active, 0)
				""")
			.param("id", p.id())
			.param("name", p.name())
			.param("unitId", p.unitId())
			.param("position", p.position())
			.param("mobile", p.mobile())
			.param("jurisdictionId", p.jurisdictionId())
			.param("active", p.active())
			.update();
	}

	long countJurisdictions() {
		return jdbc.sql("select count(*) from jurisdiction").query(Long.class).single();
	}

	static Jurisdiction jurisdiction(ResultSet rs, int row) throws SQLException {
		return new Jurisdiction(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class),
				JurisdictionLevel.valueOf(rs.getString("level")), rs.getString("code"), rs.getString("name"),
				rs.getString("path"), rs.getInt("sort_order"), rs.getInt("version"));
	}

	static Unit unit(ResultSet rs, int row) throws SQLException {
		return new Unit(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
				UnitType.valueOf(rs.getString("type")), rs.getObject("jurisdiction_id", UUID.class),
				rs.getObject("parent_id", UUID.class), rs.getObject("main_leader_id", UUID.class),
				rs.getObject("liaison_id", UUID.class), rs.getString("phone"), rs.getString("address"),
				rs.getBoolean("active"), rs.getInt("version"));
	}

	static Person person(ResultSet rs, int row) throws SQLException {
		return new Person(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("unit_id", UUID.class),
				rs.getString("position"), rs.getString("mobile"), rs.getObject("jurisdiction_id", UUID.class),
				rs.getBoolean("active"), rs.getInt("version"));
	}
}
