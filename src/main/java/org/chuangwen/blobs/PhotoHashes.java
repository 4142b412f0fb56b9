package org.chuangwen.blobs;

import java.util.ArrayList;
import java.util.List;

/** The 16-bit values within a few bits of a hash quarter: the index keys a similar-photo search reads. */
final class PhotoHashes {

	private PhotoHashes() {
	}

	/** Every 16-bit value at most {@code radius} bits from {@code quarter} (1, 17, 137 or 697 values for radius 0–3). */
	static Integer[] neighbours(int quarter, int radius) {
		List<Integer> values = new ArrayList<>();
		collect(quarter & 0xFFFF, radius, 0, values);
		return values.toArray(Integer[]::new);
	}

	private static void collect(int value, int radius, int fromBit, List<Integer> values) {
		values.add(value);
		if (radius == 0) {
			return;
		}
		for (int bit = fromBit; bit < 16; bit++) {
			collect(value ^ (1 << bit), radius - 1, bit + 1, values);
		}
	}
}
