package org.chuangwen.criteria;

import java.util.UUID;

/** A campaign for one title (创建活动), hanging on a jurisdiction node; it has framework editions. */
public record Campaign(UUID id, String code, String name, CampaignKind kind, UUID jurisdictionId,
		String jurisdictionPath, String description, int version) {

	/** Whether the actor may read it: the campaign's node is an ancestor of the actor's node or lies inside it. */
	boolean isVisibleFrom(String actorPath) {
		return actorPath != null && (actorPath.startsWith(jurisdictionPath) || jurisdictionPath.startsWith(actorPath));
	}
}
