package org.chuangwen.problems;

/**
 * A problem on the public map: where (rounded to about 100 m), what kind, in which state. No number, description,
 * photo or person, so nothing on the map points at anyone (DOMAIN §12).
 */
public record PublicProblemPin(double lat, double lng, String categoryCode, ProblemStatus status) {

	public boolean closed() {
		return status == ProblemStatus.CLOSED;
	}
}
