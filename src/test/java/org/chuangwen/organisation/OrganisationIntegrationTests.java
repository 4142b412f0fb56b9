package org.chuangwen.organisation;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.demo.DemoCity;
import org.chuangwen.organisation.OrganisationManagement.JurisdictionChange;
import org.chuangwen.organisation.OrganisationManagement.NewJurisdiction;
import org.chuangwen.organisation.OrganisationManagement.NewResponsibility;
import org.chuangwen.organisation.OrganisationManagement.NewUnit;
import org.chuangwen.organisation.OrganisationManagement.UnitChange;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ChuangwenIntegrationTest
class OrganisationIntegrationTests {

	@Autowired
	OrganisationManagement management;

	@Autowired
	OrganisationDirectory directory;

	@Autowired
	ResponsibilityMap responsibilityMap;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	private Jurisdiction node(String code) {
		return directory.jurisdictionByCode(code).orElseThrow();
	}

	private Unit unit(String code) {
		return directory.unitByCode(code).orElseThrow();
	}

	@Test
	void theDemoCityHasCommandPostsAndAResponsibilityMapForEveryStreetAndCommunity() {
		assertThat(jdbc.sql("select count(*) from command_post").query(Long.class).single()).isGreaterThanOrEqualTo(10);
		long areas = jdbc.sql("select count(*) from responsibility where subject_kind = 'AREA'").query(Long.class).single();
		assertThat(areas).isGreaterThanOrEqualTo(24 + 120);
		assertThat(jdbc.sql("select count(*) from responsibility where subject_kind = 'SHOP_FRONT' and cardinality(frontage_duties) > 0")
			.query(Long.class).single()).isPositive();
	}

	@Test
	void theResponsibleUnitOfAGridIsTheBlockUnitOfTheNearestAreaAbove() {
		Jurisdiction grid = node(DemoCity.GRID_EAST_1_1_1);
		Jurisdiction community = node(DemoCity.COMMUNITY_EAST_1_1);
		UUID communityHolder = jdbc.sql("select block_unit_id from responsibility where subject_kind = 'AREA' and jurisdiction_id = :j")
			.param("j", community.id()).query(UUID.class).single();
		assertThat(responsibilityMap.responsibleUnitFor(grid.id())).contains(communityHolder);
	}

	@Test
	void aStreetWithoutItsOwnAreaFallsBackToTheDistrictsArea() {
		Jurisdiction district = node(DemoCity.DISTRICT_WEST);
		Jurisdiction street = management.createJurisdiction(null,
				new NewJurisdiction(district.id(), JurisdictionLevel.STREET, "T-RM-" + shortId(), "测试街道", 99));
		assertThat(responsibilityMap.responsibleUnitFor(street.id())).isEmpty();
		Unit holder = unit("U-LJ-STJ");
		management.createResponsibility(fixtures.cityOffice(), new NewResponsibility(district.id(), ResponsibilityKind.AREA,
				"西山区片区", null, null, holder.id(), null, Set.of()));
		assertThat(responsibilityMap.responsibleUnitFor(street.id())).contains(holder.id());
		assertThat(responsibilityMap.responsibleUnitFor(node(DemoCity.STREET_EAST_1).id())).contains(unit(DemoCity.UNIT_URBAN_MANAGEMENT).id());
	}

