package org.chuangwen.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.organisation.OrganisationDirectory.CommandPostSummary;
import org.chuangwen.organisation.OrganisationDirectory.JurisdictionEntry;
import org.chuangwen.organisation.OrganisationDirectory.PersonFilter;
import org.chuangwen.organisation.OrganisationDirectory.PersonSummary;
import org.chuangwen.organisation.OrganisationDirectory.ResponsibilityFilter;
import org.chuangwen.organisation.OrganisationDirectory.ResponsibilitySummary;
import org.chuangwen.organisation.OrganisationDirectory.UnitFilter;
import org.chuangwen.organisation.OrganisationDirectory.UnitSummary;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read models of the organisation pages and API: scoped, filtered, paged lists. Every condition is a fixed
 * fragment of SQL with named parameters; user input only ever travels as a parameter value. Searches match a code
 * prefix or a name substring inside the caller's subtree (found through the jurisdiction path index).
 */
@Repository
class OrganisationQueries {

	private final JdbcClient jdbc;

	OrganisationQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The conditions of one query, joined by {@code and}, with their parameters. */
	private static final class Criteria {

		private final List<String> conditions = new ArrayList<>();

		private final Map<String, Object> params = new LinkedHashMap<>();

		Criteria where(String condition) {
			conditions.add(condition);
			return this;
		}

		Criteria where(String condition, String name, Object value) {
			conditions.add(condition);
			params.put(name, value);
			return this;
		}

		Criteria param(String name, Object value) {
			params.put(name, value);
			return this;
		}

		String clause() {
			return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		}

		Map<String, Object> params() {
			return params;
		}
	}

	static String prefix(String text) {
		return escape(text.trim()) + "%";
	}

