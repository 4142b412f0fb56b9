package org.chuangwen.points;

import java.util.List;
import java.util.UUID;

/** The polygon of a grid (a GRID-level jurisdiction node): one outer ring, not closed. */
public record GridBoundary(UUID gridId, String gridCode, String jurisdictionPath, List<LatLng> ring, int version) {

	public GridBoundary {
		ring = List.copyOf(ring);
	}

	public Geo.BoundingBox bounds() {
		return Geo.bounds(ring);
	}

	public boolean contains(double lat, double lng) {
		return Geo.inside(ring, lat, lng);
	}
}
