package org.chuangwen.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestThrottleTests {

	static final class MovableClock extends Clock {

		Instant now = Instant.parse("2026-11-25T00:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}

	final MovableClock clock = new MovableClock();

	final RequestThrottle throttle = new RequestThrottle(new ThrottleSettings(new ThrottleSettings.Limit(100, Duration.ofMinutes(1)),
			Map.of("posts", new ThrottleSettings.Limit(3, Duration.ofSeconds(60)))), clock);

	@Test
	void admitsTheLimitThenRefusesWithTheSecondsUntilTheOldestLeavesTheWindow() {
		for (int i = 0; i < 3; i++) {
			throttle.check("posts", "1.2.3.4");
			clock.now = clock.now.plusSeconds(10);
		}
		assertThatThrownBy(() -> throttle.check("posts", "1.2.3.4")).isInstanceOfSatisfying(ThrottledException.class,
				ex -> assertThat(ex.retryAfterSeconds()).isEqualTo(30));
		clock.now = clock.now.plusSeconds(30);
		assertThat(throttle.admit("posts", "1.2.3.4")).isZero();
	}

	@Test
	void countsEachKeyAndBucketApartAndRefusedRequestsDoNotCount() {
		for (int i = 0; i < 3; i++) {
			throttle.check("posts", "a");
		}
		assertThat(throttle.admit("posts", "a")).isPositive();
		assertThat(throttle.admit("posts", "a")).isPositive();
		assertThat(throttle.admit("posts", "b")).isZero();
		assertThat(throttle.admit("other", "a")).isZero(); // the default limit of 100
		clock.now = clock.now.plusSeconds(60);
		assertThat(throttle.admit("posts", "a")).isZero();
	}

	@Test
	void aMissingKeyIsNotThrottled() {
		for (int i = 0; i < 10; i++) {
			throttle.check("posts", null);
			throttle.check("posts", " ");
		}
	}
}
