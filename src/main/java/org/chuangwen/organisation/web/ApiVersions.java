package org.chuangwen.organisation.web;

import org.chuangwen.shared.InvalidInputException;

/** Optimistic locking over HTTP: {@code ETag: "<version>"} on answers, {@code If-Match} on writes. */
final class ApiVersions {

	private ApiVersions() {
	}

	static String etag(int version) {
		return "\"" + version + "\"";
	}

	/** The version in an {@code If-Match} header ({@code "3"}, {@code W/"3"} or {@code 3}); required on writes. */
	static int ifMatch(String header) {
		if (header == null || header.isBlank()) {
			throw new InvalidInputException("If-Match", "api.ifMatch.required");
		}
		String value = header.trim();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		value = value.replace("\"", "");
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("If-Match", "api.ifMatch.invalid");
		}
	}
}
