package org.chuangwen.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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

	Optional<Person> personByMobile(String mobile) {
		return jdbc.sql("select * from person where mobile = :m").param("m", mobile).query(OrganisationRepository::person).optional();
	}

	boolean mobileTakenByOther(String mobile, UUID personId) {
		return jdbc.sql("select count(*) from person where mobile = :m and id <> :id")
			.param("m", mobile)
			.param("id", personId)
			.query(Long.class)
			.single() > 0;
	}

	boolean jurisdictionCodeTakenByOther(String code, UUID id) {
		return jdbc.sql("select count(*) from jurisdiction where code = :code and id <> :id")
			.param("code", code)
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	boolean unitCodeTakenByOther(String code, UUID id) {
		return jdbc.sql("select count(*) from unit where code = :code and id <> :id")
			.param("code", code)
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	/** Changes a node's own fields; false when the version is stale. */
	boolean update(Jurisdiction j, int expectedVersion) {
		return jdbc.sql("""
				update jurisdiction set code = :code, name = :name, sort_order = :sortOrder, version = version + 1
				where id = :id and version = :version
				""")
			.param("id", j.id())
			.param("code", j.code())
			.param("name", j.name())
			.param("sortOrder", j.sortOrder())
			.param("version", expectedVersion)
			.update() == 1;
	}

	/** Hangs a node under a new parent; false when the version is stale. */
	boolean reparent(UUID id, UUID parentId, int expectedVersion) {
		return jdbc.sql("""
				update jurisdiction set parent_id = :parentId, version = version + 1
				where id = :id and version = :version
				""")
			.param("id", id)
			.param("parentId", parentId)
			.param("version", expectedVersion)
			.update() == 1;
	}

	/** Rewrites the paths of a whole subtree in one statement; answers how many nodes moved. */
	int rewritePaths(Jurisdiction.PathRewrite rewrite) {
		return jdbc.sql("""
				update jurisdiction set path = :to || substr(path, char_length(:from) + 1)
				where path like :fromPrefix
				""")
			.param("to", rewrite.to())
			.param("from", rewrite.from())
			.param("fromPrefix", rewrite.from() + "%")
			.update();
	}

	/** The chain of parent units from the given unit upwards (itself first). */
	List<UUID> unitLineage(UUID unitId) {
		return jdbc.sql("""
				with recursive chain (id, parent_id, depth) as (
				    select id, parent_id, 0 from unit where id = :id
				    union all
				    select u.id, u.parent_id, chain.depth + 1 from unit u join chain on u.id = chain.parent_id
				    where chain.depth < 100
				)
				select id from chain order by depth
				""")
			.param("id", unitId)
			.query(UUID.class)
			.list();
	}

	/** Changes a unit; false when the version is stale. */
	boolean update(Unit u, int expectedVersion) {
		return jdbc.sql("""
				update unit set code = :code, name = :name, type = :type, jurisdiction_id = :jurisdictionId,
				       parent_id = :parentId, main_leader_id = :mainLeaderId, liaison_id = :liaisonId, phone = :phone,
				       address = :address, active = :active, version = version + 1
				where id = :id and version = :version
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
			.param("version", expectedVersion)
			.update() == 1;
	}

	/** Changes a person; false when the version is stale. */
	boolean update(Person p, int expectedVersion) {
		return jdbc.sql("""
				update person set name = :name, unit_id = :unitId, position = :position, mobile = :mobile,
				       jurisdiction_id = :jurisdictionId, active = :active, version = version + 1
				where id = :id and version = :version
				""")
			.param("id", p.id())
			.param("name", p.name())
			.param("unitId", p.unitId())
			.param("position", p.position())
			.param("mobile", p.mobile())
			.param("jurisdictionId", p.jurisdictionId())
			.param("active", p.active())
			.param("version", expectedVersion)
			.update() == 1;
	}

	/** Whether the person is the main leader or liaison of a unit other than the given one. */
	boolean leadsUnitOtherThan(UUID personId, UUID unitId) {
		return jdbc.sql("""
				select count(*) from unit
				where (main_leader_id = :person or liaison_id = :person) and (cast(:unit as uuid) is null or id <> :unit)
				""")
			.param("person", personId)
			.param("unit", unitId)
			.query(Long.class)
			.single() > 0;
	}

	/** How many areas, segments, shop fronts or points the unit holds as block unit, and how many command posts it leads. */
	long[] holdings(UUID unitId) {
		long blocks = jdbc.sql("select count(*) from responsibility where block_unit_id = :u").param("u", unitId).query(Long.class).single();
		long posts = jdbc.sql("select count(*) from command_post where lead_unit_id = :u").param("u", unitId).query(Long.class).single();
		return new long[] { blocks, posts };
	}

	// command posts

	Optional<CommandPost> commandPost(UUID id) {
		return jdbc.sql("select * from command_post where id = :id")
			.param("id", id)
			.query((rs, row) -> commandPost(rs, commandPostMembers(id)))
			.optional();
	}

	List<UUID> commandPostMembers(UUID commandPostId) {
		return jdbc.sql("""
				select m.unit_id from command_post_member m join unit u on u.id = m.unit_id
				where m.command_post_id = :id order by u.code
				""").param("id", commandPostId).query(UUID.class).list();
	}

	boolean commandPostCodeTaken(String code, UUID exceptId) {
		return jdbc.sql("select count(*) from command_post where code = :code and (cast(:id as uuid) is null or id <> :id)")
			.param("code", code)
			.param("id", exceptId)
			.query(Long.class)
			.single() > 0;
	}

	void insert(CommandPost c) {
		jdbc.sql("""
				insert into command_post (id, code, name, jurisdiction_id, commander_id, lead_unit_id, description, version)
				values (:id, :code, :name, :jurisdictionId, :commanderId, :leadUnitId, :description, 0)
				""")
			.param("id", c.id())
			.param("code", c.code())
			.param("name", c.name())
			.param("jurisdictionId", c.jurisdictionId())
			.param("commanderId", c.commanderId())
			.param("leadUnitId", c.leadUnitId())
			.param("description", c.description())
			.update();
		for (UUID unit : c.memberUnitIds()) {
			addMember(c.id(), unit);
		}
	}

	boolean update(CommandPost c, int expectedVersion) {
		return jdbc.sql("""
				update command_post set code = :code, name = :name, jurisdiction_id = :jurisdictionId,
				       commander_id = :commanderId, lead_unit_id = :leadUnitId, description = :description,
				       version = version + 1
				where id = :id and version = :version
				""")
			.param("id", c.id())
			.param("code", c.code())
			.param("name", c.name())
			.param("jurisdictionId", c.jurisdictionId())
			.param("commanderId", c.commanderId())
			.param("leadUnitId", c.leadUnitId())
			.param("description", c.description())
			.param("version", expectedVersion)
			.update() == 1;
	}

	boolean addMember(UUID commandPostId, UUID unitId) {
		return jdbc.sql("""
				insert into command_post_member (command_post_id, unit_id) values (:post, :unit)
				on conflict do nothing
				""").param("post", commandPostId).param("unit", unitId).update() == 1;
	}

	boolean removeMember(UUID commandPostId, UUID unitId) {
		return jdbc.sql("delete from command_post_member where command_post_id = :post and unit_id = :unit")
			.param("post", commandPostId)
			.param("unit", unitId)
			.update() == 1;
	}

	void touch(CommandPost c) {
		jdbc.sql("update command_post set version = version + 1 where id = :id").param("id", c.id()).update();
	}

	// responsibility map

	Optional<Responsibility> responsibility(UUID id) {
		return jdbc.sql("select * from responsibility where id = :id").param("id", id).query(OrganisationRepository::responsibility).optional();
	}

	boolean areaTaken(UUID jurisdictionId, UUID exceptId) {
		return jdbc.sql("""
				select count(*) from responsibility
				where jurisdiction_id = :j and subject_kind = 'AREA' and (cast(:id as uuid) is null or id <> :id)
				""").param("j", jurisdictionId).param("id", exceptId).query(Long.class).single() > 0;
	}

	/** The AREA entries held on any of the given nodes, each with its block unit (for routing up the tree). */
	List<Responsibility> areasOn(List<UUID> jurisdictionIds) {
		return jdbc.sql("""
				select * from responsibility where subject_kind = 'AREA' and jurisdiction_id = any(:ids)
				""").param("ids", jurisdictionIds.toArray(UUID[]::new)).query(OrganisationRepository::responsibility).list();
	}

	void insert(Responsibility r) {
		jdbc.sql("""
				insert into responsibility (id, jurisdiction_id, subject_kind, subject_name, subject_ref, area_leader_id,
				                            block_unit_id, door_person_id, frontage_duties, version)
				values (:id, :jurisdictionId, :kind, :subjectName, :subjectRef, :areaLeaderId, :blockUnitId,
				        :doorPersonId, cast(:duties as text[]), 0)
				""")
			.param("id", r.id())
			.param("jurisdictionId", r.jurisdictionId())
			.param("kind", r.kind().name())
			.param("subjectName", r.subjectName())
			.param("subjectRef", r.subjectRef())
			.param("areaLeaderId", r.areaLeaderId())
			.param("blockUnitId", r.blockUnitId())
			.param("doorPersonId", r.doorPersonId())
			.param("duties", duties(r.frontageDuties()))
			.update();
	}

	boolean update(Responsibility r, int expectedVersion) {
		return jdbc.sql("""
				update responsibility set jurisdiction_id = :jurisdictionId, subject_kind = :kind,
				       subject_name = :subjectName, subject_ref = :subjectRef, area_leader_id = :areaLeaderId,
				       block_unit_id = :blockUnitId, door_person_id = :doorPersonId,
				       frontage_duties = cast(:duties as text[]), version = version + 1
				where id = :id and version = :version
				""")
			.param("id", r.id())
			.param("jurisdictionId", r.jurisdictionId())
			.param("kind", r.kind().name())
			.param("subjectName", r.subjectName())
			.param("subjectRef", r.subjectRef())
			.param("areaLeaderId", r.areaLeaderId())
			.param("blockUnitId", r.blockUnitId())
			.param("doorPersonId", r.doorPersonId())
			.param("duties", duties(r.frontageDuties()))
			.param("version", expectedVersion)
			.update() == 1;
	}

	boolean delete(Responsibility r, int expectedVersion) {
		return jdbc.sql("delete from responsibility where id = :id and version = :version")
			.param("id", r.id())
			.param("version", expectedVersion)
			.update() == 1;
	}

	private static String duties(java.util.Set<FrontageDuty> duties) {
		return duties.stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(",", "{", "}"));
	}

	static CommandPost commandPost(ResultSet rs, List<UUID> members) throws SQLException {
		return new CommandPost(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
				rs.getObject("jurisdiction_id", UUID.class), rs.getObject("commander_id", UUID.class),
				rs.getObject("lead_unit_id", UUID.class), rs.getString("description"), members, rs.getInt("version"));
	}

	static Responsibility responsibility(ResultSet rs, int row) throws SQLException {
		java.util.Set<FrontageDuty> duties = java.util.EnumSet.noneOf(FrontageDuty.class);
		for (String duty : (String[]) rs.getArray("frontage_duties").getArray()) {
			duties.add(FrontageDuty.valueOf(duty));
		}
		return new Responsibility(rs.getObject("id", UUID.class), rs.getObject("jurisdiction_id", UUID.class),
				ResponsibilityKind.valueOf(rs.getString("subject_kind")), rs.getString("subject_name"),
				rs.getString("subject_ref"), rs.getObject("area_leader_id", UUID.class),
				rs.getObject("block_unit_id", UUID.class), rs.getObject("door_person_id", UUID.class), duties,
				rs.getInt("version"));
	}

	List<Unit> unitsByCodes(java.util.Collection<String> codes) {
		return jdbc.sql("select * from unit where code = any(:codes)")
			.param("codes", codes.toArray(String[]::new))
			.query(OrganisationRepository::unit)
			.list();
	}

	List<String> mobilesTaken(java.util.Collection<String> mobiles) {
		return jdbc.sql("select mobile from person where mobile = any(:mobiles)")
			.param("mobiles", mobiles.toArray(String[]::new))
			.query(String.class)
			.list();
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
