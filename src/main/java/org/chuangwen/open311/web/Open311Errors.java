package org.chuangwen.open311.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.chuangwen.open311.Open311Exception;
import org.chuangwen.system.ThrottledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Every error of {@code /open311/v2} in the spec's shape, in the resource's format: JSON
 * {@code [{"code": 400, "description": "..."}]}, XML {@code <errors><error><code>400</code><description>…}; the
 * HTTP status is the code (400 bad input, 403 API key, 404 unknown service, request, token or jurisdiction, 429
 * throttled with {@code Retry-After}).
 */
@ControllerAdvice(assignableTypes = Open311Api.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

	private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

	private final MessageSource messages;

	Open311Errors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(Open311Exception.class)
	ResponseEntity<String> refused(Open311Exception ex, HttpServletRequest http) {
		Locale locale = Open311Api.locale(http);
		List<String> descriptions = new ArrayList<>();
		for (Open311Exception.Message m : ex.messages()) {
			descriptions.add(messages.getMessage(m.key(), m.arguments().toArray(), m.key(), locale));
		}
		return errors(http, HttpStatus.valueOf(ex.status()), descriptions);
	}

	@ExceptionHandler(ThrottledException.class)
	ResponseEntity<String> throttled(ThrottledException ex, HttpServletRequest http) {
		String text = messages.getMessage("open311.error.throttled", new Object[] { ex.retryAfterSeconds() },
				Open311Api.locale(http));
		ResponseEntity<String> answer = errors(http, HttpStatus.TOO_MANY_REQUESTS, List.of(text));
		return ResponseEntity.status(answer.getStatusCode())
			.headers(answer.getHeaders())
			.header("Retry-After", Long.toString(ex.retryAfterSeconds()))
			.body(answer.getBody());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<String> method(HttpRequestMethodNotSupportedException ex, HttpServletRequest http) {
		return errors(http, HttpStatus.METHOD_NOT_ALLOWED, List.of(ex.getMessage()));
	}

	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<String> failed(RuntimeException ex, HttpServletRequest http) {
		log.error("Open311 request failed: {}", http.getRequestURI(), ex);
		return errors(http, HttpStatus.INTERNAL_SERVER_ERROR, List.of(messages.getMessage("open311.error.internal", null,
				Open311Api.locale(http))));
	}

	private static ResponseEntity<String> errors(HttpServletRequest http, HttpStatus status, List<String> descriptions) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (String d : descriptions) {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("code", status.value());
			e.put("description", d);
			items.add(e);
		}
		Open311Format format = http.getRequestURI().toLowerCase(Locale.ROOT).endsWith(".xml") ? Open311Format.XML
				: Open311Format.JSON;
		return format.list(status, "errors", items);
	}
}
