package org.chuangwen.points;

import org.chuangwen.shared.InvalidInputException;

/** A position in WGS-84 degrees. */
public record LatLng(double lat, double lng) {

	public LatLng {
		if (!Geo.isValid(lat, lng)) {
			throw new InvalidInputException("location", "point.location.invalid");
		}
	}
}
