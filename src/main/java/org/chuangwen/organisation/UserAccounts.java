package org.chuangwen.organisation;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.audit.AuditActor;
import org.chuangwen.audit.AuditEvent;
import org.chuangwen.audit.AuditTrail;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.shared.Validation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: sign-in bookkeeping (lock-out), the actor a session carries, and the administration of accounts under the
 * separation of duties of {@link AccountAuthority}. Every change is audited with before and after, never the hash.
 */
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

	/** A new display name and binding for an account, against the version the administrator saw. */
	public record ProfileChange(UUID userId, int version, String displayName, UUID unitId, UUID jurisdictionId) {
	}

	/** The complete new set of roles of an account, against the version the administrator saw. */
	public record RoleChange(UUID userId, int version, Set<Role> roles) {
	}

	/** An entry of a searchable select box (a unit or a jurisdiction). */
	public record Choice(UUID id, String code, String name, String detail) {
	}

	/** What an administrator may do with one account; the pages show only these actions. */
	public record Permissions(boolean editProfile, boolean changeRoles, boolean enableOrDisable, boolean resetPassword,
			boolean unlock, Set<Role> grantableRoles) {
	}

	/** An account's access was taken away or changed (disabled, roles changed, password reset): end its sessions. */
	public record AccountAccessRevoked(UUID userId, String username) {
	}

	private static final int CHOICE_LIMIT = 50;

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	UserAccounts(AccountRepository accounts, PasswordEncoder passwordEncoder, AuditTrail audit, Clock clock,
			ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Checks a username and password and does the lock-out bookkeeping: a wrong password counts a failure and locks
	 * the account when the policy's limit is reached; a right one resets the count. A locked account is refused even
	 * with the right password, and the lock is audited.
	 */
	@Transactional(noRollbackFor = RuntimeException.class)
	public LoginCheck checkLogin(String username, String password) {
		Optional<UserAccount> found = accounts.findByUsername(username == null ? "" : username.trim());
		if (found.isEmpty()) {
			passwordEncoder.matches(password == null ? "" : password, DUMMY_HASH);
			audit.record(AuditActor.SYSTEM, "account.signInUnknown", "login", abbreviate(username), null, null, null);
			return LoginCheck.UNKNOWN;
		}
		UserAccount account = found.get();
		AuditActor self = new AuditActor(account.id().toString(), account.username());
		Instant now = clock.instant();
		if (!account.enabled()) {
			audit.record(self, "account.signInRefused", "user", account.id(), null, Map.of("reason", "disabled"), null);
			return LoginCheck.DISABLED;
		}
		if (account.isLockedAt(now)) {
			audit.record(self, "account.signInRefused", "user", account.id(), null, Map.of("reason", "locked"), null);
			return LoginCheck.LOCKED;
		}
		if (!passwordEncoder.matches(password == null ? "" : password, account.passwordHash())) {
			PasswordPolicy policy = accounts.policy();
			int failures = accounts.recordFailure(account.id(), policy.maxFailedAttempts(), now, now.plus(policy.lockout()));
			if (failures >= policy.maxFailedAttempts()) {
				audit.record(new AuditActor(account.id().toString(), account.username()), "account.locked", "user",
						account.id(), null, Map.of("failedAttempts", failures, "lockoutMinutes", policy.lockoutMinutes()),
						null);
				return LoginCheck.LOCKED;
			}
			audit.record(self, "account.signInFailed", "user", account.id(), null, Map.of("failedAttempts", failures), null);
			return LoginCheck.BAD_PASSWORD;
		}
		accounts.recordSuccess(account.id(), now);
		audit.record(self, "account.signedIn", "user", account.id(), null, null, null);
		return LoginCheck.OK;
	}

	/** A name typed at the sign-in form, kept short enough for the audit trail. */
	private static String abbreviate(String username) {
		String name = username == null ? "" : username.trim();
		return name.length() > 60 ? name.substring(0, 60) + "…" : name;
	}

	/** The enabled accounts linked to a person (who reads what is addressed to that person in the app). */
	@Transactional(readOnly = true)
	public List<UUID> enabledAccountsOfPerson(UUID personId) {
		return accounts.enabledAccountsOfPerson(personId);
	}

	/** The enabled accounts bound to a unit that hold a role, e.g. the unit admins who act for the unit. */
	@Transactional(readOnly = true)
	public List<UUID> enabledAccountsOfUnit(UUID unitId, Role role) {
		return accounts.enabledAccountsOfUnitWithRole(unitId, role);
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

	/** Whether the account must set a new password before going on: first sign-in, reset, or expired by the policy. */
	@Transactional(readOnly = true)
	public boolean mustChangePassword(UUID userId) {
		UserAccount account = accounts.findById(userId).orElseThrow(() -> new NotFoundException("user", userId));
		return account.mustChangePassword() || accounts.policy().isExpired(account.passwordChangedAt(), clock.instant());
	}

	@Transactional(readOnly = true)
	public PasswordPolicy passwordPolicy() {
		return accounts.policy();
	}

	/** A random password the current policy accepts, to be shown once to the administrator. */
	@Transactional(readOnly = true)
	public String generatePassword(String username) {
		PasswordPolicy policy = accounts.policy();
		for (int attempt = 0; attempt < 100; attempt++) {
			String candidate = policy.generate();
			if (policy.check(candidate, username).isEmpty()) {
				return candidate;
			}
		}
		throw new IllegalStateException("no acceptable password could be generated");
	}

	// ---------------------------------------------------------------- reading accounts

	/** Accounts the actor may see: every account for the three administrators, its subtree for an office admin. */
	@Transactional(readOnly = true)
	public Page<UserProfile> search(Actor by, UserQuery query, PageRequest page) {
		if (!AccountAuthority.mayListAccounts(by)) {
			throw new ForbiddenException();
		}
		if (AccountAuthority.isScopedToSubtree(by)) {
			if (by.scopePath() == null) {
				return Page.of(List.of(), page, 0);
			}
			return accounts.search(query, by.scopePath(), true, page);
		}
		return accounts.search(query, null, false, page);
	}

	/** One account the actor may see; an account outside its scope is unknown to it (404). */
	@Transactional(readOnly = true)
	public UserProfile profile(Actor by, UUID userId) {
		if (!AccountAuthority.mayListAccounts(by)) {
			throw new ForbiddenException();
		}
		return visibleProfile(by, userId);
	}

	/** What the actor may do with this account. */
	@Transactional(readOnly = true)
	public Permissions permissions(Actor by, UUID userId) {
		UserProfile target = profile(by, userId);
		boolean manageable = AccountAuthority.mayManageHolderOf(by, target.roles());
		boolean self = by.userId().equals(userId);
		return new Permissions(manageable && AccountAuthority.mayEditProfile(by),
				manageable && !self && AccountAuthority.mayChangeRoles(by),
				manageable && !self && AccountAuthority.mayEnableOrDisable(by),
				!self && AccountAuthority.mayResetPasswords(by), AccountAuthority.mayUnlock(by),
				AccountAuthority.grantableRoles(by));
	}

	/** The roles this actor may give to others (what a role picker offers). */
	public Set<Role> grantableRoles(Actor by) {
		return AccountAuthority.grantableRoles(by);
	}

	public boolean mayCreate(Actor by) {
		return AccountAuthority.mayCreate(by);
	}

	/** The audited history of one account, newest first. */
	@Transactional(readOnly = true)
	public List<AuditEvent> history(Actor by, UUID userId) {
		profile(by, userId);
		return audit.historyOf("user", userId, 100);
	}

	/** Units the actor may bind accounts to, matching a text (name or code); at most 50. */
	@Transactional(readOnly = true)
	public List<Choice> unitChoices(Actor by, String text) {
		return accounts.unitChoices(choiceScope(by), text, CHOICE_LIMIT);
	}

	/** Jurisdictions the actor may bind accounts to, matching a text (name or code); at most 50. */
	@Transactional(readOnly = true)
	public List<Choice> jurisdictionChoices(Actor by, String text) {
		return accounts.jurisdictionChoices(choiceScope(by), text, CHOICE_LIMIT);
	}

	@Transactional(readOnly = true)
	public Optional<Choice> unitChoice(UUID unitId) {
		return unitId == null ? Optional.empty() : accounts.unitChoice(unitId);
	}

	@Transactional(readOnly = true)
	public Optional<Choice> jurisdictionChoice(UUID jurisdictionId) {
		return jurisdictionId == null ? Optional.empty() : accounts.jurisdictionChoice(jurisdictionId);
	}

	// ---------------------------------------------------------------- changing accounts

	/**
	 * Creates an account that must change its password at first sign-in. The system administrator may give business
	 * roles (or none, leaving the grant to the security administrator); an office admin business roles to accounts
	 * bound inside its subtree.
	 */
	@Transactional
	public UUID create(Actor by, NewUser user) {
		if (!AccountAuthority.mayCreate(by)) {
			throw new ForbiddenException();
		}
		Set<Role> roles = user.roles() == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roleSet(user.roles()));
		Validation v = validateNewUser(user, AccountAuthority.mayCreateWithoutRoles(by));
		checkGrant(by, roles, v);
		checkBindingInScope(by, user.unitId(), user.jurisdictionId(), v);
		v.throwIfInvalid();
		return createAccount(by, Ids.newId(clock), user, roles, true);
	}

	/** Creates an account without a caller (the demo city, first start); still validated and audited. */
	@Transactional
	public UUID createBySystem(NewUser user, boolean mustChangePassword) {
		validateNewUser(user, false).throwIfInvalid();
		return createAccount(null, Ids.newId(clock), user, EnumSet.copyOf(user.roles()), mustChangePassword);
	}

	/** Changes the display name and the unit/jurisdiction binding. */
	@Transactional
	public void updateProfile(Actor by, ProfileChange change) {
		UserProfile before = manageable(by, change.userId());
		if (!AccountAuthority.mayEditProfile(by)) {
			throw new ForbiddenException();
		}
		Validation v = new Validation();
		v.required("displayName", change.displayName())
			.maxLength("displayName", change.displayName(), 50)
			.check(change.unitId() != null || change.jurisdictionId() != null, "unitId", "user.scope.required");
		checkBindingExists(change.unitId(), change.jurisdictionId(), v);
		if (change.unitId() == null && before.roles().stream().anyMatch(Role.UNIT_ROLES::contains)) {
			v.reject("unitId", "user.unit.required");
		}
		checkBindingInScope(by, change.unitId(), change.jurisdictionId(), v);
		v.throwIfInvalid();
		if (!accounts.updateProfile(change.userId(), change.version(), change.displayName().trim(), change.unitId(),
				change.jurisdictionId())) {
			throw ConflictException.staleVersion("user");
		}
		UserProfile after = accounts.profile(change.userId()).orElseThrow();
		audit.record("user.updated", "user", change.userId(), snapshot(before), snapshot(after), null);
		revokeAccess(after);
	}

	/**
	 * Replaces the roles of an account. The security administrator may give any roles, an office admin business
	 * roles; nobody changes their own roles, and no account holds two administrator roles.
	 */
	@Transactional
	public void changeRoles(Actor by, RoleChange change) {
		UserProfile before = manageable(by, change.userId());
		if (!AccountAuthority.mayChangeRoles(by)) {
			throw new ForbiddenException();
		}
		if (by.userId().equals(change.userId())) {
			throw new ForbiddenException("user.roles.notOwn");
		}
		Set<Role> roles = roleSet(change.roles());
		Validation v = new Validation();
		v.check(!roles.isEmpty(), "roles", "user.roles.required");
		checkAdminSeparation(roles, v);
		checkGrant(by, roles, v);
		if (before.unitId() == null && roles.stream().anyMatch(Role.UNIT_ROLES::contains)) {
			v.reject("roles", "user.unit.required");
		}
		v.throwIfInvalid();
		if (!accounts.touch(change.userId(), change.version())) {
			throw ConflictException.staleVersion("user");
		}
		accounts.replaceRoles(change.userId(), roles);
		UserProfile after = accounts.profile(change.userId()).orElseThrow();
		audit.record("user.rolesChanged", "user", change.userId(), snapshot(before), snapshot(after), null);
		revokeAccess(after);
	}

	/** Enables or disables an account; disabling also revokes its API tokens. Nobody disables their own account. */
	@Transactional
	public void setEnabled(Actor by, UUID userId, int version, boolean enabled) {
		UserProfile before = manageable(by, userId);
		if (!AccountAuthority.mayEnableOrDisable(by)) {
			throw new ForbiddenException();
		}
		if (by.userId().equals(userId)) {
			throw new ForbiddenException("user.disable.notOwn");
		}
		if (!accounts.setEnabled(userId, version, enabled)) {
			throw ConflictException.staleVersion("user");
		}
		UserProfile after = accounts.profile(userId).orElseThrow();
		audit.record(enabled ? "user.enabled" : "user.disabled", "user", userId, snapshot(before), snapshot(after), null);
		if (!enabled) {
			accounts.revokeTokens(userId);
			revokeAccess(after);
		}
	}

	/**
	 * Sets a new random password that the holder must change at the next sign-in, clears a lock-out and revokes the
	 * account's API tokens. Returns the new password, to be shown once and handed over in person.
	 */
	@Transactional
	public String resetPassword(Actor by, UUID userId, int version) {
		UserProfile before = visibleProfile(by, userId);
		if (!AccountAuthority.mayResetPasswords(by)) {
			throw new ForbiddenException();
		}
		if (by.userId().equals(userId)) {
			throw new ForbiddenException("user.reset.notOwn");
		}
		if (before.version() != version) {
			throw ConflictException.staleVersion("user");
		}
		String password = generatePassword(before.username());
		accounts.updatePassword(userId, passwordEncoder.encode(password), clock.instant(), true);
		accounts.revokeTokens(userId);
		UserProfile after = accounts.profile(userId).orElseThrow();
		audit.record("user.passwordReset", "user", userId, snapshot(before), snapshot(after), null);
		revokeAccess(after);
		return password;
	}

	/** Lifts a lock-out before it runs out and clears the count of failed sign-ins. */
	@Transactional
	public void unlock(Actor by, UUID userId, int version) {
		UserProfile before = visibleProfile(by, userId);
		if (!AccountAuthority.mayUnlock(by)) {
			throw new ForbiddenException();
		}
		if (!accounts.unlock(userId, version)) {
			throw ConflictException.staleVersion("user");
		}
		UserProfile after = accounts.profile(userId).orElseThrow();
		audit.record("user.unlocked", "user", userId, snapshot(before), snapshot(after), null);
	}

	/** Changes the password policy (security administrator only), against the version that was shown. */
	@Transactional
	public void updatePasswordPolicy(Actor by, PasswordPolicy proposed) {
		if (!AccountAuthority.mayEditPasswordPolicy(by)) {
			throw new ForbiddenException();
		}
		proposed.validate().throwIfInvalid();
		PasswordPolicy before = accounts.policy();
		if (!accounts.updatePolicy(proposed)) {
			throw ConflictException.staleVersion("password policy");
		}
		PasswordPolicy after = accounts.policy();
		audit.record("passwordPolicy.updated", "passwordPolicy", 1, before, after, null);
	}

	/** The audited changes of the password policy, newest first. */
	@Transactional(readOnly = true)
	public List<AuditEvent> passwordPolicyHistory() {
		return audit.historyOf("passwordPolicy", 1, 50);
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

	// ---------------------------------------------------------------- rules

	private UUID createAccount(Actor by, UUID id, NewUser user, Set<Role> roles, boolean mustChangePassword) {
		Instant now = clock.instant();
		UserAccount account = new UserAccount(id, user.username().trim(), passwordEncoder.encode(user.password()),
				user.displayName().trim(), user.personId(), user.unitId(), user.jurisdictionId(), true, 0, null, now,
				mustChangePassword, null, 0, roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
		accounts.insert(account);
		Map<String, Object> after = snapshot(accounts.profile(id).orElseThrow());
		if (by == null) {
			audit.record(AuditActor.SYSTEM, "user.created", "user", id, null, after, null);
		}
		else {
			audit.record("user.created", "user", id, null, after, null);
		}
		return id;
	}

	private Validation validateNewUser(NewUser user, boolean rolesOptional) {
		Validation v = new Validation();
		Set<Role> roles = roleSet(user.roles());
		v.required("username", user.username())
			.maxLength("username", user.username(), 50)
			.pattern("username", user.username(), "[A-Za-z0-9_.@-]+", "user.username.pattern")
			.required("displayName", user.displayName())
			.maxLength("displayName", user.displayName(), 50)
			.check(rolesOptional || !roles.isEmpty(), "roles", "user.roles.required")
			.check(user.unitId() != null || user.jurisdictionId() != null, "unitId", "user.scope.required");
		checkAdminSeparation(roles, v);
		if (roles.stream().anyMatch(Role.UNIT_ROLES::contains) && user.unitId() == null) {
			v.reject("unitId", "user.unit.required");
		}
		checkBindingExists(user.unitId(), user.jurisdictionId(), v);
		if (user.username() != null && !user.username().isBlank() && accounts.usernameTaken(user.username().trim())) {
			v.reject("username", "user.username.taken");
		}
		for (PasswordPolicy.InvalidPassword problem : accounts.policy().check(user.password(), user.username())) {
			v.reject("password", problem.messageKey(), problem.arguments());
		}
		return v;
	}

	/** No account holds two of the system, security and audit administrator roles (等保 2.0 level 3). */
	private static void checkAdminSeparation(Set<Role> roles, Validation v) {
		if (roles.stream().filter(Role::isAdministrator).count() > 1) {
			v.reject("roles", "user.roles.adminSeparation");
		}
	}

	private static void checkGrant(Actor by, Set<Role> roles, Validation v) {
		Set<Role> grantable = AccountAuthority.grantableRoles(by);
		if (!grantable.containsAll(roles)) {
			v.reject("roles", roles.stream().anyMatch(Role::isAdministrator) ? "user.roles.adminNotAllowed"
					: "user.roles.notAllowed");
		}
	}

	private void checkBindingExists(UUID unitId, UUID jurisdictionId, Validation v) {
		if (unitId != null && accounts.unitJurisdictionPath(unitId).isEmpty()) {
			v.reject("unitId", "user.unit.unknown");
		}
		if (jurisdictionId != null && accounts.jurisdictionPath(jurisdictionId).isEmpty()) {
			v.reject("jurisdictionId", "user.jurisdiction.unknown");
		}
	}

	/** An office admin binds accounts only to units and jurisdictions inside its own subtree. */
	private void checkBindingInScope(Actor by, UUID unitId, UUID jurisdictionId, Validation v) {
		if (!AccountAuthority.isScopedToSubtree(by)) {
			return;
		}
		Optional<String> unitPath = unitId == null ? Optional.empty() : accounts.unitJurisdictionPath(unitId);
		if (unitPath.isPresent() && !by.covers(unitPath.get())) {
			v.reject("unitId", "user.scope.outside");
		}
		Optional<String> jurisdictionPath = jurisdictionId == null ? Optional.empty()
				: accounts.jurisdictionPath(jurisdictionId);
		if (jurisdictionPath.isPresent() && !by.covers(jurisdictionPath.get())) {
			v.reject("jurisdictionId", "user.scope.outside");
		}
	}

	/** The account if the actor may see it; one outside its scope does not exist for it. */
	private UserProfile visibleProfile(Actor by, UUID userId) {
		UserProfile profile = accounts.profile(userId).orElseThrow(() -> new NotFoundException("user", userId));
		if (AccountAuthority.seesEveryAccount(by)) {
			return profile;
		}
		if (AccountAuthority.isScopedToSubtree(by) && !profile.holdsAdministratorRole() && within(by, profile)) {
			return profile;
		}
		throw new NotFoundException("user", userId);
	}

	private boolean within(Actor by, UserProfile profile) {
		boolean jurisdictionInside = profile.jurisdictionId() == null
				|| accounts.jurisdictionPath(profile.jurisdictionId()).filter(by::covers).isPresent();
		boolean unitInside = profile.unitId() == null
				|| accounts.unitJurisdictionPath(profile.unitId()).filter(by::covers).isPresent();
		return jurisdictionInside && unitInside;
	}

	/** A visible account whose holder the actor may change (accounts of administrators only by administrators). */
	private UserProfile manageable(Actor by, UUID userId) {
		UserProfile profile = visibleProfile(by, userId);
		if (!AccountAuthority.mayManageHolderOf(by, profile.roles())) {
			throw new ForbiddenException();
		}
		return profile;
	}

	/** Where the actor may bind accounts: anywhere for the administrators, inside its subtree for an office admin. */
	private static String choiceScope(Actor by) {
		if (AccountAuthority.seesEveryAccount(by)) {
			return null;
		}
		if (AccountAuthority.isScopedToSubtree(by) && by.scopePath() != null) {
			return by.scopePath();
		}
		throw new ForbiddenException();
	}

	private static Set<Role> roleSet(Set<Role> roles) {
		EnumSet<Role> set = EnumSet.noneOf(Role.class);
		if (roles != null) {
			roles.stream().filter(java.util.Objects::nonNull).forEach(set::add);
		}
		return set;
	}

	/** What the audit trail keeps of an account: everything an administrator can change, never the password hash. */
	private static Map<String, Object> snapshot(UserProfile profile) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("username", profile.username());
		state.put("displayName", profile.displayName());
		state.put("roles", profile.roles().stream().map(Role::name).sorted().toList());
		state.put("unitId", profile.unitId() == null ? null : profile.unitId().toString());
		state.put("unitName", profile.unitName());
		state.put("jurisdictionId", profile.jurisdictionId() == null ? null : profile.jurisdictionId().toString());
		state.put("jurisdictionName", profile.jurisdictionName());
		state.put("enabled", profile.enabled());
		state.put("mustChangePassword", profile.mustChangePassword());
		state.put("failedAttempts", profile.failedAttempts());
		state.put("lockedUntil", profile.lockedUntil() == null ? null : profile.lockedUntil().toString());
		return state;
	}

	private void revokeAccess(UserProfile account) {
		events.publishEvent(new AccountAccessRevoked(account.id(), account.username()));
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
