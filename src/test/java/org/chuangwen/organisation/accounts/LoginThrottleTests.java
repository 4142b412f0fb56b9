package org.chuangwen.organisation.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/**
 * The per-address sign-in throttle of the system module (on top of the per-account lock-out). It is package-private
 * there, so this test builds it reflectively with an explicit limit, as the test profile raises the limit for
 * everything else.
 */
class LoginThrottleTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));

	@Test
	void allowsTheLimitThenRefusesTheSameAddress() throws Exception {
		Object throttle = throttle(3, Duration.ofMinutes(5));
		assertThat(allow(throttle, "10.0.0.1")).isTrue();
		assertThat(allow(throttle, "10.0.0.1")).isTrue();
		assertThat(allow(throttle, "10.0.0.1")).isTrue();
		assertThat(allow(throttle, "10.0.0.1")).isFalse();
	}

	@Test
	void countsEveryAddressOnItsOwn() throws Exception {
		Object throttle = throttle(1, Duration.ofMinutes(5));
		assertThat(allow(throttle, "10.0.0.1")).isTrue();
		assertThat(allow(throttle, "10.0.0.2")).isTrue();
		assertThat(allow(throttle, "10.0.0.1")).isFalse();
	}

	@Test
	void allowsAgainOnceTheWindowHasSlidPast() throws Exception {
		Object throttle = throttle(2, Duration.ofMinutes(5));
		allow(throttle, "10.0.0.1");
		clock.advance(Duration.ofMinutes(3));
		allow(throttle, "10.0.0.1");
		assertThat(allow(throttle, "10.0.0.1")).isFalse();
		clock.advance(Duration.ofMinutes(2).plusSeconds(1));
		assertThat(allow(throttle, "10.0.0.1")).isTrue();
		assertThat(allow(throttle, "10.0.0.1")).isFalse();
	}

	private Object throttle(int limit, Duration window) throws Exception {
		Class<?> type = Class.forName("org.chuangwen.system.LoginThrottle");
		Constructor<?> constructor = type.getDeclaredConstructor(int.class, Duration.class, Clock.class,
				org.springframework.context.MessageSource.class, LocaleResolver.class);
		constructor.setAccessible(true);
		return constructor.newInstance(limit, window, clock, new StaticMessageSource(), new FixedLocaleResolver(Locale.CHINA));
	}

	private static boolean allow(Object throttle, String address) throws Exception {
		Method allow = throttle.getClass().getDeclaredMethod("allow", String.class);
		allow.setAccessible(true);
		return (boolean) allow.invoke(throttle, address);
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	}
}
