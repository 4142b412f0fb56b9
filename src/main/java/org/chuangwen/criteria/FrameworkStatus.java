package org.chuangwen.criteria;

/** A framework edition is drafted, then active (at most one per campaign and kind), then archived. */
public enum FrameworkStatus {

	DRAFT, ACTIVE, ARCHIVED;

	public String messageKey() {
		return "criteria.status." + name();
	}

	public boolean isEditable() {
		return this != ARCHIVED;
	}
}
