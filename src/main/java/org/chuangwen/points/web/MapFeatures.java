package org.chuangwen.points.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.organisation.Actor;
import org.chuangwen.points.Geo;
import org.chuangwen.points.GridBoundary;
import org.chuangwen.points.GridLocator;
import org.chuangwen.points.OpenProblemCounts;
import org.chuangwen.points.Point;
import org.chuangwen.points.PointDirectory;
import org.chuangwen.points.PointFilter;
import org.chuangwen.shared.InvalidInputException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The map's GeoJSON, for the API (bearer token) and the map page (session) alike: pins of the points in a view,
 * coloured by {@code state} ('active', 'retired', or 'problems' when an {@link OpenProblemCounts} bean reports open
 * problems at the point), and the outlines of the grids.
 */
@Component
class MapFeatures {

	private final PointDirectory directory;

	private final GridLocator grids;

	private final ObjectProvider<OpenProblemCounts> openProblems;

	MapFeatures(PointDirectory directory, GridLocator grids, ObjectProvider<OpenProblemCounts> openProblems) {
		this.directory = directory;
		this.grids = grids;
		this.openProblems = openProblems;
	}

	Map<String, Object> pins(Actor actor, String bbox, PointFilter filter) {
		List<Point> pins = directory.inView(actor, bbox(bbox), filter);
		OpenProblemCounts counts = openProblems.getIfAvailable();
		Map<UUID, Integer> open = counts == null ? null : counts.openProblems(pins.stream().map(Point::id).toList());
		List<Map<String, Object>> features = new ArrayList<>(pins.size());
		for (Point p : pins) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("id", p.id());
			properties.put("code", p.code());
			properties.put("name", p.name());
			properties.put("typeCode", p.typeCode());
			properties.put("unitName", p.unitName());
			properties.put("status", p.status().name());
			int problems = open == null ? 0 : open.getOrDefault(p.id(), 0);
			if (open != null) {
				properties.put("openProblems", problems);
			}
			properties.put("state", !p.isActive() ? "retired" : problems > 0 ? "problems" : "active");
			features.add(feature(Map.of("type", "Point", "coordinates", List.of(p.longitude(), p.latitude())), properties));
		}
		return collection(features, pins.size() >= PointDirectory.MAX_PINS);
	}

	Map<String, Object> outlines(Actor actor, String bbox) {
		List<Map<String, Object>> features = new ArrayList<>();
		List<GridBoundary> outlines = grids.boundariesIn(actor, bbox(bbox));
		for (GridBoundary b : outlines) {
			List<List<Double>> ring = new ArrayList<>();
			b.ring().forEach(p -> ring.add(List.of(p.lng(), p.lat())));
			ring.add(ring.get(0));
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("gridId", b.gridId());
			properties.put("code", b.gridCode());
			features.add(feature(Map.of("type", "Polygon", "coordinates", List.of(ring)), properties));
		}
		return collection(features, outlines.size() >= GridLocator.MAX_OUTLINES);
	}

	private static Map<String, Object> feature(Map<String, Object> geometry, Map<String, Object> properties) {
		Map<String, Object> feature = new LinkedHashMap<>();
		feature.put("type", "Feature");
		feature.put("geometry", geometry);
		feature.put("properties", properties);
		return feature;
	}

	private static Map<String, Object> collection(List<Map<String, Object>> features, boolean truncated) {
		Map<String, Object> collection = new LinkedHashMap<>();
		collection.put("type", "FeatureCollection");
		collection.put("features", features);
		collection.put("truncated", truncated);
		return collection;
	}

	/** {@code west,south,east,north}; the whole world when absent. */
	static Geo.BoundingBox bbox(String bbox) {
		if (bbox == null || bbox.isBlank()) {
			return new Geo.BoundingBox(-90, -180, 90, 180);
		}
		String[] parts = bbox.split(",");
		try {
			if (parts.length != 4) {
				throw new NumberFormatException(bbox);
			}
			double west = Double.parseDouble(parts[0].strip()), south = Double.parseDouble(parts[1].strip());
			double east = Double.parseDouble(parts[2].strip()), north = Double.parseDouble(parts[3].strip());
			if (!Geo.isValid(south, west) || !Geo.isValid(north, east) || south > north || west > east) {
				throw new NumberFormatException(bbox);
			}
			return new Geo.BoundingBox(south, west, north, east);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("bbox", "point.bbox.invalid");
		}
	}
}
