package org.chuangwen.points;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.JurisdictionLevel;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.RuleViolationException;
import org.chuangwen.shared.Validation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commands on points: create, change, retire and reactivate, and the boundaries of grids. Only the campaign office
 * changes points, inside its own jurisdiction subtree (a district office its district); each command is one
 * transaction that writes the point and its audit record together. Changes carry the version the caller saw (409 when
 * somebody changed the point meanwhile).
 */
@Service
public class PointManagement {

	private final PointRepository repository;

	private final OrganisationDirectory organisation;

	private final CriteriaDirectory criteria;

	private final GridLocator grids;

	private final AuditTrail audit;

	private final Clock clock;

	PointManagement(PointRepository repository, OrganisationDirectory organisation, CriteriaDirectory criteria,
			GridLocator grids, AuditTrail audit, Clock clock) {
		this.repository = repository;
		this.organisation = organisation;
		this.criteria = criteria;
		this.grids = grids;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Registers a point. 400 lists every invalid field; 409 when the code is taken; 403 when the caller does not
	 * maintain points at the chosen node.
	 */
	@Transactional
	public Point create(Actor actor, PointDraft draft) {
		OrganisationScope scope = PointAccess.scopeOf(actor);
		if (scope.isUnitBound() || (!scope.isEverything() && !scope.isMaintainer())) {
			throw new org.chuangwen.shared.ForbiddenException("point.forbidden.maintain");
		}
		Instant now = now();
		Validation v = new Validation();
		Point point = resolver(scope).resolve(draft, null, Ids.newId(clock), now, v).orElse(null);
		v.throwIfInvalid();
		PointAccess.requireMaintains(scope, point.jurisdictionPath());
		if (repository.codeTaken(point.code(), null)) {
			throw codeTaken(point.code());
		}
		try {
			repository.insert(point, by(actor));
		}
		catch (DuplicateKeyException ex) {
			throw codeTaken(point.code());
		}
		audit.record("point.created", "point", point.id(), null, snapshot(point), null);
		return repository.find(point.id()).orElseThrow();
	}

	/**
	 * Changes a point. The caller must maintain both its old and its new node. 400 lists every invalid field; 409 for
	 * a stale {@code expectedVersion} (or a change meanwhile) or a code taken by another point.
	 */
	@Transactional
	public Point update(Actor actor, UUID id, PointDraft draft, Integer expectedVersion) {
		OrganisationScope scope = PointAccess.scopeOf(actor);
		Point current = visible(scope, id);
		PointAccess.requireMaintains(scope, current.jurisdictionPath());
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw stale();
		}
		Validation v = new Validation();
		Point next = resolver(scope).resolve(draft, current, null, now(), v).orElse(null);
		v.throwIfInvalid();
		PointAccess.requireMaintains(scope, next.jurisdictionPath());
		if (repository.codeTaken(next.code(), id)) {
			throw codeTaken(next.code());
		}
		write(actor, current, next);
		audit.record("point.updated", "point", id, snapshot(current), snapshot(next), null);
		return repository.find(id).orElseThrow();
	}

	/** Retires a point (kept with its history, no longer inspected). A reason is required; 422 if already retired. */
	@Transactional
	public Point retire(Actor actor, UUID id, String reason, Integer expectedVersion) {
		return changeStatus(actor, id, PointStatus.RETIRED, reason, expectedVersion);
	}

	/** Puts a retired point back into use. A reason is required; 422 if active. */
	@Transactional
	public Point reactivate(Actor actor, UUID id, String reason, Integer expectedVersion) {
		return changeStatus(actor, id, PointStatus.ACTIVE, reason, expectedVersion);
	}

