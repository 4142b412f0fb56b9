package org.chuangwen.system;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Throttles sign-in attempts per client address (on top of the per-account lock-out): at most
 * {@code chuangwen.security.login-attempts-per-window} attempts in a sliding window; then 429 for the API and a
 * message on the login page.
 */
@Component
class LoginThrottle extends OncePerRequestFilter {

	private final Map<String, Deque<Long>> attempts = new ConcurrentHashMap<>();

	private final int limit;

	private final Duration window;

	private final Clock clock;

	private final MessageSource messages;

	private final LocaleResolver locales;

	LoginThrottle(@Value("${chuangwen.security.login-attempts-per-window:30}") int limit,
			@Value("${chuangwen.security.login-window:PT5M}") Duration window, Clock clock, MessageSource messages,
			LocaleResolver locales) {
		this.limit = limit;
		this.window = window;
		this.clock = clock;
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"POST".equals(request.getMethod()) || !(path.equals("/login") || path.equals("/api/v1/auth/token"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!allow(request.getRemoteAddr())) {
			Locale locale = locales.resolveLocale(request);
			if (request.getRequestURI().contains("/api/")) {
				response.setHeader("Retry-After", String.valueOf(window.toSeconds()));
				SecurityConfiguration.problem(response, HttpStatus.TOO_MANY_REQUESTS,
						SecurityConfiguration.message(messages, "error.throttled.title", locale),
						SecurityConfiguration.message(messages, "error.throttled", locale));
			}
			else {
				response.sendRedirect(request.getContextPath() + "/login?error=throttled");
			}
			return;
		}
		chain.doFilter(request, response);
	}

	boolean allow(String address) {
		long now = clock.millis();
		long cutoff = now - window.toMillis();
		Deque<Long> times = attempts.computeIfAbsent(address, key -> new ArrayDeque<>());
		synchronized (times) {
			while (!times.isEmpty() && times.peekFirst() < cutoff) {
				times.pollFirst();
			}
			if (times.size() >= limit) {
				return false;
			}
			times.addLast(now);
			return true;
		}
	}
}
