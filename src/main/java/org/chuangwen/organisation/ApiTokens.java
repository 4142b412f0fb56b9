package org.chuangwen.organisation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.audit.AuditActor;
import org.chuangwen.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for the API (API.md): issued for a username and password, stored only as a SHA-256 hash, valid for a
 * limited time.
 */
@Service
public class ApiTokens {

	/** A freshly issued token; the plain value is shown once and never stored. */
	public record IssuedToken(String token, Instant expiresAt) {
	}

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	private final AuditTrail audit;

	private final Clock clock;

	private final Duration lifetime;

	ApiTokens(JdbcClient jdbc, UserAccounts accounts, AuditTrail audit, Clock clock,
			@Value("${chuangwen.api.token-lifetime:PT12H}") Duration lifetime) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	@Transactional
	public IssuedToken issue(UUID userId) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		Instant expiresAt = now.plus(lifetime);
		jdbc.sql("insert into api_token (token_hash, user_id, issued_at, expires_at) values (:hash, :user, :now, :expires)")
			.param("hash", hash(token))
			.param("user", userId)
			.param("now", AccountRepository.utc(now))
			.param("expires", AccountRepository.utc(expiresAt))
			.update();
		accounts.actorById(userId)
			.ifPresent(actor -> audit.record(new AuditActor(userId.toString(), actor.username()), "apiToken.issued",
					"user", userId, null, Map.of("expiresAt", expiresAt.toString()), null));
		return new IssuedToken(token, expiresAt);
	}

	/** The actor a valid, unexpired, unrevoked token stands for. */
	@Transactional(readOnly = true)
	public Optional<Actor> resolve(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("select user_id from api_token where token_hash = :hash and not revoked and expires_at > :now")
			.param("hash", hash(token))
			.param("now", AccountRepository.utc(clock.instant()))
			.query(UUID.class)
			.optional()
			.flatMap(accounts::actorById);
	}

	/** Revokes one token (signing out of the API); true when it was valid until now. */
	@Transactional
	public boolean revoke(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return false;
		}
		return jdbc.sql("update api_token set revoked = true where token_hash = :hash and not revoked")
			.param("hash", hash(token))
			.update() == 1;
	}

	private static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
