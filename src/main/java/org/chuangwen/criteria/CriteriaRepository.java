package org.chuangwen.criteria;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.shared.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The criteria module's tables. Multi-valued columns (methods, point types) are text arrays. */
@Repository
class CriteriaRepository {

	private static final String FRAMEWORK_COLUMNS = """
			f.id, f.campaign_id, f.name, f.edition, f.status, f.previous_id, f.total_score, f.prerequisite,
			f.pass_threshold, f.weight_percent, f.version, f.created_at""";

	private static final String STANDARD_COLUMNS = """
			id, framework_id, criterion_id, code, content, max_score, array_to_string(methods, ',') as methods,
			array_to_string(point_types, ',') as point_types, change_marker, sort_order, version""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	CriteriaRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	// point types

	List<PointType> pointTypes() {
		return jdbc.sql("select code, name_zh, name_en, sort_order from point_type order by sort_order")
			.query((rs, n) -> new PointType(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
					rs.getInt("sort_order")))
			.list();
	}

	// campaigns

	void insert(Campaign c) {
		jdbc.sql("""
				insert into campaign (id, code, name, kind, jurisdiction_id, jurisdiction_path, description)
				values (:id, :code, :name, :kind, :jurisdictionId, :path, :description)
				""")
			.param("id", c.id())
			.param("code", c.code())
			.param("name", c.name())
			.param("kind", c.kind().name())
			.param("jurisdictionId", c.jurisdictionId())
			.param("path", c.jurisdictionPath())
			.param("description", c.description())
			.update();
	}

	int update(Campaign c, int expectedVersion) {
		return jdbc.sql("""
				update campaign set name = :name, kind = :kind, description = :description, version = version + 1
				where id = :id and version = :version
				""")
			.param("id", c.id())
			.param("name", c.name())
			.param("kind", c.kind().name())
			.param("description", c.description())
			.param("version", expectedVersion)
			.update();
	}

	Optional<Campaign> campaign(UUID id) {
		return jdbc.sql("select * from campaign where id = :id").param("id", id).query(CriteriaRepository::campaign).optional();
	}

	boolean campaignCodeTaken(String code) {
		return jdbc.sql("select exists (select 1 from campaign where code = :code)").param("code", code)
			.query(Boolean.class).single();
	}

	/** Campaigns whose node is an ancestor of the path or lies inside it. */
	List<Campaign> campaignsVisibleFrom(String path, PageRequest page) {
		return jdbc.sql("""
				select * from campaign
				where starts_with(:path, jurisdiction_path) or starts_with(jurisdiction_path, :path)
				order by jurisdiction_path, code limit :limit offset :offset
				""")
			.param("path", path)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(CriteriaRepository::campaign)
			.list();
	}

	long countCampaignsVisibleFrom(String path) {
		return jdbc.sql("""
				select count(*) from campaign
				where starts_with(:path, jurisdiction_path) or starts_with(jurisdiction_path, :path)
				""").param("path", path).query(Long.class).single();
	}

	// frameworks

	void insert(Framework f) {
		jdbc.sql("""
				insert into framework (id, campaign_id, name, edition, status, previous_id, total_score, prerequisite,
				                       pass_threshold, weight_percent, created_at)
				values (:id, :campaignId, :name, :edition, :status, :previousId, :totalScore, :prerequisite,
				        :passThreshold, :weightPercent, :createdAt)
				""")
			.param("id", f.id())
			.param("campaignId", f.campaignId())
			.param("name", f.name())
			.param("edition", f.edition())
			.param("status", f.status().name())
			.param("previousId", f.previousId())
			.param("totalScore", f.totalScore())
			.param("prerequisite", f.prerequisite())
			.param("passThreshold", f.passThreshold())
			.param("weightPercent", f.weightPercent())
			.param("createdAt", OffsetDateTime.ofInstant(f.createdAt(), ZoneOffset.UTC))
			.update();
	}

	int update(Framework f, int expectedVersion) {
		return jdbc.sql("""
				update framework set name = :name, edition = :edition, status = :status, total_score = :totalScore,
				       prerequisite = :prerequisite, pass_threshold = :passThreshold, weight_percent = :weightPercent,
				       version = version + 1
				where id = :id and version = :version
				""")
			.param("id", f.id())
			.param("name", f.name())
			.param("edition", f.edition())
			.param("status", f.status().name())
			.param("totalScore", f.totalScore())
			.param("prerequisite", f.prerequisite())
			.param("passThreshold", f.passThreshold())
			.param("weightPercent", f.weightPercent())
			.param("version", expectedVersion)
			.update();
	}

	Optional<Framework> framework(UUID id) {
		return jdbc.sql("select " + FRAMEWORK_COLUMNS + " from framework f where f.id = :id")
			.param("id", id)
			.query(CriteriaRepository::framework)
			.optional();
	}

	/** Locks the campaign row: switching its active edition runs one at a time. */
	void lockCampaign(UUID id) {
		jdbc.sql("select id from campaign where id = :id for update").param("id", id).query(UUID.class).optional();
	}

	/** Locks the framework row: structural edits of one tree run one at a time. */
	Optional<Framework> lockFramework(UUID id) {
		return jdbc.sql("select " + FRAMEWORK_COLUMNS + " from framework f where f.id = :id for update")
			.param("id", id)
			.query(CriteriaRepository::framework)
			.optional();
	}

	/** Touches the framework's version so a stale framework form is detected after a tree change. */
	void touch(UUID frameworkId) {
		jdbc.sql("update framework set version = version + 1 where id = :id").param("id", frameworkId).update();
	}

	List<Framework> frameworksOf(UUID campaignId) {
		return jdbc.sql("select " + FRAMEWORK_COLUMNS + " from framework f where f.campaign_id = :campaignId "
				+ "order by f.created_at desc, f.id")
			.param("campaignId", campaignId)
			.query(CriteriaRepository::framework)
			.list();
	}

	Optional<Framework> activeFramework(UUID campaignId, boolean prerequisite) {
		return jdbc.sql("select " + FRAMEWORK_COLUMNS + " from framework f where f.campaign_id = :campaignId "
				+ "and f.prerequisite = :prerequisite and f.status = 'ACTIVE'")
			.param("campaignId", campaignId)
			.param("prerequisite", prerequisite)
			.query(CriteriaRepository::framework)
			.optional();
	}

	List<Framework> frameworksVisibleFrom(String path, PageRequest page) {
		return jdbc.sql("select " + FRAMEWORK_COLUMNS + """
				 from framework f join campaign c on c.id = f.campaign_id
				where starts_with(:path, c.jurisdiction_path) or starts_with(c.jurisdiction_path, :path)
				order by f.created_at desc, f.id limit :limit offset :offset
				""")
			.param("path", path)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(CriteriaRepository::framework)
			.list();
	}

	long countFrameworksVisibleFrom(String path) {
		return jdbc.sql("""
				select count(*) from framework f join campaign c on c.id = f.campaign_id
				where starts_with(:path, c.jurisdiction_path) or starts_with(c.jurisdiction_path, :path)
				""").param("path", path).query(Long.class).single();
	}

	// the tree

	List<Criterion> criteria(UUID frameworkId) {
		return jdbc.sql("""
				select id, framework_id, parent_id, level, code, name, max_score, sort_order, version
				from criterion where framework_id = :frameworkId order by level, sort_order, code
				""").param("frameworkId", frameworkId).query(CriteriaRepository::criterion).list();
	}

	List<Standard> standards(UUID frameworkId) {
		return jdbc.sql("select " + STANDARD_COLUMNS + " from standard where framework_id = :frameworkId "
				+ "order by sort_order, code").param("frameworkId", frameworkId).query(CriteriaRepository::standard).list();
	}

	List<Standard> standardsFor(UUID frameworkId, String pointType) {
		return jdbc.sql("select " + STANDARD_COLUMNS + """
				 from standard where framework_id = :frameworkId and point_types @> array[cast(:pointType as text)]
				order by sort_order, code
				""")
			.param("frameworkId", frameworkId)
			.param("pointType", pointType)
			.query(CriteriaRepository::standard)
			.list();
	}

	Optional<Standard> standard(UUID id) {
		return jdbc.sql("select " + STANDARD_COLUMNS + " from standard where id = :id")
			.param("id", id)
			.query(CriteriaRepository::standard)
			.optional();
	}

	Optional<Criterion> criterion(UUID id) {
		return jdbc.sql("""
				select id, framework_id, parent_id, level, code, name, max_score, sort_order, version
				from criterion where id = :id
				""").param("id", id).query(CriteriaRepository::criterion).optional();
	}

	void insertCriteria(List<Criterion> criteria) {
		batch.batchUpdate("""
				insert into criterion (id, framework_id, parent_id, level, code, name, max_score, sort_order)
				values (:id, :frameworkId, :parentId, :level, :code, :name, :maxScore, :sortOrder)
				""", criteria.stream().map(c -> new MapSqlParameterSource()
			.addValue("id", c.id())
			.addValue("frameworkId", c.frameworkId())
			.addValue("parentId", c.parentId())
			.addValue("level", c.level().depth())
			.addValue("code", c.code())
			.addValue("name", c.name())
			.addValue("maxScore", c.maxScore())
			.addValue("sortOrder", c.sortOrder())).toArray(MapSqlParameterSource[]::new));
	}

	void insertStandards(List<Standard> standards) {
		batch.batchUpdate("""
				insert into standard (id, framework_id, criterion_id, code, content, max_score, methods, point_types,
				                      change_marker, sort_order)
				values (:id, :frameworkId, :criterionId, :code, :content, :maxScore,
				        string_to_array(:methods, ','), coalesce(string_to_array(:pointTypes, ','), '{}'),
				        :marker, :sortOrder)
				""", standards.stream().map(s -> new MapSqlParameterSource()
			.addValue("id", s.id())
			.addValue("frameworkId", s.frameworkId())
			.addValue("criterionId", s.criterionId())
			.addValue("code", s.code())
			.addValue("content", s.content())
			.addValue("maxScore", s.maxScore())
			.addValue("methods", joinMethods(s.methods()))
			.addValue("pointTypes", s.pointTypes().isEmpty() ? null : String.join(",", s.pointTypes()))
			.addValue("marker", s.changeMarker().name())
			.addValue("sortOrder", s.sortOrder())).toArray(MapSqlParameterSource[]::new));
	}

	int update(Criterion c, int expectedVersion) {
		return jdbc.sql("""
				update criterion set code = :code, name = :name, max_score = :maxScore, sort_order = :sortOrder,
				       version = version + 1
				where id = :id and version = :version
				""")
			.param("id", c.id())
			.param("code", c.code())
			.param("name", c.name())
			.param("maxScore", c.maxScore())
			.param("sortOrder", c.sortOrder())
			.param("version", expectedVersion)
			.update();
	}

	int update(Standard s, int expectedVersion) {
		return jdbc.sql("""
				update standard set code = :code, content = :content, max_score = :maxScore,
				       methods = string_to_array(:methods, ','),
				       point_types = coalesce(string_to_array(:pointTypes, ','), '{}'),
				       change_marker = :marker, sort_order = :sortOrder, version = version + 1
				where id = :id and version = :version
				""")
			.param("id", s.id())
			.param("code", s.code())
			.param("content", s.content())
			.param("maxScore", s.maxScore())
			.param("methods", joinMethods(s.methods()))
			.param("pointTypes", s.pointTypes().isEmpty() ? null : String.join(",", s.pointTypes()))
			.param("marker", s.changeMarker().name())
			.param("sortOrder", s.sortOrder())
			.param("version", expectedVersion)
			.update();
	}

	int deleteCriterion(UUID id, int expectedVersion) {
		return jdbc.sql("delete from criterion where id = :id and version = :version")
			.param("id", id)
			.param("version", expectedVersion)
			.update();
	}

	int deleteStandard(UUID id, int expectedVersion) {
		jdbc.sql("delete from standard_mapping where standard_id = :id or mapped_standard_id = :id").param("id", id).update();
		return jdbc.sql("delete from standard where id = :id and version = :version")
			.param("id", id)
			.param("version", expectedVersion)
			.update();
	}

	// negative list

	void insertNegativeItems(List<NegativeListItem> items) {
		batch.batchUpdate("""
				insert into negative_list_item (id, framework_id, code, content, effect, deduction, sort_order)
				values (:id, :frameworkId, :code, :content, :effect, :deduction, :sortOrder)
				""", items.stream().map(i -> new MapSqlParameterSource()
			.addValue("id", i.id())
			.addValue("frameworkId", i.frameworkId())
			.addValue("code", i.code())
			.addValue("content", i.content())
			.addValue("effect", i.effect().name())
			.addValue("deduction", i.deduction())
			.addValue("sortOrder", i.sortOrder())).toArray(MapSqlParameterSource[]::new));
	}

	List<NegativeListItem> negativeItems(UUID frameworkId) {
		return jdbc.sql("""
				select id, framework_id, code, content, effect, deduction, sort_order, version
				from negative_list_item where framework_id = :frameworkId order by sort_order, code
				""").param("frameworkId", frameworkId).query((rs, n) -> new NegativeListItem(uuid(rs, "id"),
				uuid(rs, "framework_id"), rs.getString("code"), rs.getString("content"),
				NegativeEffect.valueOf(rs.getString("effect")), scale(rs.getBigDecimal("deduction")), rs.getInt("sort_order"),
				rs.getInt("version"))).list();
	}

	void insert(NegativeIncident i, UUID frameworkId) {
		jdbc.sql("""
				insert into negative_incident (id, item_id, framework_id, occurred_on, description, evidence,
				                               recorded_by, recorded_by_name, recorded_at)
				values (:id, :itemId, :frameworkId, :occurredOn, :description, :evidence, :recordedBy, :recordedByName,
				        :recordedAt)
				""")
			.param("id", i.id())
			.param("itemId", i.itemId())
			.param("frameworkId", frameworkId)
			.param("occurredOn", i.occurredOn())
			.param("description", i.description())
			.param("evidence", i.evidence())
			.param("recordedBy", i.recordedBy())
			.param("recordedByName", i.recordedByName())
			.param("recordedAt", OffsetDateTime.ofInstant(i.recordedAt(), ZoneOffset.UTC))
			.update();
	}

	List<NegativeIncident> incidents(UUID frameworkId) {
		return jdbc.sql("""
				select n.id, n.item_id, i.code, i.effect, i.deduction, n.occurred_on, n.description, n.evidence,
				       n.recorded_by, n.recorded_by_name, n.recorded_at
				from negative_incident n join negative_list_item i on i.id = n.item_id
				where n.framework_id = :frameworkId order by n.occurred_on desc, n.recorded_at desc
				""").param("frameworkId", frameworkId).query((rs, n) -> new NegativeIncident(uuid(rs, "id"),
				uuid(rs, "item_id"), rs.getString("code"), NegativeEffect.valueOf(rs.getString("effect")),
				scale(rs.getBigDecimal("deduction")), rs.getObject("occurred_on", java.time.LocalDate.class),
				rs.getString("description"), rs.getString("evidence"), uuid(rs, "recorded_by"),
				rs.getString("recorded_by_name"), instant(rs, "recorded_at"))).list();
	}

	// quantitative indicators

	void insert(QuantitativeIndicator q) {
		jdbc.sql("""
				insert into quantitative_indicator (id, framework_id, code, name, comparator, threshold, unit_of_measure,
				                                    responsible_unit_id, criterion_code, sort_order)
				values (:id, :frameworkId, :code, :name, :comparator, :threshold, :unitOfMeasure, :unitId,
				        :criterionCode, :sortOrder)
				""")
			.param("id", q.id())
			.param("frameworkId", q.frameworkId())
			.param("code", q.code())
			.param("name", q.name())
			.param("comparator", q.comparator().name())
			.param("threshold", q.threshold())
			.param("unitOfMeasure", q.unitOfMeasure())
			.param("unitId", q.responsibleUnitId())
			.param("criterionCode", q.criterionCode())
			.param("sortOrder", q.sortOrder())
			.update();
	}

	List<QuantitativeIndicator> indicators(UUID frameworkId) {
		return jdbc.sql("select * from quantitative_indicator where framework_id = :frameworkId order by sort_order, code")
			.param("frameworkId", frameworkId)
			.query(CriteriaRepository::indicator)
			.list();
	}

	Optional<QuantitativeIndicator> indicator(UUID id) {
		return jdbc.sql("select * from quantitative_indicator where id = :id")
			.param("id", id)
			.query(CriteriaRepository::indicator)
			.optional();
	}

	void insert(IndicatorValue v) {
		jdbc.sql("""
				insert into indicator_value (id, indicator_id, period, value, reported_by, reported_by_name, reported_at,
				                             evidence, note)
				values (:id, :indicatorId, :period, :value, :reportedBy, :reportedByName, :reportedAt, :evidence, :note)
				""")
			.param("id", v.id())
			.param("indicatorId", v.indicatorId())
			.param("period", v.period())
			.param("value", v.value())
			.param("reportedBy", v.reportedBy())
			.param("reportedByName", v.reportedByName())
			.param("reportedAt", OffsetDateTime.ofInstant(v.reportedAt(), ZoneOffset.UTC))
			.param("evidence", v.evidence())
			.param("note", v.note())
			.update();
	}

	/** Reported values of a framework's indicators, newest first; whether each is met is computed by the caller. */
	List<IndicatorValue> indicatorValues(UUID frameworkId) {
		return jdbc.sql("""
				select v.*, (case q.comparator when 'GE' then v.value >= q.threshold when 'GT' then v.value > q.threshold
				                              when 'LE' then v.value <= q.threshold else v.value < q.threshold end) as met
				from indicator_value v join quantitative_indicator q on q.id = v.indicator_id
				where q.framework_id = :frameworkId order by v.reported_at desc, v.id
				""").param("frameworkId", frameworkId).query((rs, n) -> new IndicatorValue(uuid(rs, "id"),
				uuid(rs, "indicator_id"), rs.getString("period"), scale(rs.getBigDecimal("value")), uuid(rs, "reported_by"),
				rs.getString("reported_by_name"), instant(rs, "reported_at"), rs.getString("evidence"),
				rs.getString("note"), rs.getBoolean("met"))).list();
	}

	// mappings

	boolean insertMapping(UUID standardId, UUID mappedStandardId, UUID createdBy, Instant at) {
		return jdbc.sql("""
				insert into standard_mapping (standard_id, mapped_standard_id, created_by, created_at)
				select :a, :b, :by, :at
				where not exists (select 1 from standard_mapping
				                  where (standard_id = :a and mapped_standard_id = :b)
				                     or (standard_id = :b and mapped_standard_id = :a))
				""")
			.param("a", standardId)
			.param("b", mappedStandardId)
			.param("by", createdBy)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update() == 1;
	}

	int deleteMapping(UUID standardId, UUID otherStandardId) {
		return jdbc.sql("""
				delete from standard_mapping
				where (standard_id = :a and mapped_standard_id = :b) or (standard_id = :b and mapped_standard_id = :a)
				""").param("a", standardId).param("b", otherStandardId).update();
	}

	/** Mappings of the standards of a framework, seen from this framework's side, both directions. */
	List<StandardMapping> mappingsOf(UUID frameworkId) {
		return jdbc.sql("""
				with sides as (
				    select m.standard_id as own_id, m.mapped_standard_id as other_id, true as outgoing
				    from standard_mapping m join standard s on s.id = m.standard_id where s.framework_id = :frameworkId
				    union all
				    select m.mapped_standard_id, m.standard_id, false
				    from standard_mapping m join standard s on s.id = m.mapped_standard_id where s.framework_id = :frameworkId)
				select sides.own_id, sides.other_id, sides.outgoing, o.code, o.content, f.id as framework_id,
				       f.name as framework_name, c.name as campaign_name
				from sides join standard o on o.id = sides.other_id join framework f on f.id = o.framework_id
				     join campaign c on c.id = f.campaign_id
				order by o.code
				""").param("frameworkId", frameworkId).query((rs, n) -> new StandardMapping(uuid(rs, "own_id"),
				uuid(rs, "other_id"), rs.getString("code"), rs.getString("content"), uuid(rs, "framework_id"),
				rs.getString("framework_name"), rs.getString("campaign_name"), rs.getBoolean("outgoing"))).list();
	}

	// row mappers

	private static Campaign campaign(ResultSet rs, int n) throws SQLException {
		return new Campaign(uuid(rs, "id"), rs.getString("code"), rs.getString("name"),
				CampaignKind.valueOf(rs.getString("kind")), uuid(rs, "jurisdiction_id"), rs.getString("jurisdiction_path"),
				rs.getString("description"), rs.getInt("version"));
	}

	private static Framework framework(ResultSet rs, int n) throws SQLException {
		return new Framework(uuid(rs, "id"), uuid(rs, "campaign_id"), rs.getString("name"), rs.getString("edition"),
				FrameworkStatus.valueOf(rs.getString("status")), uuid(rs, "previous_id"), scale(rs.getBigDecimal("total_score")),
				rs.getBoolean("prerequisite"), scale(rs.getBigDecimal("pass_threshold")),
				scale(rs.getBigDecimal("weight_percent")),
				rs.getInt("version"), instant(rs, "created_at"));
	}

	private static Criterion criterion(ResultSet rs, int n) throws SQLException {
		return new Criterion(uuid(rs, "id"), uuid(rs, "framework_id"), uuid(rs, "parent_id"),
				CriterionLevel.ofDepth(rs.getInt("level")), rs.getString("code"), rs.getString("name"),
				scale(rs.getBigDecimal("max_score")), rs.getInt("sort_order"), rs.getInt("version"));
	}

	private static Standard standard(ResultSet rs, int n) throws SQLException {
		String methods = rs.getString("methods");
		String pointTypes = rs.getString("point_types");
		return new Standard(uuid(rs, "id"), uuid(rs, "framework_id"), uuid(rs, "criterion_id"), rs.getString("code"),
				rs.getString("content"), scale(rs.getBigDecimal("max_score")),
				Arrays.stream(methods.split(",")).filter(s -> !s.isEmpty()).map(AssessmentMethod::valueOf).toList(),
				pointTypes == null || pointTypes.isEmpty() ? List.of() : List.of(pointTypes.split(",")),
				ChangeMarker.valueOf(rs.getString("change_marker")), rs.getInt("sort_order"), rs.getInt("version"));
	}

	private static QuantitativeIndicator indicator(ResultSet rs, int n) throws SQLException {
		return new QuantitativeIndicator(uuid(rs, "id"), uuid(rs, "framework_id"), rs.getString("code"),
				rs.getString("name"), Comparator.valueOf(rs.getString("comparator")), scale(rs.getBigDecimal("threshold")), rs.getString("unit_of_measure"), uuid(rs, "responsible_unit_id"),
				rs.getString("criterion_code"), rs.getInt("sort_order"), rs.getInt("version"));
	}

	/** Scores as the user typed them: 9.00 in the database reads back as 9. */
	static BigDecimal scale(BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	private static String joinMethods(List<AssessmentMethod> methods) {
		return String.join(",", methods.stream().map(Enum::name).toList());
	}

	private static UUID uuid(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, UUID.class);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}
}
