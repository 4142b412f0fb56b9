package org.chuangwen.points;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chuangwen.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a grid boundary from GeoJSON (RFC 7946), as pasted or uploaded on the boundary page: a Polygon, a Feature
 * holding one, a FeatureCollection of exactly one such Feature, or a MultiPolygon of exactly one polygon. Positions
 * are [longitude, latitude] (GeoJSON's order); the ring must be closed (its last position repeats the first) and have
 * no holes. Every refusal is a 400 on the field {@code geojson} with a message that says what is wrong and where.
 * Whether the ring is a usable polygon (simple, inside the city) is checked by {@link PointManagement}.
 */
public final class GridBoundaryGeoJson {

	/** At most this many characters of GeoJSON are read (a grid's outline is a few kilobytes). */
	public static final int MAX_CHARS = 200_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private GridBoundaryGeoJson() {
	}

	/** The ring of the one polygon, not closed, as [lat, lng] positions. */
	public static List<LatLng> ring(String text) {
		if (text == null || text.isBlank()) {
			throw invalid("grid.geojson.empty");
		}
		if (text.length() > MAX_CHARS) {
			throw invalid("grid.geojson.tooLong", MAX_CHARS / 1000);
		}
		JsonNode root;
		try {
			root = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			throw invalid("grid.geojson.syntax");
		}
		JsonNode polygon = polygon(root);
		JsonNode rings = polygon.get("coordinates");
		if (rings == null || !rings.isArray() || rings.isEmpty()) {
			throw invalid("grid.geojson.noCoordinates");
		}
		if (rings.size() > 1) {
			throw invalid("grid.geojson.holes");
		}
		JsonNode outer = rings.get(0);
		if (!outer.isArray()) {
			throw invalid("grid.geojson.noCoordinates");
		}
		List<LatLng> ring = new ArrayList<>();
		for (int i = 0; i < outer.size(); i++) {
			JsonNode position = outer.get(i);
			if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
				throw invalid("grid.geojson.position", i + 1);
			}
			ring.add(new LatLng(position.get(1).doubleValue(), position.get(0).doubleValue()));
		}
		if (ring.size() >= 2 && !ring.get(0).equals(ring.get(ring.size() - 1))) {
			throw invalid("grid.geojson.notClosed");
		}
		if (ring.size() < 4) {
			throw invalid("grid.boundary.tooFewVertices");
		}
		return List.copyOf(ring.subList(0, ring.size() - 1));
	}

	private static JsonNode polygon(JsonNode node) {
		String type = type(node);
		switch (type) {
			case "Polygon":
				return node;
			case "MultiPolygon": {
				JsonNode polygons = node.get("coordinates");
				if (polygons == null || !polygons.isArray() || polygons.size() != 1) {
					throw invalid("grid.geojson.onePolygon", polygons == null || !polygons.isArray() ? 0 : polygons.size());
				}
				return JSON.createObjectNode().put("type", "Polygon").set("coordinates", polygons.get(0));
			}
			case "Feature": {
				JsonNode geometry = node.get("geometry");
				if (geometry == null || geometry.isNull()) {
					throw invalid("grid.geojson.noGeometry");
				}
				return polygon(geometry);
			}
			case "FeatureCollection": {
				JsonNode features = node.get("features");
				if (features == null || !features.isArray() || features.size() != 1) {
					throw invalid("grid.geojson.onePolygon", features == null || !features.isArray() ? 0 : features.size());
				}
				return polygon(features.get(0));
			}
			default:
				throw invalid("grid.geojson.type", type);
		}
	}

	private static String type(JsonNode node) {
		JsonNode type = node == null || !node.isObject() ? null : node.get("type");
		if (type == null || !type.isString()) {
			throw invalid("grid.geojson.type", "?");
		}
		return type.asString().strip();
	}

	/** The ring as a GeoJSON Polygon (closed, [lng, lat]), for the page's editor and text box. */
	public static String polygon(List<LatLng> ring) {
		StringBuilder json = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
		List<LatLng> closed = new ArrayList<>(ring);
		if (!closed.isEmpty()) {
			closed.add(closed.get(0));
		}
		for (int i = 0; i < closed.size(); i++) {
			if (i > 0) {
				json.append(',');
			}
			json.append('[').append(String.format(Locale.ROOT, "%.6f", closed.get(i).lng())).append(',')
				.append(String.format(Locale.ROOT, "%.6f", closed.get(i).lat())).append(']');
		}
		return json.append("]]}").toString();
	}

	private static InvalidInputException invalid(String key, Object... args) {
		return new InvalidInputException("geojson", key, args);
	}
}