	static String contains(String text) {
		return "%" + escape(text.trim()) + "%";
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static boolean present(String text) {
		return text != null && !text.isBlank();
	}

	private <T> Page<T> page(String select, String from, Criteria criteria, String orderBy, PageRequest page,
			org.springframework.jdbc.core.RowMapper<T> mapper) {
		long total = jdbc.sql("select count(*) " + from + criteria.clause()).params(criteria.params()).query(Long.class).single();
		List<T> items = jdbc.sql(select + " " + from + criteria.clause() + " order by " + orderBy + " limit :limit offset :offset")
			.params(criteria.params())
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(mapper)
			.list();
		return Page.of(items, page, total);
	}

	// jurisdictions

	private static final String JURISDICTION_ENTRY = """
			select j.*, p.name as parent_name,
			       (select count(*) from jurisdiction c where c.parent_id = j.id) as children,
			       (select count(*) from unit u join jurisdiction d on d.id = u.jurisdiction_id
			        where d.path like j.path || '%') as units
			""";

	/** The children of a node, or the caller's top node(s) when {@code parentId} is null. */
	List<JurisdictionEntry> jurisdictionChildren(OrganisationScope scope, UUID parentId) {
		Criteria c = new Criteria();
		if (parentId != null) {
			c.where("j.parent_id = :parent", "parent", parentId);
		}
		else if (scope.path() == null) {
			c.where("j.parent_id is null");
		}
		else {
			c.where("j.path = :top", "top", scope.path());
		}
		scopeJurisdictions(scope, c);
		return jdbc.sql(JURISDICTION_ENTRY + " from jurisdiction j left join jurisdiction p on p.id = j.parent_id"
				+ c.clause() + " order by j.sort_order, j.code").params(c.params()).query(OrganisationQueries::jurisdictionEntry).list();
	}

	Page<JurisdictionEntry> searchJurisdictions(OrganisationScope scope, String q, JurisdictionLevel level, PageRequest page) {
		Criteria c = new Criteria();
		scopeJurisdictions(scope, c);
		if (present(q)) {
			c.where("(j.code like :codePrefix or j.name like :nameContains)").param("codePrefix", prefix(q))
				.param("nameContains", contains(q));
		}
		if (level != null) {
			c.where("j.level = :level", "level", level.name());
		}
		return page(JURISDICTION_ENTRY, "from jurisdiction j left join jurisdiction p on p.id = j.parent_id", c,
				"char_length(j.path), j.sort_order, j.code", page, OrganisationQueries::jurisdictionEntry);
	}

	/** The flat list for the API: everything in scope (or the children of one node), parents before children. */
	Page<Jurisdiction> jurisdictions(OrganisationScope scope, UUID parentId, PageRequest page) {
		Criteria c = new Criteria();
		scopeJurisdictions(scope, c);
		if (parentId != null) {
			c.where("j.parent_id = :parent", "parent", parentId);
		}
		return page("select j.*", "from jurisdiction j", c, "char_length(j.path), j.sort_order, j.code", page,
				OrganisationRepository::jurisdiction);
	}

	List<Jurisdiction> lineage(Jurisdiction node) {
		return jdbc.sql("select * from jurisdiction where id = any(:ids) order by char_length(path)")
			.param("ids", node.lineage().toArray(UUID[]::new))
			.query(OrganisationRepository::jurisdiction)
			.list();
	}

	/** Nodes the caller may pick as a parent or as a unit's jurisdiction, in tree order; grids left out when asked. */
	List<Jurisdiction> jurisdictionOptions(OrganisationScope scope, boolean withGrids) {
		Criteria c = new Criteria();
		scopeJurisdictions(scope, c);
		if (!withGrids) {
			c.where("j.level <> 'GRID'");
		}
		return jdbc.sql("select j.* from jurisdiction j" + c.clause() + " order by j.path")
			.params(c.params())
			.query(OrganisationRepository::jurisdiction)
			.list();
	}

	private static void scopeJurisdictions(OrganisationScope scope, Criteria c) {
		if (scope.path() != null) {
			c.where("j.path like :scopePath", "scopePath", scope.path() + "%");
		}
	}

	// units

	private static final String UNIT_SUMMARY = """
			select u.*, j.code as jurisdiction_code, j.name as jurisdiction_name, pu.name as parent_name,
			       ml.name as leader_name, li.name as liaison_name
			""";

	private static final String UNIT_FROM = """
			from unit u
			join jurisdiction j on j.id = u.jurisdiction_id
			left join unit pu on pu.id = u.parent_id
			left join person ml on ml.id = u.main_leader_id
			left join person li on li.id = u.liaison_id
			""";

	Page<UnitSummary> units(OrganisationScope scope, UnitFilter filter, PageRequest page) {
		return page(UNIT_SUMMARY, UNIT_FROM, unitCriteria(scope, filter), "u.code", page, OrganisationQueries::unitSummary);
	}

	List<UnitSummary> allUnits(OrganisationScope scope, UnitFilter filter, int limit) {
		Criteria c = unitCriteria(scope, filter);
		return jdbc.sql(UNIT_SUMMARY + UNIT_FROM + c.clause() + " order by u.code limit :limit")
			.params(c.params())
			.param("limit", limit)
			.query(OrganisationQueries::unitSummary)
			.list();
	}

	private Criteria unitCriteria(OrganisationScope scope, UnitFilter filter) {
		Criteria c = new Criteria();
		if (scope.isUnitBound()) {
			c.where("u.id = :scopeUnit", "scopeUnit", scope.unitId());
		}
		else {
			scopeJurisdictions(scope, c);
		}
		if (present(filter.q())) {
			c.where("(u.code like :codePrefix or u.name like :nameContains)").param("codePrefix", prefix(filter.q()))
				.param("nameContains", contains(filter.q()));
		}
		if (filter.type() != null) {
			c.where("u.type = :type", "type", filter.type().name());
		}
		if (filter.jurisdictionPath() != null) {
			c.where("j.path like :subtree", "subtree", filter.jurisdictionPath() + "%");
		}
		if (filter.active() != null) {
			c.where("u.active = :active", "active", filter.active());
		}
		return c;
	}

	Page<UnitSummary> subordinateUnits(UUID parentId, PageRequest page) {
		return page(UNIT_SUMMARY, UNIT_FROM, new Criteria().where("u.parent_id = :parent", "parent", parentId), "u.code",
				page, OrganisationQueries::unitSummary);
	}

	// people

	private static final String PERSON_SUMMARY = """
			select p.*, u.code as unit_code, u.name as unit_name
			""";

	private static final String PERSON_FROM = """
			from person p
			left join unit u on u.id = p.unit_id
			left join jurisdiction ju on ju.id = u.jurisdiction_id
			left join jurisdiction jp on jp.id = p.jurisdiction_id
			""";

	Page<PersonSummary> people(OrganisationScope scope, PersonFilter filter, PageRequest page) {
		return page(PERSON_SUMMARY, PERSON_FROM, personCriteria(scope, filter), "u.code nulls last, p.name, p.id", page,
				OrganisationQueries::personSummary);
	}

	List<PersonSummary> allPeople(OrganisationScope scope, PersonFilter filter, int limit) {
		Criteria c = personCriteria(scope, filter);
		return jdbc.sql(PERSON_SUMMARY + PERSON_FROM + c.clause() + " order by u.code nulls last, p.name, p.id limit :limit")
			.params(c.params())
			.param("limit", limit)
			.query(OrganisationQueries::personSummary)
			.list();
	}

	private Criteria personCriteria(OrganisationScope scope, PersonFilter filter) {
		Criteria c = new Criteria();
		if (scope.isUnitBound()) {
			c.where("p.unit_id = :scopeUnit", "scopeUnit", scope.unitId());
		}
		else if (scope.path() != null) {
			c.where("coalesce(ju.path, jp.path) like :scopePath", "scopePath", scope.path() + "%");
		}
		if (present(filter.q())) {
			c.where("(p.name like :nameContains or p.mobile like :mobilePrefix)")
				.param("nameContains", contains(filter.q()))
				.param("mobilePrefix", prefix(filter.q()));
		}
		if (filter.unitId() != null) {
			c.where("p.unit_id = :unit", "unit", filter.unitId());
		}
		return c;
	}

	// command posts

	private static final String COMMAND_POST_SUMMARY = """
			select c.id, c.code, c.name, c.jurisdiction_id, j.name as jurisdiction_name, c.commander_id,
			       cm.name as commander_name, c.lead_unit_id, lu.name as lead_unit_name, c.version,
			       (select count(*) from command_post_member m where m.command_post_id = c.id) as members
			""";

	private static final String COMMAND_POST_FROM = """
			from command_post c
			join jurisdiction j on j.id = c.jurisdiction_id
			left join person cm on cm.id = c.commander_id
			left join unit lu on lu.id = c.lead_unit_id
			""";

	Page<CommandPostSummary> commandPosts(OrganisationScope scope, String q, PageRequest page) {
		Criteria c = new Criteria();
		if (scope.isUnitBound()) {
			c.where("""
					(c.lead_unit_id = :scopeUnit or exists (select 1 from command_post_member m
					  where m.command_post_id = c.id and m.unit_id = :scopeUnit))""", "scopeUnit", scope.unitId());
		}
		else {
			scopeJurisdictions(scope, c);
		}
		if (present(q)) {
			c.where("(c.code like :codePrefix or c.name like :nameContains)").param("codePrefix", prefix(q))
				.param("nameContains", contains(q));
		}
		return page(COMMAND_POST_SUMMARY, COMMAND_POST_FROM, c, "c.code", page, OrganisationQueries::commandPostSummary);
	}

	List<CommandPostSummary> commandPostsOfUnit(UUID unitId) {
		return jdbc.sql(COMMAND_POST_SUMMARY + COMMAND_POST_FROM + """
				where c.lead_unit_id = :unit
				   or exists (select 1 from command_post_member m where m.command_post_id = c.id and m.unit_id = :unit)
				order by c.code
				""").param("unit", unitId).query(OrganisationQueries::commandPostSummary).list();
	}

	// responsibility map

	private static final String RESPONSIBILITY_SUMMARY = """
			select r.*, j.code as jurisdiction_code, j.name as jurisdiction_name, al.name as area_leader_name,
			       bu.name as block_unit_name, dp.name as door_person_name
			""";

	private static final String RESPONSIBILITY_FROM = """
			from responsibility r
			join jurisdiction j on j.id = r.jurisdiction_id
			left join person al on al.id = r.area_leader_id
			left join unit bu on bu.id = r.block_unit_id
			left join person dp on dp.id = r.door_person_id
			""";

	Page<ResponsibilitySummary> responsibilities(OrganisationScope scope, ResponsibilityFilter filter, PageRequest page) {
		Criteria c = new Criteria();
		if (scope.isUnitBound()) {
			c.where("(r.block_unit_id = :scopeUnit or al.unit_id = :scopeUnit or dp.unit_id = :scopeUnit)", "scopeUnit",
					scope.unitId());
		}
		else {
			scopeJurisdictions(scope, c);
		}
		if (filter.jurisdictionPath() != null) {
			c.where("j.path like :subtree", "subtree", filter.jurisdictionPath() + "%");
		}
		if (filter.kind() != null) {
			c.where("r.subject_kind = :kind", "kind", filter.kind().name());
		}
		if (present(filter.q())) {
			c.where("(r.subject_name like :nameContains or j.code like :codePrefix)")
				.param("nameContains", contains(filter.q()))
				.param("codePrefix", prefix(filter.q()));
		}
		return page(RESPONSIBILITY_SUMMARY, RESPONSIBILITY_FROM, c, "j.path, r.subject_kind, r.subject_name", page,
				OrganisationQueries::responsibilitySummary);
	}

	List<ResponsibilitySummary> responsibilitiesOfUnit(UUID unitId, int limit) {
		return jdbc.sql(RESPONSIBILITY_SUMMARY + RESPONSIBILITY_FROM + """
				where r.block_unit_id = :unit or al.unit_id = :unit or dp.unit_id = :unit
				order by j.path, r.subject_kind, r.subject_name limit :limit
				""").param("unit", unitId).param("limit", limit).query(OrganisationQueries::responsibilitySummary).list();
	}

	List<ResponsibilitySummary> responsibilitiesOn(UUID jurisdictionId) {
		return jdbc.sql(RESPONSIBILITY_SUMMARY + RESPONSIBILITY_FROM + """
				where r.jurisdiction_id = :j order by r.subject_kind, r.subject_name
				""").param("j", jurisdictionId).query(OrganisationQueries::responsibilitySummary).list();
	}

	// pickers

	/** Active units the caller may pick (as a parent, a lead or member unit, a block unit), in code order. */
	List<Unit> unitOptions(OrganisationScope scope) {
		Criteria c = new Criteria().where("u.active");
		if (scope.isUnitBound()) {
			c.where("u.id = :scopeUnit", "scopeUnit", scope.unitId());
		}
		else {
			scopeJurisdictions(scope, c);
		}
		return jdbc.sql("select u.* from unit u join jurisdiction j on j.id = u.jurisdiction_id" + c.clause()
				+ " order by u.code limit 5000").params(c.params()).query(OrganisationRepository::unit).list();
	}

	List<Person> peopleOf(UUID unitId) {
		return jdbc.sql("select * from person where unit_id = :unit order by active desc, name, id")
			.param("unit", unitId)
			.query(OrganisationRepository::person)
			.list();
	}

	/** People registered on a node without a unit, e.g. shopkeepers who hold a door (包门点). */
	List<Person> peopleWithoutUnitOn(UUID jurisdictionId) {
		return jdbc.sql("select * from person where unit_id is null and jurisdiction_id = :j order by active desc, name, id")
			.param("j", jurisdictionId)
			.query(OrganisationRepository::person)
			.list();
	}

	// row mappers

	static JurisdictionEntry jurisdictionEntry(ResultSet rs, int row) throws SQLException {
		return new JurisdictionEntry(OrganisationRepository.jurisdiction(rs, row), rs.getString("parent_name"),
				rs.getLong("children"), rs.getLong("units"));
	}

	static UnitSummary unitSummary(ResultSet rs, int row) throws SQLException {
		return new UnitSummary(OrganisationRepository.unit(rs, row), rs.getString("jurisdiction_code"),
				rs.getString("jurisdiction_name"), rs.getString("parent_name"), rs.getString("leader_name"),
				rs.getString("liaison_name"));
	}

	static PersonSummary personSummary(ResultSet rs, int row) throws SQLException {
		return new PersonSummary(OrganisationRepository.person(rs, row), rs.getString("unit_code"), rs.getString("unit_name"));
	}

	static CommandPostSummary commandPostSummary(ResultSet rs, int row) throws SQLException {
		return new CommandPostSummary(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
				rs.getObject("jurisdiction_id", UUID.class), rs.getString("jurisdiction_name"),
				rs.getObject("commander_id", UUID.class), rs.getString("commander_name"),
				rs.getObject("lead_unit_id", UUID.class), rs.getString("lead_unit_name"), rs.getLong("members"),
				rs.getInt("version"));
	}

	static ResponsibilitySummary responsibilitySummary(ResultSet rs, int row) throws SQLException {
		return new ResponsibilitySummary(OrganisationRepository.responsibility(rs, row), rs.getString("jurisdiction_code"),
				rs.getString("jurisdiction_name"), rs.getString("area_leader_name"), rs.getString("block_unit_name"),
				rs.getString("door_person_name"));
	}
}
