package org.chuangwen.problems;

import java.util.Optional;
import java.util.UUID;

import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.ResponsibilityMap;
import org.chuangwen.points.GridLocator;
import org.chuangwen.points.PointDirectory;
import org.chuangwen.points.PointRef;
import org.springframework.stereotype.Component;

/**
 * Routing (DOMAIN §8): by point → its responsible unit; else by location → the grid there → the grid's responsible
 * unit on the responsibility map; else by category → the unit that handles the category in the problem's
 * jurisdiction (or the nearest one above it). Also says where a report is: its jurisdiction node.
 */
@Component
class ProblemRouter {

	/** Where a problem is and who answers for it; {@code unitId} empty when no rule found a unit. */
	record Route(UUID pointId, double lat, double lng, Jurisdiction jurisdiction, Optional<UUID> unitId, Rule rule) {
	}

	/** Which rule found the unit. */
	enum Rule {
		POINT, GRID, CATEGORY, NONE
	}

	private final PointDirectory points;

	private final GridLocator grids;

	private final ResponsibilityMap responsibilities;

	private final OrganisationDirectory organisation;

	private final ProblemCategories categories;

	ProblemRouter(PointDirectory points, GridLocator grids, ResponsibilityMap responsibilities,
			OrganisationDirectory organisation, ProblemCategories categories) {
		this.points = points;
		this.grids = grids;
		this.responsibilities = responsibilities;
		this.organisation = organisation;
		this.categories = categories;
	}

	Optional<PointRef> point(UUID id) {
		return points.point(id);
	}

	/** The grid at a position, if the position lies inside the mapped grids. */
	Optional<Jurisdiction> gridAt(double lat, double lng) {
		return grids.gridAt(lat, lng).flatMap(organisation::jurisdiction);
	}

	/**
	 * The route of a report at a point (its position and node) or at a position (the grid there). {@code node} is the
	 * fallback node when the position is in no grid (the reporter's own jurisdiction); it may be null.
	 */
	Route route(String categoryCode, PointRef point, double lat, double lng, Jurisdiction grid) {
		if (point != null) {
			Jurisdiction node = Optional.ofNullable(point.gridId()).flatMap(organisation::jurisdiction)
				.or(() -> Optional.ofNullable(point.jurisdictionId()).flatMap(organisation::jurisdiction))
				.orElse(grid);
			if (point.unitId() != null) {
				return new Route(point.id(), lat, lng, node, Optional.of(point.unitId()), Rule.POINT);
			}
			return byPlace(categoryCode, point.id(), lat, lng, node);
		}
		return byPlace(categoryCode, null, lat, lng, grid);
	}

	private Route byPlace(String categoryCode, UUID pointId, double lat, double lng, Jurisdiction node) {
		if (node != null) {
			Optional<UUID> gridUnit = responsibilities.responsibleUnitFor(node.id());
			if (gridUnit.isPresent()) {
				return new Route(pointId, lat, lng, node, gridUnit, Rule.GRID);
			}
			Optional<UUID> handling = categories.handlingUnitFor(categoryCode, node);
			if (handling.isPresent()) {
				return new Route(pointId, lat, lng, node, handling, Rule.CATEGORY);
			}
		}
		return new Route(pointId, lat, lng, node, Optional.empty(), Rule.NONE);
	}

	/** The unit routing would choose today for an existing problem (the default of a dispatch). */
	Optional<UUID> unitFor(Problem p) {
		PointRef point = p.pointId() == null ? null : points.point(p.pointId()).orElse(null);
		Jurisdiction node = p.jurisdictionId() == null ? null : organisation.jurisdiction(p.jurisdictionId()).orElse(null);
		double lat = p.lat() == null ? 0 : p.lat();
		double lng = p.lng() == null ? 0 : p.lng();
		return route(p.categoryCode(), point, lat, lng, node).unitId();
	}
}
