package org.chuangwen.points;

import java.util.List;
import java.util.UUID;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.audit.AuditTrail;
import org.chuangwen.demo.DemoCity;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.JurisdictionLevel;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationManagement;
import org.chuangwen.organisation.OrganisationManagement.NewJurisdiction;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.shared.RuleViolationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The point registry on the real database: grid routing by boundary, radius search, create/change/retire with their
 * refusals, optimistic locking and scoping. Works in its own corner of the globe (around 10°N 20°E, far from the demo
 * city) under a community of its own, so it neither sees nor disturbs the demo points.
 */
@ChuangwenIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointsIntegrationTests {

	static final double SOUTH = 10.0, WEST = 20.0, CELL = 0.01;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PointDirectory points;

	@Autowired
	PointManagement management;

	@Autowired
	GridLocator locator;

	@Autowired
	OrganisationManagement organisationManagement;

	@Autowired
	OrganisationDirectory organisation;

	@Autowired
	AuditTrail audit;

	@Autowired
	TransactionTemplate transactions;

	UUID community, westGrid, eastGrid, bareGrid, unit, otherUnit;

	@BeforeAll
	void aCommunityWithTwoGridsSideBySide() {
		Actor office = fixtures.cityOffice();
		UUID street = organisation.jurisdictionByCode(DemoCity.STREET_EAST_1).orElseThrow().id();
		community = organisationManagement.createJurisdiction(office,
				new NewJurisdiction(street, JurisdictionLevel.COMMUNITY, "PT-IT", "点位测试社区", 99)).id();
		westGrid = grid(office, "PT-IT-01");
		eastGrid = grid(office, "PT-IT-02");
		bareGrid = grid(office, "PT-IT-03");
		management.defineGridBoundary(office, westGrid, GeoTests.square(SOUTH, WEST, CELL));
		management.defineGridBoundary(office, eastGrid, GeoTests.square(SOUTH, WEST + CELL, CELL));
		unit = organisation.unitByCode(DemoCity.UNIT_URBAN_MANAGEMENT).orElseThrow().id();
		otherUnit = organisation.unitByCode(DemoCity.UNIT_TRAFFIC_POLICE).orElseThrow().id();
	}

	private UUID grid(Actor office, String code) {
		return organisationManagement.createJurisdiction(office,
				new NewJurisdiction(community, JurisdictionLevel.GRID, code, code, 0)).id();
	}

	static PointDraft draft(String code, String type, double lat, double lng, UUID jurisdiction, UUID grid, UUID unit) {
		return new PointDraft(code, "测试点位 " + code, type, "测试路 1 号", lat, lng, jurisdiction, grid, unit, null, null);
	}

	@Test
	void routesALocationToTheGridWhoseBoundaryHoldsIt() {
		assertThat(locator.gridAt(SOUTH + 0.005, WEST + 0.005)).contains(westGrid);
		assertThat(locator.gridAt(SOUTH + 0.005, WEST + 0.015)).contains(eastGrid);
		assertThat(locator.gridAt(SOUTH + 0.005, WEST + 0.025)).isEmpty();
		assertThat(locator.gridAt(SOUTH - 0.001, WEST + 0.005)).isEmpty();
		// on the line between the two grids: exactly one of them, always the same
		assertThat(locator.gridAt(SOUTH + 0.005, WEST + CELL)).isPresent()
			.isEqualTo(locator.gridAt(SOUTH + 0.005, WEST + CELL));
		// on an outer edge, where no neighbour claims it: that grid
		assertThat(locator.gridAt(SOUTH + 0.005, WEST)).contains(westGrid);
		assertThat(locator.gridAt(SOUTH + CELL, WEST + 0.015)).contains(eastGrid);
		assertThat(locator.gridAt(SOUTH + CELL, WEST + 2 * CELL)).contains(eastGrid); // outer corner
		assertThat(locator.gridAt(91, 0)).isEmpty();
	}

	@Test
	void aBoundaryCanBeRedefinedAndOnlyForAGrid() {
		Actor office = fixtures.cityOffice();
		GridBoundary moved = management.defineGridBoundary(office, bareGrid, GeoTests.square(SOUTH + 1, WEST, CELL));
		assertThat(moved.version()).isZero();
		assertThat(locator.gridAt(SOUTH + 1.005, WEST + 0.005)).contains(bareGrid);
		GridBoundary again = management.defineGridBoundary(office, bareGrid, GeoTests.square(SOUTH + 2, WEST, CELL));
		assertThat(again.version()).isEqualTo(1);
		assertThat(locator.gridAt(SOUTH + 1.005, WEST + 0.005)).isEmpty();
		assertThat(locator.gridAt(SOUTH + 2.005, WEST + 0.005)).contains(bareGrid);
		assertThat(audit.historyOf("grid", bareGrid, 10)).hasSize(2);
		assertThatThrownBy(() -> management.defineGridBoundary(office, community, GeoTests.square(0, 0, 1)))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> management.defineGridBoundary(fixtures.actor("inspector"), bareGrid, GeoTests.square(0, 0, 1)))
			.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void createsAPointAndFindsItsGridFromTheLocation() {
		Point p = management.create(fixtures.cityOffice(),
				draft("PT-IT-CREATE", "P05", SOUTH + 0.0031234567, WEST + 0.0042, community, null, unit));
		assertThat(p.gridId()).isEqualTo(westGrid);
		assertThat(p.gridCode()).isEqualTo("PT-IT-01");
		assertThat(p.latitude()).isEqualTo(10.003123); // kept to 6 decimals
		assertThat(p.unitCode()).isEqualTo(DemoCity.UNIT_URBAN_MANAGEMENT);
		assertThat(p.status()).isEqualTo(PointStatus.ACTIVE);
		assertThat(p.version()).isZero();
		assertThat(points.point(p.id())).hasValueSatisfying(ref -> {
			assertThat(ref.code()).isEqualTo("PT-IT-CREATE");
			assertThat(ref.gridId()).isEqualTo(westGrid);
			assertThat(ref.unitId()).isEqualTo(unit);
			assertThat(ref.active()).isTrue();
		});
		assertThat(points.pointByCode("PT-IT-CREATE")).map(PointRef::id).contains(p.id());
		assertThat(audit.historyOf("point", p.id(), 10)).extracting(e -> e.action()).containsExactly("point.created");
	}

	@Test
	void findsTheActivePointsWithinARadiusNearestFirst() {
		Actor office = fixtures.cityOffice();
		double lat = SOUTH + 0.5, lng = WEST + 0.5; // no grid here
		Point at100 = management.create(office, draft("PT-IT-N100", "P08", lat + 100 / 111_195.0, lng, community, null, unit));
		Point at10 = management.create(office, draft("PT-IT-N10", "P08", lat, lng + 10 / (111_195.0 * Math.cos(Math.toRadians(lat))), community, null, unit));
		Point at400 = management.create(office, draft("PT-IT-N400", "P11", lat - 400 / 111_195.0, lng, community, null, unit));
		Point retired = management.create(office, draft("PT-IT-N50", "P08", lat + 50 / 111_195.0, lng, community, null, unit));
		management.retire(office, retired.id(), "已拆除", retired.version());
		assertThat(at10.gridId()).isNull();

		assertThat(points.near(lat, lng, 150)).extracting(PointRef::code).containsExactly("PT-IT-N10", "PT-IT-N100");
		assertThat(points.near(lat, lng, 500)).extracting(PointRef::code).containsExactly("PT-IT-N10", "PT-IT-N100", "PT-IT-N400");
		assertThat(points.near(lat, lng, 5)).isEmpty();
		assertThat(points.ofType("P11")).extracting(PointRef::id).contains(at400.id()).doesNotContain(at100.id());
		assertThat(points.ofType("P08")).extracting(PointRef::id).contains(at10.id()).doesNotContain(retired.id());
		assertThatThrownBy(() -> points.near(lat, lng, 0)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> points.near(lat, lng, 60_000)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> points.near(95, lng, 10)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void refusesABadPointWithEveryProblemAtOnce() {
		PointDraft bad = new PointDraft("bad code!", "", "P99", "x", 95.0, 20.0, UUID.randomUUID(), null, UUID.randomUUID(),
				UUID.randomUUID(), null);
		assertThatThrownBy(() -> management.create(fixtures.cityOffice(), bad)).isInstanceOfSatisfying(
				InvalidInputException.class, ex -> assertThat(ex.errors()).extracting(e -> e.field())
					.contains("code", "name", "typeCode", "latitude", "jurisdictionId", "unitId", "leaderPersonId"));
		// a grid given that does not hold the location
		assertThatThrownBy(() -> management.create(fixtures.cityOffice(),
				draft("PT-IT-OUT", "P05", SOUTH + 0.005, WEST + 0.015, community, westGrid, unit)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.errors()).extracting(e -> e.messageKey()).contains("point.location.outsideGrid"));
		// a grid that is not inside the point's node
		UUID otherCommunity = organisation.jurisdictionByCode(DemoCity.COMMUNITY_EAST_1_1).orElseThrow().id();
		assertThatThrownBy(() -> management.create(fixtures.cityOffice(),
				draft("PT-IT-OUT2", "P05", SOUTH + 0.005, WEST + 0.005, otherCommunity, westGrid, unit)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.errors()).extracting(e -> e.field()).containsExactly("gridId"));
		assertThat(points.pointByCode("PT-IT-OUT")).isEmpty();
	}

	@Test
	void aTakenCodeIsAConflict() {
		management.create(fixtures.cityOffice(), draft("PT-IT-DUP", "P05", SOUTH + 0.001, WEST + 0.001, community, null, unit));
		assertThatThrownBy(() -> management.create(fixtures.cityOffice(),
				draft("PT-IT-DUP", "P09", SOUTH + 0.002, WEST + 0.002, community, null, unit)))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void changesWithTheVersionSeenAndRefusesAStaleOne() {
		Actor office = fixtures.cityOffice();
		Point p = management.create(office, draft("PT-IT-UPD", "P05", SOUTH + 0.001, WEST + 0.001, community, null, unit));
		Point changed = management.update(office, p.id(),
				draft("PT-IT-UPD", "P21", SOUTH + 0.001, WEST + 0.011, community, null, otherUnit), p.version());
		assertThat(changed.version()).isEqualTo(p.version() + 1);
		assertThat(changed.typeCode()).isEqualTo("P21");
		assertThat(changed.gridId()).isEqualTo(eastGrid); // moved across the line: the grid follows
		assertThat(changed.unitCode()).isEqualTo(DemoCity.UNIT_TRAFFIC_POLICE);
		assertThatThrownBy(() -> management.update(office, p.id(),
				draft("PT-IT-UPD", "P09", SOUTH + 0.001, WEST + 0.001, community, null, unit), p.version()))
			.isInstanceOf(ConflictException.class);
		assertThat(points.pointFor(office, p.id()).typeCode()).isEqualTo("P21");
		assertThatThrownBy(() -> management.retire(office, p.id(), "拆除", p.version())).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> management.retire(office, p.id(), " ", changed.version()))
			.isInstanceOf(InvalidInputException.class);
		Point retired = management.retire(office, p.id(), "拆除", changed.version());
		assertThat(retired.status()).isEqualTo(PointStatus.RETIRED);
		assertThat(points.point(p.id()).orElseThrow().active()).isFalse();
		assertThatThrownBy(() -> management.retire(office, p.id(), "再次", retired.version()))
			.isInstanceOf(RuleViolationException.class);
		assertThat(management.reactivate(office, p.id(), "恢复使用", retired.version()).isActive()).isTrue();
		assertThat(audit.historyOf("point", p.id(), 10)).extracting(e -> e.action())
			.containsExactlyInAnyOrder("point.created", "point.updated", "point.retired", "point.reactivated");
	}

	@Test
	void onlyTheOfficeMaintainsPointsInsideItsOwnJurisdiction() {
		Point p = management.create(fixtures.districtOffice(),
				draft("PT-IT-DIST", "P05", SOUTH + 0.002, WEST + 0.002, community, null, unit));
		assertThat(p.jurisdictionId()).isEqualTo(community);
		UUID west = organisation.jurisdictionByCode(DemoCity.DISTRICT_WEST).orElseThrow().id();
		assertThatThrownBy(() -> management.create(fixtures.districtOffice(),
				draft("PT-IT-WEST", "P05", SOUTH + 0.002, WEST + 0.002, west, null, unit)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.errors()).extracting(e -> e.field()).containsExactly("jurisdictionId"));
		for (String username : List.of("unit_admin", "unit_staff", "inspector", "leader", "grid_worker")) {
			assertThatThrownBy(() -> management.create(fixtures.actor(username),
					draft("PT-IT-NO", "P05", SOUTH + 0.002, WEST + 0.002, community, null, unit)))
				.as(username)
				.isInstanceOf(ForbiddenException.class);
		}
		assertThatThrownBy(() -> management.retire(fixtures.actor("unit_admin"), p.id(), "不要了", null))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> points.search(fixtures.actor("auditor"), PointFilter.none(), PageRequest.of(0, 10)))
			.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void aUnitSeesOnlyItsOwnPoints() {
		Actor office = fixtures.cityOffice();
		Point ours = management.create(office, draft("PT-IT-OURS", "P05", SOUTH + 0.003, WEST + 0.003, community, null, unit));
		Point theirs = management.create(office, draft("PT-IT-THEIRS", "P05", SOUTH + 0.003, WEST + 0.004, community, null, otherUnit));
		Actor unitAdmin = fixtures.actor("unit_admin");
		var seen = points.search(unitAdmin, new PointFilter(null, null, null, null, "PT-IT-"), PageRequest.of(0, 500));
		assertThat(seen.items()).extracting(Point::unitId).containsOnly(unit);
		assertThat(seen.items()).extracting(Point::id).contains(ours.id()).doesNotContain(theirs.id());
		assertThat(points.pointFor(unitAdmin, ours.id()).code()).isEqualTo("PT-IT-OURS");
		assertThatThrownBy(() -> points.pointFor(unitAdmin, theirs.id())).isInstanceOf(NotFoundException.class);
		assertThat(points.mayMaintain(unitAdmin, ours)).isFalse();
		assertThat(points.mayMaintain(office, ours)).isTrue();
		// the east district's office sees the points of its district
		assertThat(points.pointFor(fixtures.districtOffice(), ours.id()).code()).isEqualTo("PT-IT-OURS");
		var all = points.search(office, new PointFilter("P05", community, null, PointStatus.ACTIVE, "PT-IT-"), PageRequest.of(0, 500));
		assertThat(all.items()).extracting(Point::id).contains(ours.id(), theirs.id());
		assertThat(all.items()).extracting(Point::typeCode).containsOnly("P05");
	}

	@Test
	void theJurisdictionOfAPointBoundsWhoSeesIt() {
		Jurisdiction westStreet = organisation.jurisdictionByCode("LJ-02-01").orElseThrow();
		Point west = transactions.execute(tx -> management.create(fixtures.cityOffice(),
				draft("PT-IT-W", "P05", SOUTH + 0.004, WEST + 0.004, westStreet.id(), null, unit)));
		assertThatThrownBy(() -> points.pointFor(fixtures.districtOffice(), west.id())).isInstanceOf(NotFoundException.class);
		assertThat(points.pointFor(fixtures.actor("leader"), west.id()).code()).isEqualTo("PT-IT-W");
	}
}
