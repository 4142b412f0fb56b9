package org.chuangwen.organisation;

import java.util.Set;
import java.util.UUID;

/**
 * One entry of the responsibility map: for an area, road segment, shop front or point, the leader who holds the area
 * (包片), the unit that holds the block (包街区), the person who holds the door (包门点) and, for shop fronts, the
 * frontage duties (门前五包).
 */
public record Responsibility(UUID id, UUID jurisdictionId, ResponsibilityKind kind, String subjectName, String subjectRef,
		UUID areaLeaderId, UUID blockUnitId, UUID doorPersonId, Set<FrontageDuty> frontageDuties, int version) {

	public Responsibility {
		frontageDuties = Set.copyOf(frontageDuties);
	}
}
