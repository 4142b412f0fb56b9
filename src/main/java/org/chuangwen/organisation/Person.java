package org.chuangwen.organisation;

import java.util.UUID;

/** A person who holds a responsibility: a leader, a liaison, a door holder, a grid worker… */
public record Person(UUID id, String name, UUID unitId, String position, String mobile, UUID jurisdictionId,
		boolean active, int version) {
}
