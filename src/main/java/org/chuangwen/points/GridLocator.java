package org.chuangwen.points;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routes a location to its grid (网格) through the grid boundaries: the boundaries whose bounding box holds the
 * location are fetched by index, then tested point-in-polygon in Java. A location strictly inside one grid is routed
 * there; on the line shared by two grids it goes to exactly one of them (the half-open crossing rule of
 * {@link Geo#inside}); on a grid's outer edge (where no neighbour claims it) it goes to that grid.
 */
@Service
@Transactional(readOnly = true)
public class GridLocator {

	/** At most this many outlines are drawn on one map view. */
	public static final int MAX_OUTLINES = 2_000;

	private final PointRepository repository;

	GridLocator(PointRepository repository) {
		this.repository = repository;
	}

	/** The grid whose boundary holds the location, if any. */
	public Optional<UUID> gridAt(double lat, double lng) {
		if (!Geo.isValid(lat, lng)) {
			return Optional.empty();
		}
		List<GridBoundary> candidates = repository.boundariesAround(lat, lng);
		for (GridBoundary b : candidates) {
			if (b.contains(lat, lng)) {
				return Optional.of(b.gridId());
			}
		}
		for (GridBoundary b : candidates) { // ordered by id: deterministic
			if (Geo.onBoundary(b.ring(), lat, lng)) {
				return Optional.of(b.gridId());
			}
		}
		return Optional.empty();
	}

	public Optional<GridBoundary> boundary(UUID gridId) {
		return repository.boundary(gridId);
	}

	/** The boundaries of these grids that have one. */
	public List<GridBoundary> boundaries(java.util.Collection<UUID> gridIds) {
		return repository.boundaries(gridIds);
	}

	/**
	 * The outlines of the grids that overlap a map view, inside the caller's jurisdiction (geography is not unit
	 * data: a unit account sees the grids of its unit's node). At most {@link #MAX_OUTLINES}.
	 */
	public List<GridBoundary> boundariesIn(Actor actor, Geo.BoundingBox view) {
		OrganisationScope scope = PointAccess.scopeOf(actor);
		return repository.boundariesIn(view, scope.isEverything() ? null : scope.path(), MAX_OUTLINES);
	}

	/** The box around every grid boundary inside the caller's jurisdiction, if any are defined. */
	public Optional<Geo.BoundingBox> extent(Actor actor) {
		OrganisationScope scope = PointAccess.scopeOf(actor);
		return repository.extentOfBoundaries(scope.isEverything() ? null : scope.path());
	}
}
