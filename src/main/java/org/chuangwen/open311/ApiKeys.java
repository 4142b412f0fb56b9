package org.chuangwen.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Role;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for Open311 POST requests: issued and revoked by a campaign office (OFFICE_ADMIN) for its own jurisdiction,
 * listed for the offices whose subtree holds them. A key is 32 random bytes (URL-safe Base64 behind the prefix
 * {@value #PREFIX}); only its SHA-256 is stored (a key that random needs no slow hash), and it is shown once when
 * issued. Every issue and revocation is audited (never with the key itself).
 */
@Service
@Transactional(readOnly = true)
public class ApiKeys {

	static final String PREFIX = "cw311_";

	public static final int MAX_NAME = 100;

	public static final int MAX_CONTACT = 200;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ApiKeyRepository repository;

	private final AuditTrail audit;

	private final Clock clock;

	ApiKeys(ApiKeyRepository repository, AuditTrail audit, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the actor manages keys: a campaign office bound to a jurisdiction. */
	public boolean manages(Actor actor) {
		return actor != null && actor.has(Role.OFFICE_ADMIN) && actor.jurisdictionId() != null
				&& actor.jurisdictionPath() != null;
	}

	/** The keys issued inside the office's jurisdiction, newest first; 403 for anybody else. */
	public List<ApiKey> keys(Actor actor) {
		requireOffice(actor);
		return repository.inside(actor.jurisdictionPath());
	}

	/** Issues a key for the office's jurisdiction to the named app; 400 for a missing or too long name or contact. */
	@Transactional
	public IssuedApiKey issue(Actor actor, String name, String contact) {
		requireOffice(actor);
		String n = name == null ? "" : name.strip();
		String c = contact == null ? "" : contact.strip();
		List<InvalidInputException.FieldError> errors = new java.util.ArrayList<>();
		if (n.isEmpty()) {
			errors.add(new InvalidInputException.FieldError("name", "open311.key.name.required"));
		}
		else if (n.codePointCount(0, n.length()) > MAX_NAME) {
			errors.add(new InvalidInputException.FieldError("name", "error.field.tooLong", MAX_NAME));
		}
		if (c.isEmpty()) {
			errors.add(new InvalidInputException.FieldError("contact", "open311.key.contact.required"));
		}
		else if (c.codePointCount(0, c.length()) > MAX_CONTACT) {
			errors.add(new InvalidInputException.FieldError("contact", "error.field.tooLong", MAX_CONTACT));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String plain = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		ApiKey key = new ApiKey(Ids.newId(clock), n, c, plain.substring(0, PREFIX.length() + 6), actor.jurisdictionId(), now,
				actor.userId(), null, null, null, null, 0);
		repository.insert(key, hash(plain), actor.jurisdictionPath());
		audit.record("open311Key.issued", "open311Key", key.id(), null, state(key), null);
		return new IssuedApiKey(key, plain);
	}

	/** Revokes a key of the office's subtree (404 outside it, 422 when already revoked, 409 when it changed meanwhile). */
	@Transactional
	public ApiKey revoke(Actor actor, UUID id, String reason, Integer expectedVersion) {
		requireOffice(actor);
		ApiKey key = repository.find(id).filter(k -> actor.covers(repository.pathOf(k.id())))
			.orElseThrow(() -> new NotFoundException("open311Key", id));
		if (!key.active()) {
			throw new RuleViolationException("open311.key.alreadyRevoked");
		}
		if (expectedVersion != null && expectedVersion != key.version()) {
			throw ConflictException.staleVersion("open311Key");
		}
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		if (why != null && why.codePointCount(0, why.length()) > 500) {
			throw new InvalidInputException("reason", "error.field.tooLong", 500);
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (!repository.revoke(id, key.version(), now, actor.userId(), why)) {
			throw ConflictException.staleVersion("open311Key");
		}
		ApiKey revoked = repository.find(id).orElseThrow();
		audit.record("open311Key.revoked", "open311Key", id, state(key), state(revoked), why);
		return revoked;
	}

	/** The active key with this plain text, if any (revoked and unknown keys are both empty). */
	public Optional<ApiKey> active(String plainKey) {
		if (plainKey == null || plainKey.isBlank() || plainKey.length() > 200) {
			return Optional.empty();
		}
		return repository.findByHash(hash(plainKey.strip())).filter(ApiKey::active);
	}

	/** The jurisdiction path the key was issued for. */
	public String jurisdictionPathOf(ApiKey key) {
		return repository.pathOf(key.id());
	}

	@Transactional
	void markUsed(ApiKey key) {
		repository.used(key.id(), clock.instant().truncatedTo(ChronoUnit.MICROS));
	}

	private void requireOffice(Actor actor) {
		if (!manages(actor)) {
			throw new ForbiddenException("open311.key.forbidden");
		}
	}

	/** The SHA-256 of a key (hex): what is stored, and what the throttle counts a key by. */
	public static String hash(String plain) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plain.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> state(ApiKey k) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("name", k.name());
		s.put("contact", k.contact());
		s.put("prefix", k.prefix());
		s.put("jurisdictionId", k.jurisdictionId().toString());
		s.put("revoked", !k.active());
		s.put("version", k.version());
		return s;
	}
}
