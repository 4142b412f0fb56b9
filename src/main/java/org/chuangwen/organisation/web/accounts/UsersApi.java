package org.chuangwen.organisation.web.accounts;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.UserAccounts;
import org.chuangwen.organisation.UserAccounts.NewUser;
import org.chuangwen.organisation.UserAccounts.RoleChange;
import org.chuangwen.organisation.UserProfile;
import org.chuangwen.organisation.UserQuery;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * User administration over the API, under the same rules as the pages: the three administrators see every account,
 * an office admin the business-role accounts inside its jurisdiction subtree.
 */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'OFFICE_ADMIN')")
@Tag(name = "users", description = "Accounts, their roles and bindings (never a password or its hash)")
class UsersApi {

	/** A new account; leave {@code password} out to have one generated (returned once). */
	record NewUserRequest(String username, String displayName, String password, Set<Role> roles, UUID unitId,
			UUID jurisdictionId) {
	}

	/** The account created; {@code temporaryPassword} only when it was generated. */
	record Created(UUID id, String temporaryPassword) {
	}

	record RolesRequest(Set<Role> roles, Integer version) {
	}

	/** An account as the API shows it. */
	record UserView(UUID id, String username, String displayName, List<String> roles, UUID unitId, String unitName,
			UUID jurisdictionId, String jurisdictionName, boolean enabled, boolean locked, Instant lockedUntil,
			boolean mustChangePassword, Instant passwordChangedAt, Instant lastLoginAt, int version) {

		static UserView of(UserProfile p, Instant now) {
			return new UserView(p.id(), p.username(), p.displayName(),
					p.roles().stream().sorted(Comparator.naturalOrder()).map(Role::name).toList(), p.unitId(),
					p.unitName(), p.jurisdictionId(), p.jurisdictionName(), p.enabled(), p.isLockedAt(now),
					p.lockedUntil(), p.mustChangePassword(), p.passwordChangedAt(), p.lastLoginAt(), p.version());
		}
	}

	private final UserAccounts accounts;

	private final Clock clock;

	UsersApi(UserAccounts accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Accounts in the caller's scope",
			description = "Filters: q (part of username or name), role, unitId, jurisdictionId; paged.")
	Page<UserView> list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q,
			@RequestParam(required = false) Role role, @RequestParam(required = false) UUID unitId,
			@RequestParam(required = false) UUID jurisdictionId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		Instant now = clock.instant();
		return accounts.search(actor, new UserQuery(q, role, unitId, jurisdictionId), PageRequest.of(page, size))
			.map(p -> UserView.of(p, now));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One account", description = "404 when it does not exist or lies outside the caller's scope.")
	UserView one(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		return UserView.of(accounts.profile(actor, Ids.parse(id, "user")), clock.instant());
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'OFFICE_ADMIN')")
	@Operation(summary = "Create an account",
			description = "The new user must change the password at first sign-in. 400 with 'errors' for every "
					+ "invalid field, e.g. two administrator roles (roles), a weak password (password), a unit role "
					+ "without a unit (unitId), a binding outside an office admin's jurisdiction (unitId, "
					+ "jurisdictionId).")
	ResponseEntity<Created> create(@AuthenticationPrincipal Actor actor, @RequestBody NewUserRequest request) {
		boolean generate = request.password() == null || request.password().isEmpty();
		String password = generate ? accounts.generatePassword(request.username()) : request.password();
		UUID id = accounts.create(actor, new NewUser(request.username(), request.displayName(), password,
				request.roles(), request.unitId(), request.jurisdictionId(), null));
		return ResponseEntity.created(URI.create("/api/v1/users/" + id)).body(new Created(id, generate ? password : null));
	}

	@PutMapping("/{id}/roles")
	@PreAuthorize("hasAnyRole('SECURITY_ADMIN', 'OFFICE_ADMIN')")
	@Operation(summary = "Replace an account's roles",
			description = "Send the version you read; 409 when the account changed meanwhile. Nobody changes their "
					+ "own roles (403).")
	UserView roles(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody RolesRequest request) {
		UUID userId = Ids.parse(id, "user");
		int version = request.version() == null ? accounts.profile(actor, userId).version() : request.version();
		accounts.changeRoles(actor, new RoleChange(userId, version, request.roles()));
		return UserView.of(accounts.profile(actor, userId), clock.instant());
	}
}
