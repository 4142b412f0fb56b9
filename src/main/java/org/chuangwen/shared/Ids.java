package org.chuangwen.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/** Time-ordered random ids (UUID version 7 layout), so that new rows land at the end of their indexes. */
public final class Ids {

	private static final SecureRandom random = new SecureRandom();

	private Ids() {
	}

	public static UUID newId() {
		return newId(Clock.systemUTC());
	}

	public static UUID newId(Clock clock) {
		long millis = clock.millis();
		long msb = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
		long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb);
	}

	/** Parses an opaque id from a URL or a form; an id that is not well formed is simply unknown. */
	public static UUID parse(String id, String what) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new NotFoundException(what, id);
		}
	}
}
