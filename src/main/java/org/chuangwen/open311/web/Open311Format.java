package org.chuangwen.open311.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.chuangwen.open311.Open311Exception;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.json.JsonMapper;

/**
 * The two answer formats of GeoReport v2, chosen by the resource's extension: {@code .json} (application/json) and
 * {@code .xml} (text/xml, with the XML declaration). An answer is built once as ordered maps and lists and written in
 * either format: a list under a root element with one element per item ({@code <services><service>…}), nested lists
 * named by the spec ({@code <attributes><attribute>}, {@code <values><value>}, {@code <endpoints><endpoint>},
 * {@code <formats><format>}); null fields are empty elements in XML and null in JSON.
 */
enum Open311Format {

	JSON, XML;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Map<String, String> ITEM_NAMES = Map.of("attributes", "attribute", "values", "value",
			"endpoints", "endpoint", "formats", "format", "errors", "error", "services", "service", "service_requests",
			"request");

	static final MediaType XML_TYPE = new MediaType("text", "xml", StandardCharsets.UTF_8);

	static final MediaType JSON_TYPE = new MediaType("application", "json", StandardCharsets.UTF_8);

	/** The format an extension names; 400 (in JSON) for any other. */
	static Open311Format of(String extension) {
		if ("json".equalsIgnoreCase(extension)) {
			return JSON;
		}
		if ("xml".equalsIgnoreCase(extension)) {
			return XML;
		}
		throw new UnknownFormatException(extension);
	}

	/** A list answer: JSON array; XML {@code <root><item>…</item></root>}. */
	ResponseEntity<String> list(HttpStatus status, String root, List<Map<String, Object>> items) {
		if (this == JSON) {
			return ResponseEntity.status(status).contentType(JSON_TYPE).body(MAPPER.writeValueAsString(items));
		}
		StringBuilder xml = declaration();
		xml.append('<').append(root).append('>');
		String item = ITEM_NAMES.get(root);
		for (Map<String, Object> m : items) {
			element(xml, item, m);
		}
		xml.append("</").append(root).append('>');
		return ResponseEntity.status(status).contentType(XML_TYPE).body(xml.toString());
	}

	/** A single-object answer: JSON object; XML {@code <root>…</root>}. */
	ResponseEntity<String> object(String root, Map<String, Object> fields) {
		if (this == JSON) {
			return ResponseEntity.ok().contentType(JSON_TYPE).body(MAPPER.writeValueAsString(fields));
		}
		StringBuilder xml = declaration();
		element(xml, root, fields);
		return ResponseEntity.ok().contentType(XML_TYPE).body(xml.toString());
	}

	private static StringBuilder declaration() {
		return new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
	}

	@SuppressWarnings("unchecked")
	private static void element(StringBuilder xml, String name, Object value) {
		xml.append('<').append(name).append('>');
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
				element(xml, e.getKey(), e.getValue());
			}
		}
		else if (value instanceof List<?> list) {
			String item = ITEM_NAMES.getOrDefault(name, "item");
			for (Object o : list) {
				element(xml, item, o);
			}
		}
		else if (value != null) {
			escape(xml, value.toString());
		}
		xml.append("</").append(name).append('>');
	}

	private static void escape(StringBuilder xml, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> xml.append("&lt;");
				case '>' -> xml.append("&gt;");
				case '&' -> xml.append("&amp;");
				case '"' -> xml.append("&quot;");
				case '\'' -> xml.append("&apos;");
				default -> {
					// characters XML 1.0 cannot carry are dropped
					if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
						xml.append(c);
					}
				}
			}
		}
	}

	/** An extension that is neither json nor xml. */
	static final class UnknownFormatException extends Open311Exception {

		UnknownFormatException(String extension) {
			super(404, "open311.error.format", extension == null ? "" : extension);
		}
	}
}
