package org.chuangwen.organisation;

import java.util.List;
import java.util.UUID;

import org.chuangwen.shared.InvalidInputException;

/** A unit: a department, street office, community, company, school… with its main leader and liaison. */
public record Unit(UUID id, String code, String name, UnitType type, UUID jurisdictionId, UUID parentId,
		UUID mainLeaderId, UUID liaisonId, String phone, String address, boolean active, int version) {

	/**
	 * Refuses a new parent unit that would make the unit hierarchy a cycle: the unit itself, or one of its own
	 * (direct or indirect) subordinate units.
	 *
	 * @param newParentId the proposed parent, or {@code null} for none
	 * @param parentLineage the proposed parent's chain of parents, from itself upwards
	 */
	public void mayMoveUnder(UUID newParentId, List<UUID> parentLineage) {
		if (newParentId == null) {
			return;
		}
		if (newParentId.equals(id)) {
			throw new InvalidInputException("parentId", "unit.parent.self");
		}
		if (parentLineage.contains(id)) {
			throw new InvalidInputException("parentId", "unit.parent.cycle");
		}
	}
}