	@Test
	void aSecondAreaOnTheSameNodeIsRefused() {
		Jurisdiction street = node(DemoCity.STREET_EAST_1);
		assertThatThrownBy(() -> management.createResponsibility(fixtures.cityOffice(), new NewResponsibility(street.id(),
				ResponsibilityKind.AREA, "重复片区", null, null, unit("U-LJ-STJ").id(), null, Set.of())))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void movingAStreetRewritesThePathsOfItsWholeSubtree() {
		Actor office = fixtures.cityOffice();
		Jurisdiction east = node(DemoCity.DISTRICT_EAST);
		Jurisdiction west = node(DemoCity.DISTRICT_WEST);
		String code = "T-MV-" + shortId();
		Jurisdiction street = management.createJurisdiction(office, new NewJurisdiction(east.id(), JurisdictionLevel.STREET, code, "移动街道", 50));
		Jurisdiction community = management.createJurisdiction(office,
				new NewJurisdiction(street.id(), JurisdictionLevel.COMMUNITY, code + "-01", "移动社区", 0));
		Jurisdiction grid = management.createJurisdiction(office,
				new NewJurisdiction(community.id(), JurisdictionLevel.GRID, code + "-01-01", "移动网格", 0));

		management.moveJurisdiction(office, street.id(), west.id(), street.version());

		assertThat(directory.jurisdiction(street.id()).orElseThrow().parentId()).isEqualTo(west.id());
		assertThat(directory.jurisdiction(grid.id()).orElseThrow().path())
			.isEqualTo(west.path() + street.id() + "/" + community.id() + "/" + grid.id() + "/");
	}

	@Test
	void aJurisdictionCannotMoveUnderItsOwnDescendant() {
		Actor office = fixtures.cityOffice();
		Jurisdiction district = node(DemoCity.DISTRICT_EAST);
		Jurisdiction street = node(DemoCity.STREET_EAST_1);
		assertThatThrownBy(() -> management.moveJurisdiction(office, district.id(), street.id(), district.version()))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).errors().get(0).messageKey()).isIn("jurisdiction.move.cycle"));
	}

	@Test
	void aUnitMovedUnderItsOwnChildIsRefusedWithAClearMessage() {
		Actor office = fixtures.cityOffice();
		Unit parent = management.createUnit(office, new NewUnit("T-P-" + shortId(), "父单位", UnitType.DEPARTMENT, node(DemoCity.CITY).id(), null, null, null));
		Unit child = management.createUnit(office, new NewUnit("T-C-" + shortId(), "子单位", UnitType.DEPARTMENT, node(DemoCity.CITY).id(), parent.id(), null, null));
		assertThatThrownBy(() -> management.updateUnit(office, parent.id(), change(parent, child.id(), parent.code())))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).errors())
				.anySatisfy(e -> assertThat(e.messageKey()).isEqualTo("unit.parent.cycle")));
	}

	@Test
	void aDuplicateUnitCodeIsRefusedOnCreateAndOnEdit() {
		Actor office = fixtures.cityOffice();
		assertThatThrownBy(() -> management.createUnit(office, new NewUnit(DemoCity.UNIT_URBAN_MANAGEMENT, "重复", UnitType.DEPARTMENT,
				node(DemoCity.CITY).id(), null, null, null)))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).errors())
				.anySatisfy(e -> assertThat(e.messageKey()).isEqualTo("organisation.code.taken")));
		Unit unit = unit("U-LJ-TJJ");
		assertThatThrownBy(() -> management.updateUnit(office, unit.id(), change(unit, unit.parentId(), DemoCity.UNIT_TRAFFIC_POLICE)))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void aStaleVersionIsAConflict() {
		Actor office = fixtures.cityOffice();
		Unit unit = management.createUnit(office, new NewUnit("T-V-" + shortId(), "版本单位", UnitType.OTHER, node(DemoCity.CITY).id(), null, null, null));
		management.updateUnit(office, unit.id(), change(unit, null, unit.code()));
		assertThatThrownBy(() -> management.updateUnit(office, unit.id(), change(unit, null, unit.code())))
			.isInstanceOf(ConflictException.class);
		Jurisdiction grid = node("LJ-03-01-01-01");
		assertThatThrownBy(() -> management.updateJurisdiction(office, grid.id(),
				new JurisdictionChange(grid.code(), grid.name(), 0, grid.version() + 7))).isInstanceOf(ConflictException.class);
	}

	@Test
	void aDistrictOfficeCannotSeeOrEditAUnitInAnotherDistrict() throws Exception {
		Actor eastOffice = fixtures.districtOffice();
		Unit westStreet = unit(DemoCity.UNIT_STREET_WEST_1);
		assertThatThrownBy(() -> management.updateUnit(eastOffice, westStreet.id(), change(westStreet, westStreet.parentId(), westStreet.code())))
			.isInstanceOf(NotFoundException.class);
		mvc.perform(get("/organisation/units/{id}/edit", westStreet.id()).with(fixtures.signedInAs("district_office")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/organisation/units/{id}/edit", westStreet.id()).with(fixtures.signedInAs("district_office")).with(csrf())
			.param("code", westStreet.code()).param("name", "改名").param("type", "STREET_OFFICE")
			.param("jurisdictionId", westStreet.jurisdictionId().toString()).param("version", "0"))
			.andExpect(status().isNotFound());
		assertThat(unit(DemoCity.UNIT_STREET_WEST_1).name()).isEqualTo(westStreet.name());
	}

	@Test
	void aLeaderReadsButCannotChangeUnits() {
		Unit unit = unit("U-LJ-SLJ");
		assertThat(directory.unitFor(fixtures.actor("leader"), unit.id())).isEqualTo(unit);
		assertThatThrownBy(() -> management.updateUnit(fixtures.actor("leader"), unit.id(), change(unit, unit.parentId(), unit.code())))
			.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void aUnitAccountSeesOnlyItsOwnUnitOnPages() throws Exception {
		Unit own = unit(DemoCity.UNIT_URBAN_MANAGEMENT);
		Unit other = unit(DemoCity.UNIT_TRAFFIC_POLICE);
		mvc.perform(get("/organisation/units/mine").with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/organisation/units/{id}", own.id()).with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(own.name())));
		mvc.perform(get("/organisation/units/{id}", other.id()).with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isNotFound());
		assertThat(directory.units(fixtures.urbanManagementAdmin(), OrganisationDirectory.UnitFilter.none(),
				org.chuangwen.shared.PageRequest.of(0, 50)).items()).extracting(s -> s.unit().id()).containsExactly(own.id());
	}

	@Test
	void aUnitAdminEditsThePeopleOfItsOwnUnitOnly() {
		Actor unitAdmin = fixtures.urbanManagementAdmin();
		Unit own = unit(DemoCity.UNIT_URBAN_MANAGEMENT);
		Person created = management.createPerson(unitAdmin, new OrganisationManagement.NewPerson("测试人员", own.id(), "科员", null, null));
		Person changed = management.updatePerson(unitAdmin, created.id(),
				new OrganisationManagement.PersonChange("测试人员甲", own.id(), "科长", null, null, true, created.version()));
		assertThat(changed.name()).isEqualTo("测试人员甲");
		assertThatThrownBy(() -> management.updatePerson(unitAdmin, changed.id(), new OrganisationManagement.PersonChange("测试人员甲",
				unit(DemoCity.UNIT_TRAFFIC_POLICE).id(), "科长", null, null, true, changed.version())))
			.isInstanceOf(InvalidInputException.class);
		Person policeLeader = directory.person(unit(DemoCity.UNIT_TRAFFIC_POLICE).mainLeaderId()).orElseThrow();
		assertThatThrownBy(() -> directory.personFor(unitAdmin, policeLeader.id())).isInstanceOf(NotFoundException.class);
	}

	@Test
	void everyChangeIsAuditedWithBeforeAndAfter() {
		Actor office = fixtures.cityOffice();
		Unit unit = management.createUnit(office, new NewUnit("T-A-" + shortId(), "审计单位", UnitType.OTHER, node(DemoCity.CITY).id(), null, null, null));
		management.updateUnit(office, unit.id(), new UnitChange(unit.code(), "审计单位（新）", UnitType.OTHER, unit.jurisdictionId(),
				null, null, null, null, null, unit.version()));
		List<String> actions = jdbc.sql("select action from audit_event where object_type = 'unit' and object_id = :id order by seq")
			.param("id", unit.id().toString()).query(String.class).list();
		assertThat(actions).containsExactly("unit.created", "unit.updated");
		String after = jdbc.sql("select after_state::text from audit_event where object_type = 'unit' and object_id = :id and action = 'unit.updated'")
			.param("id", unit.id().toString()).query(String.class).single();
		assertThat(after).contains("审计单位（新）");
	}

	@Test
	void aUnitThatStillHoldsABlockCannotBeTakenOutOfService() {
		Actor office = fixtures.cityOffice();
		Unit holder = unit(DemoCity.UNIT_URBAN_MANAGEMENT);
		assertThatThrownBy(() -> management.setUnitActive(office, holder.id(), false, holder.version(), "撤并"))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).errors().get(0).messageKey()).isEqualTo("unit.deactivate.stillHolds"));
		Unit idle = management.createUnit(office, new NewUnit("T-D-" + shortId(), "待撤并单位", UnitType.OTHER, node(DemoCity.CITY).id(), null, null, null));
		Unit inactive = management.setUnitActive(office, idle.id(), false, idle.version(), "撤并");
		assertThat(inactive.active()).isFalse();
		assertThat(management.setUnitActive(office, idle.id(), true, inactive.version(), null).active()).isTrue();
	}

	@Test
	void thePagesRenderForTheOffice() throws Exception {
		Jurisdiction city = node(DemoCity.CITY);
		for (String path : List.of("/organisation/jurisdictions", "/organisation/jurisdictions?q=LJ-01", "/organisation/units",
				"/organisation/units?type=DEPARTMENT&q=%E5%B8%82", "/organisation/units/new", "/organisation/people",
				"/organisation/people/new", "/organisation/command-posts", "/organisation/command-posts/new",
				"/organisation/responsibilities", "/organisation/responsibilities/new", "/organisation/units/import",
				"/organisation/people/import", "/organisation/jurisdictions/" + city.id(),
				"/organisation/jurisdictions/" + city.id() + "/children", "/organisation/units/" + unit(DemoCity.UNIT_URBAN_MANAGEMENT).id(),
				"/organisation/units/" + unit(DemoCity.UNIT_URBAN_MANAGEMENT).id() + "/edit",
				"/organisation/jurisdictions/" + node(DemoCity.STREET_EAST_1).id())) {
			mvc.perform(get(path).with(fixtures.signedInAs("office"))).andExpect(status().isOk());
		}
		UUID post = jdbc.sql("select id from command_post order by code limit 1").query(UUID.class).single();
		UUID responsibility = jdbc.sql("select id from responsibility where subject_kind = 'SHOP_FRONT' limit 1").query(UUID.class).single();
		mvc.perform(get("/organisation/command-posts/{id}", post).with(fixtures.signedInAs("office"))).andExpect(status().isOk());
		mvc.perform(get("/organisation/command-posts/{id}/edit", post).with(fixtures.signedInAs("office"))).andExpect(status().isOk());
		mvc.perform(get("/organisation/responsibilities/{id}", responsibility).with(fixtures.signedInAs("office"))).andExpect(status().isOk());
		mvc.perform(get("/organisation/units?lang=en").with(fixtures.signedInAs("office")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Units")));
	}

	@Test
	void theAuditAdministratorIsRefusedTheOrganisationPages() throws Exception {
		mvc.perform(get("/organisation/units").with(fixtures.signedInAs("auditor"))).andExpect(status().isForbidden());
	}

	private static UnitChange change(Unit unit, UUID parentId, String code) {
		return new UnitChange(code, unit.name(), unit.type(), unit.jurisdictionId(), parentId, unit.phone(), unit.address(),
				unit.mainLeaderId(), unit.liaisonId(), unit.version());
	}

	private static String shortId() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