	private Point changeStatus(Actor actor, UUID id, PointStatus status, String reason, Integer expectedVersion) {
		OrganisationScope scope = PointAccess.scopeOf(actor);
		Point current = visible(scope, id);
		PointAccess.requireMaintains(scope, current.jurisdictionPath());
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw stale();
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "error.field.required");
		}
		new Validation().maxLength("reason", reason.strip(), 500).throwIfInvalid();
		if (current.status() == status) {
			throw new RuleViolationException("point.status.already", status.name());
		}
		Point next = current.withStatus(status, now());
		write(actor, current, next);
		audit.record(status == PointStatus.RETIRED ? "point.retired" : "point.reactivated", "point", id,
				snapshot(current), snapshot(next), reason.strip());
		return repository.find(id).orElseThrow();
	}

	/**
	 * Sets the boundary of a grid: one outer ring of at least three vertices. The campaign office maintaining the
	 * grid's node; audited with the old and new ring.
	 */
	@Transactional
	public GridBoundary defineGridBoundary(Actor actor, UUID gridId, List<LatLng> ring) {
		OrganisationScope scope = PointAccess.scopeOf(actor);
		Jurisdiction grid = organisation.jurisdiction(gridId)
			.filter(j -> scope.seesJurisdiction(j.path()))
			.orElseThrow(() -> new NotFoundException("jurisdiction", gridId));
		if (grid.level() != JurisdictionLevel.GRID) {
			throw new InvalidInputException("gridId", "grid.boundary.notGrid");
		}
		PointAccess.requireMaintains(scope, grid.path());
		List<LatLng> normalised = Geo.normalisedRing(ring);
		GridBoundary before = repository.boundary(gridId).orElse(null);
		GridBoundary next = new GridBoundary(gridId, grid.code(), grid.path(), normalised, 0);
		repository.saveBoundary(next, now(), by(actor));
		audit.record("grid.boundaryDefined", "grid", gridId, before == null ? null : ringSnapshot(before),
				ringSnapshot(next), null);
		return repository.boundary(gridId).orElseThrow();
	}

	// used by imports and the demo city (same module)

	PointResolver resolver(OrganisationScope scope) {
		return new PointResolver(scope, organisation, criteria, grids);
	}

	/** Inserts resolved new points in batches, each with its audit record. Inside the caller's transaction. */
	void insertAll(Actor actor, List<Point> points) {
		repository.insertAll(points, by(actor));
		for (Point p : points) {
			audit.record("point.created", "point", p.id(), null, snapshot(p), null);
		}
	}

	/** Inserts grid boundaries (the demo city), audited; inside the caller's transaction. */
	void insertBoundaries(List<GridBoundary> boundaries) {
		repository.insertBoundaries(boundaries, now());
		for (GridBoundary b : boundaries) {
			audit.record("grid.boundaryDefined", "grid", b.gridId(), null, ringSnapshot(b), null);
		}
	}

	Clock clock() {
		return clock;
	}

	private void write(Actor actor, Point current, Point next) {
		try {
			if (!repository.update(next, current.version(), by(actor))) {
				throw stale();
			}
		}
		catch (DuplicateKeyException ex) {
			throw codeTaken(next.code());
		}
	}

	private Point visible(OrganisationScope scope, UUID id) {
		return repository.find(id)
			.filter(p -> PointAccess.sees(scope, p))
			.orElseThrow(() -> new NotFoundException("point", id));
	}

	static ConflictException codeTaken(String code) {
		return new ConflictException("point.code.taken", code);
	}

	private static ConflictException stale() {
		return new ConflictException("error.staleVersion",
				new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] { "object.point" }, "point"));
	}

	private static UUID by(Actor actor) {
		return actor == null ? null : actor.userId();
	}

	Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static Map<String, Object> snapshot(Point p) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("code", p.code());
		state.put("name", p.name());
		state.put("type", p.typeCode());
		state.put("address", p.address());
		state.put("lat", p.latitude());
		state.put("lng", p.longitude());
		state.put("jurisdiction", p.jurisdictionCode());
		state.put("grid", p.gridCode());
		state.put("unit", p.unitCode());
		state.put("leader", p.leaderName());
		state.put("person", p.personName());
		state.put("status", p.status().name());
		state.put("version", p.version());
		return state;
	}

	private static Map<String, Object> ringSnapshot(GridBoundary b) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("grid", b.gridCode());
		state.put("ring", b.ring().stream().map(p -> List.of(p.lat(), p.lng())).toList());
		return state;
	}
}
