package org.chuangwen.problems;

import java.util.List;
import java.util.UUID;

/**
 * A report as intake receives it (API: {@code POST /api/v1/problems}; page: /problems/new). Either a point, or a
 * position (lat/lng), or both (the position then says where at the point). {@code source} may be null: the
 * reporter's own (inspection for inspectors, grid patrol for grid workers, office for the office).
 * {@code allowDuplicate}: the reporter has seen the possible duplicates and reports anyway. {@code unitId}: the
 * responsible unit the campaign office names (e.g. an upper-level assessment's feedback naming who answers for it),
 * sent there instead of the routed unit; {@code null}: routing decides.
 */
public record NewProblem(String categoryCode, String description, UUID pointId, Double lat, Double lng,
		ProblemSource source, List<UUID> photos, boolean allowDuplicate, UUID unitId) {

	public NewProblem {
		photos = photos == null ? List.of() : List.copyOf(photos);
	}

	/** A report routed by its point, location or category. */
	public NewProblem(String categoryCode, String description, UUID pointId, Double lat, Double lng,
			ProblemSource source, List<UUID> photos, boolean allowDuplicate) {
		this(categoryCode, description, pointId, lat, lng, source, photos, allowDuplicate, null);
	}
}
