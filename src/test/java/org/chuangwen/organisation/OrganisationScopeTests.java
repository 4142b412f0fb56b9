package org.chuangwen.organisation;

import java.util.Set;
import java.util.UUID;

import org.chuangwen.shared.ForbiddenException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganisationScopeTests {

	private static final String CITY = "/c/";

	private static final String EAST = "/c/e/";

	private static final String WEST = "/c/w/";

	private final UUID bureau = UUID.randomUUID();

	@Test
	void aDistrictOfficeMaintainsItsDistrictAndNothingElse() {
		OrganisationScope scope = OrganisationScope.of(actor(Set.of(Role.OFFICE_ADMIN), null, EAST));
		assertThat(scope.maintains(EAST + "s/")).isTrue();
		assertThat(scope.maintains(WEST)).isFalse();
		assertThat(scope.seesJurisdiction(CITY)).isFalse();
	}

	@Test
	void aLeaderReadsTheCityButChangesNothing() {
		OrganisationScope scope = OrganisationScope.of(actor(Set.of(Role.LEADER), null, CITY));
		assertThat(scope.seesJurisdiction(WEST)).isTrue();
		assertThat(scope.maintains(WEST)).isFalse();
	}

	@Test
	void aUnitAccountSeesOnlyItsOwnUnit() {
		OrganisationScope scope = OrganisationScope.of(actor(Set.of(Role.UNIT_STAFF), bureau, CITY));
		assertThat(scope.isUnitBound()).isTrue();
		assertThat(scope.seesUnit(bureau, CITY)).isTrue();
		assertThat(scope.seesUnit(UUID.randomUUID(), CITY)).isFalse();
		assertThat(scope.maintainsPeopleOf(bureau, CITY)).isFalse();
	}

	@Test
	void aUnitAdminMaintainsThePeopleOfItsOwnUnitOnly() {
		OrganisationScope scope = OrganisationScope.of(actor(Set.of(Role.UNIT_ADMIN), bureau, CITY));
		assertThat(scope.maintainsPeopleOf(bureau, CITY)).isTrue();
		assertThat(scope.maintainsPeopleOf(UUID.randomUUID(), CITY)).isFalse();
		assertThat(scope.maintains(CITY)).isFalse();
	}

	@Test
	void theAuditAdministratorReadsNoOrganisation() {
		OrganisationScope scope = OrganisationScope.of(actor(Set.of(Role.AUDIT_ADMIN), null, CITY));
		assertThatThrownBy(scope::requireReader).isInstanceOf(ForbiddenException.class);
	}

	@Test
	void theSystemSeesAndMaintainsEverything() {
		OrganisationScope scope = OrganisationScope.of(null);
		assertThat(scope.maintains(WEST)).isTrue();
		assertThat(scope.path()).isNull();
	}

	private static Actor actor(Set<Role> roles, UUID unit, String path) {
		return new Actor(UUID.randomUUID(), "u", "u", roles, unit, null, path);
	}
}
