package org.chuangwen.organisation;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.Validation;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: sign-in bookkeeping (lock-out), creating users, passwords, the actor a session carries. */
@Service
public class UserAccounts {

	/** What a sign-in attempt found. */
	public enum LoginCheck {
		OK, UNKNOWN, DISABLED, LOCKED, BAD_PASSWORD
	}

	/** A new account as the administrator enters it. */
	public record NewUser(String username, String displayName, String password, Set<Role> roles, UUID unitId,
			UUID jurisdictionId, UUID personId) {
	}

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final AuditTrail audit;

	private final Clock clock;

	UserAccounts(AccountRepository accounts, PasswordEncoder passwordEncoder, AuditTrail audit, Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Checks a username and password and does the lock-out bookkeeping: a wrong password counts a failure and locks
	 * the account when the policy's limit is reached; a right one resets the count. A locked account is refused even
	 * with the right password, and the refusal is audited.
	 */
	@Transactional(noRollbackFor = RuntimeException.class)
	public LoginCheck checkLogin(String username, String password) {
		Optional<UserAccount> found = accounts.findByUsername(username == null ? "" : username.trim());
		if (found.isEmpty()) {
			passwordEncoder.matches(password == null ? "" : password, DUMMY_HASH);
			return LoginCheck.UNKNOWN;
		}
		UserAccount account = found.get();
		Instant now = clock.instant();
		if (!account.enabled()) {
			return LoginCheck.DISABLED;
		}
		if (account.isLockedAt(now)) {
			return LoginCheck.LOCKED;
		}
		if (!passwordEncoder.matches(password == null ? "" : password, account.passwordHash())) {
			PasswordPolicy policy = accounts.policy();
			int failures = accounts.recordFailure(account.id(), policy.maxFailedAttempts(), now.plus(policy.lockout()));
			if (failures >= policy.maxFailedAttempts()) {
				audit.record(new org.chuangwen.audit.AuditActor(account.id().toString(), account.username()),
						"account.locked", "user", account.id(), null, Map.of("failedAttempts", failures), null);
				return LoginCheck.LOCKED;
			}
			return LoginCheck.BAD_PASSWORD;
		}
		accounts.recordSuccess(account.id(), now);
		return LoginCheck.OK;
	}

	/** The actor a session carries for this account, with the path that bounds its scope. */
	@Transactional(readOnly = true)
	public Actor actorFor(String username) {
		UserAccount account = accounts.findByUsername(username).orElseThrow(() -> new NotFoundException("user", username));
		return actorOf(account);
	}

	@Transactional(readOnly = true)
	public Optional<Actor> actorById(UUID userId) {
		return accounts.findById(userId).filter(UserAccount::enabled).map(this::actorOf);
	}

	/** Whether the account must set a new password before going on (first sign-in, reset, or expired). */
	@Transactional(readOnly = true)
	public boolean mustChangePassword(UUID userId) {
		UserAccount account = accounts.findById(userId).orElseThrow(() -> new NotFoundException("user", userId));
		return account.mustChangePassword() || accounts.policy().isExpired(account.passwordChangedAt(), clock.instant());
	}

	@Transactional(readOnly = true)
	public PasswordPolicy passwordPolicy() {
		return accounts.policy();
	}

	/** Creates an account; the system administrator or an office admin within its jurisdiction may do so. */
	@Transactional
	public UUID create(Actor by, NewUser user) {
		if (!by.hasAny(Role.SYSTEM_ADMIN, Role.OFFICE_ADMIN)) {
			throw new ForbiddenException();
		}
		Validation validation = validateNewUser(user);
		if (user.roles() != null && user.roles().stream().anyMatch(Role::isAdministrator) && !by.has(Role.SECURITY_ADMIN)
				&& !by.has(Role.SYSTEM_ADMIN)) {
			validation.reject("roles", "user.roles.adminNotAllowed");
		}
		validation.throwIfInvalid();
		UUID id = Ids.newId(clock);
		return createAccount(by, id, user, true);
	}

	/** Creates an account without a caller (the demo city, first start); still validated and audited. */
	@Transactional
	public UUID createBySystem(NewUser user, boolean mustChangePassword) {
		validateNewUser(user).throwIfInvalid();
		return createAccount(null, Ids.newId(clock), user, mustChangePassword);
	}

	private UUID createAccount(Actor by, UUID id, NewUser user, boolean mustChangePassword) {
		Instant now = clock.instant();
		UserAccount account = new UserAccount(id, user.username().trim(), passwordEncoder.encode(user.password()),
				user.displayName().trim(), user.personId(), user.unitId(), user.jurisdictionId(), true, 0, null, now,
				mustChangePassword, null, 0, EnumSet.copyOf(user.roles()));
		accounts.insert(account);
		Map<String, Object> after = Map.of("username", account.username(), "displayName", account.displayName(),
				"roles", account.roles(), "unitId", String.valueOf(account.unitId()),
				"jurisdictionId", String.valueOf(account.jurisdictionId()));
		if (by == null) {
			audit.record(org.chuangwen.audit.AuditActor.SYSTEM, "user.created", "user", id, null, after, null);
		}
		else {
			audit.record("user.created", "user", id, null, after, null);
		}
		return id;
	}

	private Validation validateNewUser(NewUser user) {
		Validation v = new Validation();
		v.required("username", user.username())
			.maxLength("username", user.username(), 50)
			.pattern("username", user.username(), "[A-Za-z0-9_.@-]+", "user.username.pattern")
			.required("displayName", user.displayName())
			.maxLength("displayName", user.displayName(), 50)
			.check(user.roles() != null && !user.roles().isEmpty(), "roles", "user.roles.required")
			.check(user.unitId() != null || user.jurisdictionId() != null, "unitId", "user.scope.required");
		if (user.roles() != null && user.roles().stream().filter(Role::isAdministrator).count() > 1) {
			v.reject("roles", "user.roles.adminSeparation");
		}
		if (user.roles() != null && user.roles().stream().anyMatch(Role.UNIT_ROLES::contains) && user.unitId() == null) {
			v.reject("unitId", "user.unit.required");
		}
		if (user.username() != null && !user.username().isBlank() && accounts.usernameTaken(user.username().trim())) {
			v.reject("username", "user.username.taken");
		}
		for (PasswordPolicy.InvalidPassword problem : accounts.policy().check(user.password(), user.username())) {
			v.reject("password", problem.messageKey(), problem.arguments());
		}
		return v;
	}

	/** Sets a new password chosen by the account holder, after checking the current one and the policy. */
	@Transactional
	public void changeOwnPassword(UUID userId, String currentPassword, String newPassword) {
		UserAccount account = accounts.findById(userId).orElseThrow(() -> new NotFoundException("user", userId));
		Validation v = new Validation();
		if (!passwordEncoder.matches(currentPassword == null ? "" : currentPassword, account.passwordHash())) {
			v.reject("currentPassword", "password.currentWrong");
		}
		for (PasswordPolicy.InvalidPassword problem : accounts.policy().check(newPassword, account.username())) {
			v.reject("newPassword", problem.messageKey(), problem.arguments());
		}
		if (newPassword != null && passwordEncoder.matches(newPassword, account.passwordHash())) {
			v.reject("newPassword", "password.sameAsOld");
		}
		v.throwIfInvalid();
		accounts.updatePassword(userId, passwordEncoder.encode(newPassword), clock.instant(), false);
		audit.record("user.passwordChanged", "user", userId, null, null, null);
	}

	@Transactional(readOnly = true)
	public List<UserAccount> all() {
		return accounts.all();
	}

	private Actor actorOf(UserAccount account) {
		String path = account.jurisdictionId() != null ? accounts.jurisdictionPath(account.jurisdictionId()).orElse(null)
				: account.unitId() != null ? accounts.unitJurisdictionPath(account.unitId()).orElse(null) : null;
		return new Actor(account.id(), account.username(), account.displayName(), account.roles(), account.unitId(),
				account.jurisdictionId(), path);
	}

	/** A valid bcrypt hash of a random string, so unknown users take as long to refuse as wrong passwords. */
	private static final String DUMMY_HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z5R3YHnmV5.sPdR6h4t8JN8a";
}
