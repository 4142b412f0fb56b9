package org.chuangwen.organisation;

import java.util.UUID;

/** A unit: a department, street office, community, company, school… with its main leader and liaison. */
public record Unit(UUID id, String code, String name, UnitType type, UUID jurisdictionId, UUID parentId,
		UUID mainLeaderId, UUID liaisonId, String phone, String address, boolean active, int version) {
}
