package org.chuangwen.points;

import java.util.UUID;

/**
 * Filters of a point list, all optional: a point type code, a jurisdiction node (its whole subtree), a responsible
 * unit, a status, and a text found in the code, name or address.
 */
public record PointFilter(String typeCode, UUID jurisdictionId, UUID unitId, PointStatus status, String q) {

	public static PointFilter none() {
		return new PointFilter(null, null, null, null, null);
	}
}
