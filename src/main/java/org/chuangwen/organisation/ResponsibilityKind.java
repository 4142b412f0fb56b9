package org.chuangwen.organisation;

/** What a responsibility is held for (网格化责任): an area (a jurisdiction node), a road segment, a shop front or a point. */
public enum ResponsibilityKind {

	/** 片区: a node of the jurisdiction tree; at most one per node. Routing walks up these. */
	AREA,
	/** 路段: a road segment (路长、段长). */
	ROAD_SEGMENT,
	/** 门店: a shop front, which carries the five frontage duties (门前五包). */
	SHOP_FRONT,
	/** 点位: an inspection point. */
	POINT;

	public String messageKey() {
		return "responsibility.kind." + name();
	}
}
