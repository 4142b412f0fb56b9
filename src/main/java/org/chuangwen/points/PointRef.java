package org.chuangwen.points;

import java.util.UUID;

/**
 * A point as other modules see it (routing, inspections, evidence checks): where it is, which node and grid it
 * belongs to, and who answers for it.
 *
 * @param unitId the responsible unit (routing: point → unit)
 * @param leaderPersonId the responsible leader (包片领导), if any
 * @param personId the responsible person (责任人), if any
 */
public record PointRef(UUID id, String code, String name, String typeCode, String address, double latitude,
		double longitude, UUID jurisdictionId, UUID gridId, UUID unitId, UUID leaderPersonId, UUID personId,
		boolean active) {

	public LatLng location() {
		return new LatLng(latitude, longitude);
	}

	/** The distance from this point to a position, metres. */
	public double distanceTo(double lat, double lng) {
		return Geo.distanceMetres(latitude, longitude, lat, lng);
	}
}
