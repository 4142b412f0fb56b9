package org.chuangwen.organisation.web.accounts;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.ApiTokens;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.Unit;
import org.chuangwen.organisation.UserAccounts;
import org.chuangwen.shared.Validation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing in to the API (API.md): a token for a username and password, with the same lock-out bookkeeping as the
 * sign-in page; signing out; and who the caller is.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "auth", description = "API tokens and the caller's identity")
class AuthApi {

	/** The credentials of a token request. */
	record TokenRequest(String username, String password) {
	}

	/** A freshly issued bearer token; it is shown only once. */
	record TokenResponse(String token, Instant expiresAt) {
	}

	record UnitRef(UUID id, String code, String name) {
	}

	record JurisdictionRef(UUID id, String code, String name, String level) {
	}

	/** The caller: its account, roles, and the unit and jurisdiction it is bound to. */
	record Me(UUID id, String username, String displayName, List<String> roles, UnitRef unit,
			JurisdictionRef jurisdiction, boolean mustChangePassword) {
	}

	private final UserAccounts accounts;

	private final ApiTokens tokens;

	private final OrganisationDirectory directory;

	private final MessageSource messages;

	AuthApi(UserAccounts accounts, ApiTokens tokens, OrganisationDirectory directory, MessageSource messages) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.directory = directory;
		this.messages = messages;
	}

	@PostMapping("/auth/token")
	@Operation(summary = "Obtain a bearer token",
			description = "Checks the username and password with the same lock-out bookkeeping as the sign-in page: "
					+ "each wrong password counts, and after the policy's number of failures the account is locked for "
					+ "the policy's lock-out minutes. Send the token as 'Authorization: Bearer <token>'. "
					+ "Errors: 400 with 'errors' when a field is missing; 401 for a wrong username or password and for "
					+ "a disabled account; 423 Locked while the account is locked (the right password does not help "
					+ "until the lock runs out or the security administrator unlocks it); 429 when this address tried "
					+ "too often.")
	@ApiResponse(responseCode = "200", description = "{\"token\", \"expiresAt\"}")
	@ApiResponse(responseCode = "400", description = "username or password missing")
	@ApiResponse(responseCode = "401", description = "wrong credentials or disabled account")
	@ApiResponse(responseCode = "423", description = "account locked after repeated failures")
	ResponseEntity<?> token(@RequestBody(required = false) TokenRequest request, HttpServletRequest http) {
		TokenRequest credentials = request == null ? new TokenRequest(null, null) : request;
		new Validation().required("username", credentials.username())
			.required("password", credentials.password())
			.throwIfInvalid();
		return switch (accounts.checkLogin(credentials.username(), credentials.password())) {
			case OK -> {
				Actor actor = accounts.actorFor(credentials.username().trim());
				ApiTokens.IssuedToken issued = tokens.issue(actor.userId());
				yield ResponseEntity.ok(new TokenResponse(issued.token(), issued.expiresAt()));
			}
			case LOCKED -> problem(HttpStatus.LOCKED, "auth.locked.title", "login.error.locked", http);
			case DISABLED -> problem(HttpStatus.UNAUTHORIZED, "error.unauthorized.title", "login.error.disabled", http);
			case UNKNOWN, BAD_PASSWORD -> problem(HttpStatus.UNAUTHORIZED, "error.unauthorized.title", "login.error.bad", http);
		};
	}

	@DeleteMapping("/auth/token")
	@Operation(summary = "Revoke the caller's token",
			description = "Signs out of the API: the token in the Authorization header stops working at once. "
					+ "204 when revoked; 401 when the header carries no valid token.")
	ResponseEntity<?> revoke(HttpServletRequest http) {
		String header = http.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
				&& tokens.resolve(header.substring(7).trim()).isPresent() && tokens.revoke(header.substring(7).trim())) {
			return ResponseEntity.noContent().build();
		}
		return problem(HttpStatus.UNAUTHORIZED, "error.unauthorized.title", "error.unauthorized", http);
	}

	@GetMapping("/me")
	@Operation(summary = "Who the caller is",
			description = "The caller's id, username, display name and roles, the unit it is bound to and the "
					+ "jurisdiction that bounds what it may see (its own, else its unit's).")
	Me me(@AuthenticationPrincipal Actor actor) {
		Unit unit = actor.unitId() == null ? null : directory.unit(actor.unitId()).orElse(null);
		UUID jurisdictionId = actor.jurisdictionId() != null ? actor.jurisdictionId()
				: unit != null ? unit.jurisdictionId() : null;
		Jurisdiction jurisdiction = jurisdictionId == null ? null : directory.jurisdiction(jurisdictionId).orElse(null);
		return new Me(actor.userId(), actor.username(), actor.displayName(),
				actor.roles().stream().sorted(Comparator.naturalOrder()).map(Role::name).toList(),
				unit == null ? null : new UnitRef(unit.id(), unit.code(), unit.name()),
				jurisdiction == null ? null
						: new JurisdictionRef(jurisdiction.id(), jurisdiction.code(), jurisdiction.name(),
								jurisdiction.level().name()),
				accounts.mustChangePassword(actor.userId()));
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String titleKey, String detailKey,
			HttpServletRequest http) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message(detailKey));
		problem.setTitle(message(titleKey));
		problem.setInstance(URI.create(http.getRequestURI()));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private String message(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}
}
