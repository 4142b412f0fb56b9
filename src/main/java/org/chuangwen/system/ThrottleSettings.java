package org.chuangwen.system;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the request throttle ({@code chuangwen.throttle.*}): per named bucket, at most {@code requests} requests
 * per key (a client address, an API key, a device) in any sliding window of {@code per}. A bucket without an entry
 * uses {@code default-limit}.
 */
@ConfigurationProperties("chuangwen.throttle")
public record ThrottleSettings(Limit defaultLimit, Map<String, Limit> limits) {

	/** At most {@code requests} in any window of {@code per}. */
	public record Limit(int requests, Duration per) {

		public Limit {
			if (requests < 1) {
				throw new IllegalArgumentException("a throttle limit allows at least one request");
			}
			if (per == null || per.isNegative() || per.isZero()) {
				throw new IllegalArgumentException("a throttle window is positive");
			}
		}
	}

	public ThrottleSettings {
		defaultLimit = defaultLimit == null ? new Limit(120, Duration.ofMinutes(1)) : defaultLimit;
		limits = limits == null ? Map.of() : Map.copyOf(limits);
	}

	public Limit limitOf(String bucket) {
		return limits.getOrDefault(bucket, defaultLimit);
	}
}
