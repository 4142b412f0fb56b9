package org.chuangwen.points;

/** Whether a point is in use (inspected, problems reported at it) or retired (kept for history). */
public enum PointStatus {

	ACTIVE, RETIRED;

	public String messageKey() {
		return "point.status." + name();
	}
}
