package org.chuangwen.organisation.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.chuangwen.organisation.PasswordPolicy;
import org.chuangwen.organisation.PasswordPolicy.InvalidPassword;
import org.chuangwen.shared.InvalidInputException.FieldError;
import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy(10, 3, 90, 5, 15, 0);

	@Test
	void acceptsALongPasswordOfThreeClassesWithoutTheUsername() {
		assertThat(policy.check("Chuangwen@2026", "office")).isEmpty();
	}

	@Test
	void refusesAWeakPasswordWithEveryReasonAtOnce() {
		assertThat(policy.check("wang", "wang")).extracting(InvalidPassword::messageKey)
			.containsExactly("password.tooShort", "password.tooSimple", "password.containsUsername");
	}

	@Test
	void namesTheMinimumLengthAndTheRequiredClasses() {
		var problems = policy.check("abc", null);
		assertThat(problems.get(0).arguments()).containsExactly(10);
		assertThat(problems.get(1).arguments()).containsExactly(3);
	}

	@Test
	void refusesAPasswordThatContainsTheUsernameInAnyCase() {
		assertThat(policy.check("XX-Office-2026x", "office")).extracting(InvalidPassword::messageKey)
			.containsExactly("password.containsUsername");
	}

	@Test
	void refusesAMissingPassword() {
		assertThat(policy.check(null, "office")).extracting(InvalidPassword::messageKey)
			.contains("password.tooShort", "password.tooSimple");
	}

	@Test
	void refusesPasswordsLongerThanBcryptReads() {
		assertThat(policy.check("Aa1@".repeat(19), "x")).extracting(InvalidPassword::messageKey)
			.containsExactly("password.tooLong");
	}

	@Test
	void countsLowerUpperDigitsAndSymbolsAsFourClasses() {
		PasswordPolicy strict = new PasswordPolicy(8, 4, 90, 5, 15, 0);
		assertThat(strict.check("abcdEFGH12", null)).extracting(InvalidPassword::messageKey).containsExactly("password.tooSimple");
		assertThat(strict.check("abcdEF12#$", null)).isEmpty();
	}

	@Test
	void expiresAPasswordOlderThanTheMaximumAge() {
		Instant now = Instant.parse("2026-11-25T00:00:00Z");
		assertThat(policy.isExpired(now.minus(Duration.ofDays(91)), now)).isTrue();
		assertThat(policy.isExpired(now.minus(Duration.ofDays(89)), now)).isFalse();
		assertThat(policy.expiryOf(now)).isEqualTo(now.plus(Duration.ofDays(90)));
	}

	@Test
	void neverExpiresWhenTheMaximumAgeIsZero() {
		PasswordPolicy never = new PasswordPolicy(10, 3, 0, 5, 15, 0);
		Instant now = Instant.now();
		assertThat(never.isExpired(now.minus(Duration.ofDays(5000)), now)).isFalse();
		assertThat(never.expiryOf(now)).isNull();
	}

	@Test
	void generatesPasswordsItAccepts() {
		PasswordPolicy strict = new PasswordPolicy(16, 4, 90, 5, 15, 0);
		for (int i = 0; i < 200; i++) {
			String password = strict.generate();
			assertThat(password).hasSize(16);
			assertThat(strict.check(password, "zz_nobody")).isEmpty();
		}
	}

	@Test
	void validatesEveryValueAgainstTheAllowedRanges() {
		PasswordPolicy wrong = new PasswordPolicy(7, 5, 3651, 2, 0, 0);
		assertThat(wrong.validate().errors()).extracting(FieldError::field)
			.containsExactly("minLength", "minCharacterClasses", "maxAgeDays", "maxFailedAttempts", "lockoutMinutes");
		assertThat(new PasswordPolicy(8, 1, 0, 3, 1, 0).validate().hasErrors()).isFalse();
		assertThat(new PasswordPolicy(64, 4, 3650, 20, 1440, 0).validate().hasErrors()).isFalse();
	}
}
