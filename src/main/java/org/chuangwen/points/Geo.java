package org.chuangwen.points;

import java.util.List;

/**
 * Small plane and sphere geometry on WGS-84 degrees, for points, grids and problems: great-circle distance
 * (haversine), bounding boxes around a position, and point-in-polygon.
 */
public final class Geo {

	/** The mean Earth radius (IUGG), metres. */
	public static final double EARTH_RADIUS_METRES = 6_371_008.8;

	/** How near (in degrees, about 1 cm) a position must lie to a polygon's edge to count as on it. */
	static final double ON_EDGE = 1e-7;

	private Geo() {
	}

	/** Whether both numbers are finite and inside the ranges of latitude and longitude. */
	public static boolean isValid(double lat, double lng) {
		return Double.isFinite(lat) && Double.isFinite(lng) && lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180;
	}

	/** The great-circle distance between two positions in metres (haversine). */
	public static double distanceMetres(double lat1, double lng1, double lat2, double lng2) {
		double phi1 = Math.toRadians(lat1);
		double phi2 = Math.toRadians(lat2);
		double dPhi = Math.toRadians(lat2 - lat1);
		double dLambda = Math.toRadians(lng2 - lng1);
		double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
				+ Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
		return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	public static double distanceMetres(LatLng a, LatLng b) {
		return distanceMetres(a.lat(), a.lng(), b.lat(), b.lng());
	}

	/** A box of latitude and longitude, inclusive. */
	public record BoundingBox(double minLat, double minLng, double maxLat, double maxLng) {

		public boolean contains(double lat, double lng) {
			return lat >= minLat && lat <= maxLat && lng >= minLng && lng <= maxLng;
		}
	}

	/**
	 * The smallest box that holds every position within {@code radiusMetres} of the centre (a slight over-estimate;
	 * callers filter by exact distance). Near the poles the box spans every longitude.
	 */
	public static BoundingBox around(double lat, double lng, double radiusMetres) {
		double dLat = Math.toDegrees(radiusMetres / EARTH_RADIUS_METRES);
		double cos = Math.cos(Math.toRadians(lat));
		double dLng = cos < 1e-6 ? 180 : Math.toDegrees(radiusMetres / (EARTH_RADIUS_METRES * cos));
		if (dLng >= 180 || lat + dLat >= 90 || lat - dLat <= -90) {
			return new BoundingBox(Math.max(-90, lat - dLat), -180, Math.min(90, lat + dLat), 180);
		}
		return new BoundingBox(lat - dLat, Math.max(-180, lng - dLng), lat + dLat, Math.min(180, lng + dLng));
	}

	/** The bounding box of a ring. */
	public static BoundingBox bounds(List<LatLng> ring) {
		double minLat = 90, maxLat = -90, minLng = 180, maxLng = -180;
		for (LatLng p : ring) {
			minLat = Math.min(minLat, p.lat());
			maxLat = Math.max(maxLat, p.lat());
			minLng = Math.min(minLng, p.lng());
			maxLng = Math.max(maxLng, p.lng());
		}
		return new BoundingBox(minLat, minLng, maxLat, maxLng);
	}

	/**
	 * Whether a position lies strictly inside a ring by the crossing-number rule (a ray towards growing longitude), on
	 * the plane of latitude/longitude (fine at grid size). The rule is half-open: of two polygons sharing an edge, a
	 * position on that edge is inside exactly one of them, so a location on the line between two grids is routed to one
	 * grid only. Use {@link #onBoundary} to also accept positions on the outer edge.
	 */
	public static boolean inside(List<LatLng> ring, double lat, double lng) {
		boolean inside = false;
		int n = ring.size();
		for (int i = 0, j = n - 1; i < n; j = i++) {
			double yi = ring.get(i).lat(), xi = ring.get(i).lng();
			double yj = ring.get(j).lat(), xj = ring.get(j).lng();
			if ((yi > lat) != (yj > lat)) {
				double crossing = (xj - xi) * (lat - yi) / (yj - yi) + xi;
				if (lng < crossing) {
					inside = !inside;
				}
			}
		}
		return inside;
	}

	/** Whether a position lies on an edge or a vertex of a ring (within about a centimetre). */
	public static boolean onBoundary(List<LatLng> ring, double lat, double lng) {
		int n = ring.size();
		for (int i = 0, j = n - 1; i < n; j = i++) {
			if (onSegment(ring.get(j), ring.get(i), lat, lng)) {
				return true;
			}
		}
		return false;
	}

	private static boolean onSegment(LatLng a, LatLng b, double lat, double lng) {
		double dx = b.lng() - a.lng(), dy = b.lat() - a.lat();
		double length2 = dx * dx + dy * dy;
		double t = length2 == 0 ? 0 : ((lng - a.lng()) * dx + (lat - a.lat()) * dy) / length2;
		t = Math.max(0, Math.min(1, t));
		double px = a.lng() + t * dx - lng, py = a.lat() + t * dy - lat;
		return px * px + py * py <= ON_EDGE * ON_EDGE;
	}

	/**
	 * Checks that a ring is a usable polygon: at least three distinct vertices, every one valid, no zero area. Returns
	 * the ring without a repeated closing vertex.
	 */
	public static List<LatLng> normalisedRing(List<LatLng> ring) {
		if (ring == null) {
			throw new org.chuangwen.shared.InvalidInputException("ring", "grid.boundary.tooFewVertices");
		}
		List<LatLng> open = ring.size() > 1 && ring.get(0).equals(ring.get(ring.size() - 1))
				? ring.subList(0, ring.size() - 1) : ring;
		if (open.stream().distinct().count() < 3) {
			throw new org.chuangwen.shared.InvalidInputException("ring", "grid.boundary.tooFewVertices");
		}
		double area = 0;
		for (int i = 0, j = open.size() - 1; i < open.size(); j = i++) {
			area += open.get(j).lng() * open.get(i).lat() - open.get(i).lng() * open.get(j).lat();
		}
		if (Math.abs(area) < 1e-12) {
			throw new org.chuangwen.shared.InvalidInputException("ring", "grid.boundary.noArea");
		}
		return List.copyOf(open);
	}
	/**
	 * The first two edges of a ring (not closed) that cross or touch although they are not neighbours, as their indexes
	 * (edge i runs from vertex i to vertex i+1, the last back to vertex 0), or null when the ring is a simple polygon.
	 * Neighbouring edges may only share their common vertex (a spike folding back onto its own edge is a crossing too).
	 */
	public static int[] firstCrossing(List<LatLng> ring) {
		int n = ring.size();
		for (int i = 0; i < n; i++) {
			LatLng a = ring.get(i), b = ring.get((i + 1) % n);
			for (int j = i + 1; j < n; j++) {
				LatLng c = ring.get(j), d = ring.get((j + 1) % n);
				boolean adjacent = j == i + 1 || (i == 0 && j == n - 1);
				if (adjacent) {
					// neighbours share one vertex; they must not overlap along a stretch (collinear and doubling back)
					LatLng shared = j == i + 1 ? b : a;
					LatLng p = j == i + 1 ? a : b;
					LatLng q = j == i + 1 ? d : c;
					if (orientation(p, shared, q) == 0 && dot(p, shared, q) > 0) {
						return new int[] { i, j };
					}
					continue;
				}
				if (segmentsMeet(a, b, c, d)) {
					return new int[] { i, j };
				}
			}
		}
		return null;
	}

	private static double dot(LatLng p, LatLng shared, LatLng q) {
		return (p.lng() - shared.lng()) * (q.lng() - shared.lng()) + (p.lat() - shared.lat()) * (q.lat() - shared.lat());
	}

	private static int orientation(LatLng p, LatLng q, LatLng r) {
		double v = (q.lng() - p.lng()) * (r.lat() - p.lat()) - (q.lat() - p.lat()) * (r.lng() - p.lng());
		if (Math.abs(v) < 1e-18) {
			return 0;
		}
		return v > 0 ? 1 : -1;
	}

	private static boolean within(LatLng p, LatLng q, LatLng r) {
		return Math.min(p.lng(), r.lng()) <= q.lng() && q.lng() <= Math.max(p.lng(), r.lng())
				&& Math.min(p.lat(), r.lat()) <= q.lat() && q.lat() <= Math.max(p.lat(), r.lat());
	}

	/** Whether segments ab and cd cross or touch (end points included). */
	static boolean segmentsMeet(LatLng a, LatLng b, LatLng c, LatLng d) {
		int o1 = orientation(a, b, c), o2 = orientation(a, b, d), o3 = orientation(c, d, a), o4 = orientation(c, d, b);
		if (o1 != o2 && o3 != o4) {
			return true;
		}
		return (o1 == 0 && within(a, c, b)) || (o2 == 0 && within(a, d, b)) || (o3 == 0 && within(c, a, d))
				|| (o4 == 0 && within(c, b, d));
	}
}
