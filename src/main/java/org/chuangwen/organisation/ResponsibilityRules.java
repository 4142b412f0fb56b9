package org.chuangwen.organisation;

import java.util.Set;
import java.util.UUID;

import org.chuangwen.shared.Validation;

/**
 * What an entry of the responsibility map must hold, by kind:
 * <ul>
 * <li>an area is held by a block unit or an area leader, and has no door person;</li>
 * <li>a shop front has a door person (the shopkeeper or the person who holds the door);</li>
 * <li>a road segment or a point is held by a unit or a door person;</li>
 * <li>only shop fronts carry frontage duties (门前五包).</li>
 * </ul>
 */
final class ResponsibilityRules {

	private ResponsibilityRules() {
	}

	static void check(Validation v, ResponsibilityKind kind, UUID areaLeaderId, UUID blockUnitId, UUID doorPersonId,
			Set<FrontageDuty> duties) {
		if (kind == null) {
			return;
		}
		switch (kind) {
			case AREA -> {
				v.check(blockUnitId != null || areaLeaderId != null, "blockUnitId", "responsibility.area.holderRequired");
				v.check(doorPersonId == null, "doorPersonId", "responsibility.area.noDoorPerson");
			}
			case SHOP_FRONT -> v.check(doorPersonId != null, "doorPersonId", "responsibility.shopFront.doorPersonRequired");
			case ROAD_SEGMENT, POINT -> v.check(blockUnitId != null || doorPersonId != null, "blockUnitId",
					"responsibility.holderRequired");
		}
		v.check(kind == ResponsibilityKind.SHOP_FRONT || duties == null || duties.isEmpty(), "frontageDuties",
				"responsibility.duties.onlyShopFront");
	}
}
