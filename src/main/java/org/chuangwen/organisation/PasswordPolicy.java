package org.chuangwen.organisation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Password complexity, expiry and lock-out (等保 2.0 level 3), set by the security administrator.
 *
 * @param minCharacterClasses how many of: lower case, upper case, digits, other characters
 * @param maxAgeDays 0 means passwords never expire
 */
public record PasswordPolicy(int minLength, int minCharacterClasses, int maxAgeDays, int maxFailedAttempts,
		int lockoutMinutes, int version) {

	/** The problems of a proposed password, as message keys with arguments; empty when it is acceptable. */
	public List<InvalidPassword> check(String password, String username) {
		List<InvalidPassword> problems = new ArrayList<>();
		if (password == null || password.length() < minLength) {
			problems.add(new InvalidPassword("password.tooShort", minLength));
			return problems;
		}
		if (characterClasses(password) < minCharacterClasses) {
			problems.add(new InvalidPassword("password.tooSimple", minCharacterClasses));
		}
		if (username != null && !username.isBlank() && password.toLowerCase().contains(username.toLowerCase())) {
			problems.add(new InvalidPassword("password.containsUsername"));
		}
		return problems;
	}

	public boolean isExpired(Instant changedAt, Instant now) {
		return maxAgeDays > 0 && changedAt.plus(Duration.ofDays(maxAgeDays)).isBefore(now);
	}

	public Duration lockout() {
		return Duration.ofMinutes(lockoutMinutes);
	}

	static int characterClasses(String password) {
		boolean lower = false, upper = false, digit = false, other = false;
		for (int i = 0; i < password.length(); i++) {
			char c = password.charAt(i);
			if (Character.isLowerCase(c)) {
				lower = true;
			}
			else if (Character.isUpperCase(c)) {
				upper = true;
			}
			else if (Character.isDigit(c)) {
				digit = true;
			}
			else {
				other = true;
			}
		}
		return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
	}

	/** One reason a password is refused. */
	public record InvalidPassword(String messageKey, Object... arguments) {
	}
}
