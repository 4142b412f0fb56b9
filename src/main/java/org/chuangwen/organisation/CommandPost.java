package org.chuangwen.organisation;

import java.util.List;
import java.util.UUID;

/**
 * A special command post (专项整治指挥部): a commander, a lead unit and member units, scored and ranked as a group.
 * The lead unit is always one of the members.
 */
public record CommandPost(UUID id, String code, String name, UUID jurisdictionId, UUID commanderId, UUID leadUnitId,
		String description, List<UUID> memberUnitIds, int version) {

	public CommandPost {
		memberUnitIds = List.copyOf(memberUnitIds);
	}
}
