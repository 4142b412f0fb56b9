package org.chuangwen.points;

import java.util.UUID;

/**
 * What a caller gives to create or change a point. {@code gridId} may be left out: it is then found from the location
 * through the grid boundaries ({@link GridLocator}).
 */
public record PointDraft(String code, String name, String typeCode, String address, Double latitude, Double longitude,
		UUID jurisdictionId, UUID gridId, UUID unitId, UUID leaderPersonId, UUID personId) {
}
