package org.chuangwen.system;

import org.chuangwen.shared.DomainException;

/**
 * Too many requests from one client address, API key or device ({@link RequestThrottle}): 429 with
 * {@code Retry-After}. Pages show a message in the user's language, the JSON API problem details, Open311 its own
 * error shape.
 */
public class ThrottledException extends DomainException {

	private final String bucket;

	private final long retryAfterSeconds;

	public ThrottledException(String bucket, long retryAfterSeconds) {
		super("error.throttled.retry", retryAfterSeconds);
		this.bucket = bucket;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public String bucket() {
		return bucket;
	}

	/** Seconds until the client may try again (at least 1): the {@code Retry-After} header. */
	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}
}
