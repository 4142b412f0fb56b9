package org.chuangwen.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The shared {@code Idempotency-Key} mechanism of the API (API.md): a write that carries a key runs in one transaction
 * together with the record of its answer. A retry with the same key and the same request within 24 hours gets the
 * first answer again and changes nothing; a concurrent retry waits for the first to finish; the same key with a
 * different request is refused (422). Only successful answers are kept: a refused request may be corrected and sent
 * again with the same key.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	private static final Duration RETENTION = Duration.ofHours(24);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final MessageSource messages;

	private final LocaleResolver locales;

	IdempotencyFilter(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, MessageSource messages,
			LocaleResolver locales) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return request.getHeader(HEADER) == null || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				|| !(method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER).trim();
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getPrincipal())) {
			chain.doFilter(request, response);
			return;
		}
		Locale locale = locales.resolveLocale(request);
		if (key.isEmpty() || key.length() > 200) {
			SecurityConfiguration.problem(response, HttpStatus.BAD_REQUEST, message("error.malformed.title", locale),
					message("idempotency.keyInvalid", locale));
			return;
		}
		String principal = auth.getName();
		HttpServletRequest readable = request;
		String requestHash;
		if (request.getContentType() != null && request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			requestHash = hashParts(request);
		}
		else {
			byte[] body = request.getInputStream().readAllBytes();
			readable = new CachedBodyRequest(request, body);
			requestHash = hash(request, body);
		}
		HttpServletRequest forward = readable;
		ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
		Outcome outcome;
		try {
			outcome = transactions.execute(tx -> {
				var now = clock.instant();
				jdbc.sql("delete from idempotency_record where principal = :p and idempotency_key = :k and created_at < :cutoff")
					.param("p", principal)
					.param("k", key)
					.param("cutoff", now.minus(RETENTION).atOffset(ZoneOffset.UTC))
					.update();
				int inserted = jdbc.sql("""
						insert into idempotency_record (idempotency_key, principal, method, path, request_hash, status, created_at)
						values (:k, :p, :method, :path, :hash, 0, :now)
						on conflict (principal, idempotency_key) do nothing
						""")
					.param("k", key)
					.param("p", principal)
					.param("method", request.getMethod())
					.param("path", request.getRequestURI())
					.param("hash", requestHash)
					.param("now", now.atOffset(ZoneOffset.UTC))
					.update();
				if (inserted == 0) {
					return jdbc.sql("""
							select request_hash, status, content_type, body, headers from idempotency_record
							where principal = :p and idempotency_key = :k
							""")
						.param("p", principal)
						.param("k", key)
						.query((rs, n) -> new Outcome(false, rs.getString("request_hash"), rs.getInt("status"),
								rs.getString("content_type"), rs.getBytes("body"), rs.getString("headers")))
						.optional()
						.orElse(new Outcome(false, null, 0, null, null, null));
				}
				try {
					chain.doFilter(forward, cached);
				}
				catch (IOException | ServletException ex) {
					throw new WrappedFailure(ex);
				}
				int status = cached.getStatus();
				if (status >= 200 && status < 300) {
					jdbc.sql("""
							update idempotency_record set status = :status, content_type = :type, body = :body,
							    headers = :headers
							where principal = :p and idempotency_key = :k
							""")
						.param("status", status)
						.param("headers", replayedHeaders(cached))
						.param("type", cached.getContentType())
						.param("body", cached.getContentAsByteArray())
						.param("p", principal)
						.param("k", key)
						.update();
				}
				else {
					tx.setRollbackOnly();
				}
				return new Outcome(true, requestHash, status, null, null, null);
			});
		}
		catch (WrappedFailure failure) {
			if (failure.getCause() instanceof ServletException servlet) {
				throw servlet;
			}
			throw (IOException) failure.getCause();
		}
		if (outcome.fresh()) {
			cached.copyBodyToResponse();
			return;
		}
		if (outcome.requestHash() == null) {
			SecurityConfiguration.problem(response, HttpStatus.CONFLICT, message("error.conflict.title", locale),
					message("idempotency.inProgress", locale));
		}
		else if (!outcome.requestHash().equals(requestHash)) {
			SecurityConfiguration.problem(response, HttpStatus.UNPROCESSABLE_CONTENT, message("error.rule.title", locale),
					message("idempotency.keyReused", locale));
		}
		else {
			response.setStatus(outcome.status());
			response.setHeader("Idempotent-Replayed", "true");
			restoreHeaders(outcome.headers(), response);
			Optional.ofNullable(outcome.contentType()).ifPresent(response::setContentType);
			if (outcome.body() != null) {
				response.getOutputStream().write(outcome.body());
			}
		}
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private static String hash(HttpServletRequest request, byte[] body) {
		MessageDigest digest = sha256();
		digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
			.getBytes(StandardCharsets.UTF_8));
		digest.update(body);
		return HexFormat.of().formatHex(digest.digest());
	}

	private static String hashParts(HttpServletRequest request) throws IOException, ServletException {
		MessageDigest digest = sha256();
		digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
			.getBytes(StandardCharsets.UTF_8));
		for (Part part : request.getParts()) {
			digest.update((part.getName() + "|" + part.getSubmittedFileName() + "|").getBytes(StandardCharsets.UTF_8));
			try (InputStream in = part.getInputStream()) {
				byte[] buffer = new byte[8192];
				int n;
				while ((n = in.read(buffer)) > 0) {
					digest.update(buffer, 0, n);
				}
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Outcome(boolean fresh, String requestHash, int status, String contentType, byte[] body,
			String headers) {
	}

	/** The headers of an answer a replay repeats: where the created resource is and which version it answered. */
	static final List<String> REPLAYED_HEADERS = List.of("Location", "ETag", "Last-Modified", "Content-Location");

	/** The replayed headers of an answer, one "Name: value" a line (null when it has none). */
	static String replayedHeaders(HttpServletResponse response) {
		StringBuilder lines = new StringBuilder();
		for (String name : REPLAYED_HEADERS) {
			for (String value : response.getHeaders(name)) {
				if (value != null && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
					lines.append(name).append(": ").append(value).append('\n');
				}
			}
		}
		return lines.isEmpty() ? null : lines.toString();
	}

	static void restoreHeaders(String stored, HttpServletResponse response) {
		if (stored == null) {
			return;
		}
		for (String line : stored.split("\n")) {
			int colon = line.indexOf(": ");
			if (colon > 0 && REPLAYED_HEADERS.contains(line.substring(0, colon))) {
				response.addHeader(line.substring(0, colon), line.substring(colon + 2));
			}
		}
	}

	private static final class WrappedFailure extends RuntimeException {

		WrappedFailure(Exception cause) {
			super(cause);
		}
	}

	/** A request whose body has been read once and can be read again by the controller. */
	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}
	}
}
