package org.chuangwen.blobs;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * What a stored photo says about itself (DOMAIN §8.4 evidence): when it was taken and where (EXIF), its pixel size and
 * its 64-bit perceptual hash. Each part may be absent: a screenshot has no EXIF, a file that does not decode has no
 * size and no hash, a featureless picture (all black) no hash. A file that is not a JPEG or PNG has none of them.
 *
 * @param takenAtZoneAssumed the camera wrote no UTC offset: its local time was read in the city's zone
 */
public record PhotoFacts(UUID blobId, Optional<Instant> takenAt, boolean takenAtZoneAssumed, Optional<Location> location,
		OptionalLong perceptualHash, OptionalInt width, OptionalInt height) {

	/** A WGS-84 position as phones record it. */
	public record Location(double latitude, double longitude) {

		private static final double EARTH_RADIUS_METRES = 6_371_008.8;

		/** The great-circle distance in metres to another position (haversine). */
		public double metresTo(double otherLatitude, double otherLongitude) {
			double phi1 = Math.toRadians(latitude);
			double phi2 = Math.toRadians(otherLatitude);
			double dPhi = phi2 - phi1;
			double dLambda = Math.toRadians(otherLongitude - longitude);
			double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
					+ Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
			return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
		}
	}

	static PhotoFacts none(UUID blobId) {
		return new PhotoFacts(blobId, Optional.empty(), false, Optional.empty(), OptionalLong.empty(), OptionalInt.empty(),
				OptionalInt.empty());
	}

	/** Whether the file decoded as an image (a JPEG/PNG by its first bytes may still be broken). */
	public boolean decoded() {
		return width.isPresent();
	}

	/** The hash as 16 hex digits, for APIs and pages. */
	public Optional<String> perceptualHashHex() {
		return perceptualHash.isPresent() ? Optional.of(String.format("%016x", perceptualHash.getAsLong())) : Optional.empty();
	}

	/** How many of the 64 bits of two perceptual hashes differ: 0–5 for copies of one picture, ~32 for unrelated ones. */
	public static int hammingDistance(long a, long b) {
		return PerceptualHash.distance(a, b);
	}
}
