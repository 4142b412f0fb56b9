package org.chuangwen.organisation;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.Validation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResponsibilityRulesTests {

	private final UUID leader = UUID.randomUUID();

	private final UUID unit = UUID.randomUUID();

	private final UUID door = UUID.randomUUID();

	@Test
	void anAreaIsHeldByABlockUnitOrAnAreaLeader() {
		assertThat(problems(ResponsibilityKind.AREA, null, unit, null, Set.of())).isEmpty();
		assertThat(problems(ResponsibilityKind.AREA, leader, null, null, Set.of())).isEmpty();
		assertThat(problems(ResponsibilityKind.AREA, null, null, null, Set.of())).containsExactly("responsibility.area.holderRequired");
	}

	@Test
	void anAreaHasNoDoorPerson() {
		assertThat(problems(ResponsibilityKind.AREA, null, unit, door, Set.of())).containsExactly("responsibility.area.noDoorPerson");
	}

	@Test
	void aShopFrontNeedsADoorPersonAndCarriesTheFrontageDuties() {
		assertThat(problems(ResponsibilityKind.SHOP_FRONT, null, unit, door, EnumSet.allOf(FrontageDuty.class))).isEmpty();
		assertThat(problems(ResponsibilityKind.SHOP_FRONT, null, unit, null, Set.of()))
			.containsExactly("responsibility.shopFront.doorPersonRequired");
	}

	@Test
	void onlyShopFrontsCarryFrontageDuties() {
		assertThat(problems(ResponsibilityKind.ROAD_SEGMENT, null, unit, door, EnumSet.of(FrontageDuty.SANITATION)))
			.containsExactly("responsibility.duties.onlyShopFront");
	}

	@Test
	void aRoadSegmentIsHeldByAUnitOrADoorPerson() {
		assertThat(problems(ResponsibilityKind.ROAD_SEGMENT, null, null, door, Set.of())).isEmpty();
		assertThat(problems(ResponsibilityKind.POINT, leader, null, null, Set.of())).containsExactly("responsibility.holderRequired");
	}

	private static java.util.List<String> problems(ResponsibilityKind kind, UUID leader, UUID unit, UUID door,
			Set<FrontageDuty> duties) {
		Validation v = new Validation();
		ResponsibilityRules.check(v, kind, leader, unit, door, duties);
		return v.errors().stream().map(InvalidInputException.FieldError::messageKey).toList();
	}
}
