package org.chuangwen.points;

import java.time.Instant;
import java.util.UUID;

/**
 * An inspection point (点位) with the names of its node, unit and people as last assigned, for pages, the API and
 * exports.
 */
public record Point(UUID id, String code, String name, String typeCode, String address, double latitude,
		double longitude, UUID jurisdictionId, String jurisdictionPath, String jurisdictionCode, String jurisdictionName,
		UUID gridId, String gridCode, UUID unitId, String unitCode, String unitName, UUID leaderPersonId,
		String leaderName, UUID personId, String personName, PointStatus status, int version, Instant createdAt,
		Instant updatedAt) {

	public boolean isActive() {
		return status == PointStatus.ACTIVE;
	}

	public PointRef ref() {
		return new PointRef(id, code, name, typeCode, address, latitude, longitude, jurisdictionId, gridId, unitId,
				leaderPersonId, personId, isActive());
	}

	Point withStatus(PointStatus next, Instant at) {
		return new Point(id, code, name, typeCode, address, latitude, longitude, jurisdictionId, jurisdictionPath,
				jurisdictionCode, jurisdictionName, gridId, gridCode, unitId, unitCode, unitName, leaderPersonId,
				leaderName, personId, personName, next, version, createdAt, at);
	}
}
