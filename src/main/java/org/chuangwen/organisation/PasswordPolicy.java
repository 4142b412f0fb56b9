package org.chuangwen.organisation;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.chuangwen.shared.Validation;

/**
 * Password complexity, expiry and lock-out (等保 2.0 level 3), set by the security administrator.
 *
 * @param minCharacterClasses how many of: lower case, upper case, digits, other characters
 * @param maxAgeDays 0 means passwords never expire
 */
public record PasswordPolicy(int minLength, int minCharacterClasses, int maxAgeDays, int maxFailedAttempts,
		int lockoutMinutes, int version) {

	/** The allowed ranges, as the database's CHECK constraints hold them (V3). */
	public static final int MIN_LENGTH_FLOOR = 8, MIN_LENGTH_CEILING = 64, MAX_AGE_CEILING = 3650,
			FAILED_ATTEMPTS_FLOOR = 3, FAILED_ATTEMPTS_CEILING = 20, LOCKOUT_CEILING = 1440;

	/** BCrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused. */
	public static final int MAX_PASSWORD_BYTES = 72;

	private static final SecureRandom random = new SecureRandom();

	private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";

	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String DIGITS = "23456789";

	private static final String SYMBOLS = "@#%*+=?!";

	/** Every problem of a proposed password, as message keys with arguments; empty when it is acceptable. */
	public List<InvalidPassword> check(String password, String username) {
		List<InvalidPassword> problems = new ArrayList<>();
		String candidate = password == null ? "" : password;
		if (candidate.codePointCount(0, candidate.length()) < minLength) {
			problems.add(new InvalidPassword("password.tooShort", minLength));
		}
		if (candidate.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			problems.add(new InvalidPassword("password.tooLong", MAX_PASSWORD_BYTES));
		}
		if (characterClasses(candidate) < minCharacterClasses) {
			problems.add(new InvalidPassword("password.tooSimple", minCharacterClasses));
		}
		if (username != null && !username.isBlank() && candidate.toLowerCase().contains(username.trim().toLowerCase())) {
			problems.add(new InvalidPassword("password.containsUsername"));
		}
		return problems;
	}

	public boolean isExpired(Instant changedAt, Instant now) {
		return maxAgeDays > 0 && changedAt != null && changedAt.plus(Duration.ofDays(maxAgeDays)).isBefore(now);
	}

	/** When a password set at this instant expires; null when passwords never expire. */
	public Instant expiryOf(Instant changedAt) {
		return maxAgeDays > 0 && changedAt != null ? changedAt.plus(Duration.ofDays(maxAgeDays)) : null;
	}

	public Duration lockout() {
		return Duration.ofMinutes(lockoutMinutes);
	}

	/** Whether every value lies in its allowed range; the errors name the form fields. */
	public Validation validate() {
		Validation v = new Validation();
		v.check(minLength >= MIN_LENGTH_FLOOR && minLength <= MIN_LENGTH_CEILING, "minLength", "policy.range",
				MIN_LENGTH_FLOOR, MIN_LENGTH_CEILING);
		v.check(minCharacterClasses >= 1 && minCharacterClasses <= 4, "minCharacterClasses", "policy.range", 1, 4);
		v.check(maxAgeDays >= 0 && maxAgeDays <= MAX_AGE_CEILING, "maxAgeDays", "policy.range", 0, MAX_AGE_CEILING);
		v.check(maxFailedAttempts >= FAILED_ATTEMPTS_FLOOR && maxFailedAttempts <= FAILED_ATTEMPTS_CEILING,
				"maxFailedAttempts", "policy.range", FAILED_ATTEMPTS_FLOOR, FAILED_ATTEMPTS_CEILING);
		v.check(lockoutMinutes >= 1 && lockoutMinutes <= LOCKOUT_CEILING, "lockoutMinutes", "policy.range", 1,
				LOCKOUT_CEILING);
		return v;
	}

	/**
	 * A random password this policy accepts, for a new account or a reset: at least 12 characters (or the minimum
	 * length) drawn from all four classes, without look-alike characters, so it can be read out over the phone.
	 */
	public String generate() {
		int length = Math.max(12, minLength);
		List<Character> chars = new ArrayList<>();
		String[] classes = { LOWER, UPPER, DIGITS, SYMBOLS };
		for (String set : classes) {
			chars.add(set.charAt(random.nextInt(set.length())));
		}
		String all = LOWER + UPPER + DIGITS + SYMBOLS;
		while (chars.size() < length) {
			chars.add(all.charAt(random.nextInt(all.length())));
		}
		Collections.shuffle(chars, random);
		StringBuilder out = new StringBuilder(length);
		chars.forEach(out::append);
		return out.toString();
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
