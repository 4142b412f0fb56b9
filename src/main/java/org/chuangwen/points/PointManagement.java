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

	private final Geo.BoundingBox cityBounds;

	PointManagement(PointRepository repository, OrganisationDirectory organisation, CriteriaDirectory criteria,
			GridLocator grids, AuditTrail audit, Clock clock,
			@org.springframework.beans.factory.annotation.Value("${chuangwen.map.city-bounds:}") String cityBounds) {
		this.cityBounds = parseBounds(cityBounds);
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
		OrganisationScope scope = requireCreator(actor);
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

	/**
	 * Checks a draft as {@link #create} (or {@link #update} of {@code currentId}) would, without writing: 400 with every
	 * invalid field. Forms use it to show the domain's errors next to errors of their own (a number that is no number).
	 */
	@Transactional(readOnly = true)
	public void check(Actor actor, PointDraft draft, UUID currentId) {
		OrganisationScope scope = PointAccess.scopeOf(actor);
		Point current = currentId == null ? null : visible(scope, currentId);
		Validation v = new Validation();
		resolver(scope).resolve(draft, current, Ids.newId(clock), now(), v);
		v.throwIfInvalid();
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
	 * grid's node; audited with the old and new ring. Checked as by {@link #defineGridBoundary(Actor, UUID, List,
	 * Integer, String)}, without a version check.
	 */
	@Transactional
	public GridBoundary defineGridBoundary(Actor actor, UUID gridId, List<LatLng> ring) {
		return defineGridBoundary(actor, gridId, ring, null, null);
	}

	/**
	 * Sets the boundary of a grid, checked on the server: every vertex a valid position inside the city's extent
	 * ({@code chuangwen.map.city-bounds}), at least three distinct vertices and at most {@link #MAX_RING_VERTICES}, an
	 * area, and a simple polygon (no edge crosses or touches another). 400 on the field {@code ring} says which vertex
	 * or which edges are wrong; 404 for a grid outside the caller's jurisdiction; 403 for a caller who does not maintain
	 * it; 409 when {@code expectedVersion} (the boundary's version the caller saw; null for none) is stale, or when the
	 * grid got a boundary meanwhile. Audited with the old and new ring and the optional {@code note}.
	 */
	@Transactional
	public GridBoundary defineGridBoundary(Actor actor, UUID gridId, List<LatLng> ring, Integer expectedVersion,
			String note) {
		Jurisdiction grid = maintainedGrid(actor, gridId);
		List<LatLng> checked = checkedRing(ring);
		GridBoundary before = repository.boundary(gridId).orElse(null);
		if (expectedVersion != null && (before == null || before.version() != expectedVersion)) {
			throw staleBoundary();
		}
		if (note != null) {
			new Validation().maxLength("note", note.strip(), 500).throwIfInvalid();
		}
		GridBoundary next = new GridBoundary(gridId, grid.code(), grid.path(), checked, 0);
		if (expectedVersion == null) {
			repository.saveBoundary(next, now(), by(actor));
		}
		else if (!repository.updateBoundary(next, expectedVersion, now(), by(actor))) {
			throw staleBoundary();
		}
		audit.record("grid.boundaryDefined", "grid", gridId, before == null ? null : ringSnapshot(before),
				ringSnapshot(next), note == null || note.isBlank() ? null : note.strip());
		return repository.boundary(gridId).orElseThrow();
	}

	/** At most this many vertices in a grid's boundary. */
	public static final int MAX_RING_VERTICES = 2_000;

	/** A grid the caller maintains (404 outside its jurisdiction, 400 for a node that is no grid, 403 read-only). */
	@Transactional(readOnly = true)
	public Jurisdiction maintainedGrid(Actor actor, UUID gridId) {
		OrganisationScope scope = PointAccess.scopeOf(actor);
		Jurisdiction grid = organisation.jurisdiction(gridId)
			.filter(j -> scope.seesJurisdiction(j.path()))
			.orElseThrow(() -> new NotFoundException("jurisdiction", gridId));
		if (grid.level() != JurisdictionLevel.GRID) {
			throw new InvalidInputException("gridId", "grid.boundary.notGrid");
		}
		PointAccess.requireMaintains(scope, grid.path());
		return grid;
	}

	/** The ring without a closing vertex and without a vertex repeated right after itself, or 400 saying what is wrong. */
	List<LatLng> checkedRing(List<LatLng> ring) {
		if (ring == null || ring.isEmpty()) {
			throw new InvalidInputException("ring", "grid.boundary.tooFewVertices");
		}
		List<LatLng> open = new java.util.ArrayList<>();
		for (int i = 0; i < ring.size(); i++) {
			LatLng p = ring.get(i);
			if (p == null || !Geo.isValid(p.lat(), p.lng())) {
				throw new InvalidInputException("ring", "grid.boundary.vertexInvalid", i + 1);
			}
			if (open.isEmpty() || !open.get(open.size() - 1).equals(p)) {
				open.add(p);
			}
		}
		if (open.size() > 1 && open.get(0).equals(open.get(open.size() - 1))) {
			open.remove(open.size() - 1);
		}
		if (open.size() > MAX_RING_VERTICES) {
			throw new InvalidInputException("ring", "grid.boundary.tooManyVertices", MAX_RING_VERTICES);
		}
		if (open.stream().distinct().count() < 3) {
			throw new InvalidInputException("ring", "grid.boundary.tooFewVertices");
		}
		if (cityBounds != null) {
			for (int i = 0; i < open.size(); i++) {
				LatLng p = open.get(i);
				if (!cityBounds.contains(p.lat(), p.lng())) {
					throw new InvalidInputException("ring", "grid.boundary.outsideCity", i + 1,
							String.format(java.util.Locale.ROOT, "%.6f", p.lat()),
							String.format(java.util.Locale.ROOT, "%.6f", p.lng()));
				}
			}
		}
		if (open.stream().distinct().count() != open.size()) {
			throw new InvalidInputException("ring", "grid.boundary.repeatedVertex");
		}
		// crossing before area: a symmetric bow tie has no signed area, but what is wrong with it is the crossing
		int[] crossing = Geo.firstCrossing(open);
		if (crossing != null) {
			throw new InvalidInputException("ring", "grid.boundary.selfIntersecting", crossing[0] + 1, crossing[1] + 1);
		}
		List<LatLng> normalised = Geo.normalisedRing(open);
		return normalised;
	}

	/** The box the city's grids must lie in, or null when none is configured. */
	public Geo.BoundingBox cityBounds() {
		return cityBounds;
	}

	static Geo.BoundingBox parseBounds(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String[] parts = text.split(",");
		if (parts.length != 4) {
			throw new IllegalArgumentException("chuangwen.map.city-bounds is south,west,north,east: " + text);
		}
		double south = Double.parseDouble(parts[0].strip()), west = Double.parseDouble(parts[1].strip());
		double north = Double.parseDouble(parts[2].strip()), east = Double.parseDouble(parts[3].strip());
		if (!Geo.isValid(south, west) || !Geo.isValid(north, east) || south >= north || west >= east) {
			throw new IllegalArgumentException("chuangwen.map.city-bounds is south,west,north,east: " + text);
		}
		return new Geo.BoundingBox(south, west, north, east);
	}

	private static ConflictException staleBoundary() {
		return new ConflictException("error.staleVersion",
				new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] { "object.grid" }, "grid"));
	}

	/**
	 * Registers many points at once, all or nothing: every draft is checked first (also against each other: a code
	 * twice is refused) and only when all are good are they written, in batches. 400 names every bad draft's fields as
	 * {@code points[i].field} (i from 0); 403 when the caller does not maintain points somewhere.
	 */
	@Transactional
	public List<Point> createAll(Actor actor, List<PointDraft> drafts) {
		OrganisationScope scope = requireCreator(actor);
		Resolution resolution = resolveAll(scope, drafts, i -> i);
		if (!resolution.errors().isEmpty()) {
			List<InvalidInputException.FieldError> errors = new java.util.ArrayList<>();
			resolution.errors().forEach((i, list) -> list.forEach(e -> errors
				.add(new InvalidInputException.FieldError("points[" + i + "]." + e.field(), e.messageKey(), e.arguments()))));
			throw new InvalidInputException(errors);
		}
		insertAll(actor, resolution.points());
		return resolution.points();
	}

	/**
	 * Sets the boundaries of many grids at once (e.g. from a survey), all or nothing; each is checked as by
	 * {@link #defineGridBoundary}.
	 */
	@Transactional
	public int defineGridBoundaries(Actor actor, Map<UUID, List<LatLng>> rings) {
		OrganisationScope scope = PointAccess.scopeOf(actor);
		List<GridBoundary> fresh = new java.util.ArrayList<>();
		java.util.Set<UUID> existing = repository.boundaries(rings.keySet())
			.stream()
			.map(GridBoundary::gridId)
			.collect(java.util.stream.Collectors.toSet());
		for (Map.Entry<UUID, List<LatLng>> entry : rings.entrySet()) {
			if (existing.contains(entry.getKey())) {
				defineGridBoundary(actor, entry.getKey(), entry.getValue());
				continue;
			}
			Jurisdiction grid = organisation.jurisdiction(entry.getKey())
				.filter(j -> scope.seesJurisdiction(j.path()))
				.orElseThrow(() -> new NotFoundException("jurisdiction", entry.getKey()));
			if (grid.level() != JurisdictionLevel.GRID) {
				throw new InvalidInputException("gridId", "grid.boundary.notGrid");
			}
			PointAccess.requireMaintains(scope, grid.path());
			fresh.add(new GridBoundary(grid.id(), grid.code(), grid.path(), checkedRing(entry.getValue()), 0));
		}
		insertBoundaries(fresh);
		return rings.size();
	}

	// used by imports (same module)

	/**
	 * The points of many drafts, or the problems of each bad draft by its index; {@code label} names a draft by its index
	 * in messages (a row number for a sheet).
	 */
	record Resolution(List<Point> points, Map<Integer, List<InvalidInputException.FieldError>> errors) {
	}

	Resolution resolveAll(OrganisationScope scope, List<PointDraft> drafts, java.util.function.IntUnaryOperator label) {
		PointResolver resolver = resolver(scope);
		resolver.preloadBoundaries(drafts.stream().map(PointDraft::gridId).filter(java.util.Objects::nonNull).toList());
		Instant now = now();
		List<String> codes = drafts.stream().map(d -> PointResolver.trim(d.code())).filter(c -> c != null).toList();
		java.util.Set<String> taken = new java.util.HashSet<>(repository.takenCodes(codes));
		Map<String, Integer> firstSeen = new java.util.HashMap<>();
		List<Point> points = new java.util.ArrayList<>();
		Map<Integer, List<InvalidInputException.FieldError>> errors = new java.util.TreeMap<>();
		for (int i = 0; i < drafts.size(); i++) {
			Validation v = new Validation();
			Point point = resolver.resolve(drafts.get(i), null, Ids.newId(clock), now, v).orElse(null);
			String code = PointResolver.trim(drafts.get(i).code());
			if (code != null) {
				Integer first = firstSeen.putIfAbsent(code, i);
				if (first != null) {
					v.reject("code", "point.code.repeated", code, label.applyAsInt(first));
				}
				else if (taken.contains(code)) {
					v.reject("code", "point.code.taken", code);
				}
			}
			if (point != null && !PointAccess.maintains(scope, point.jurisdictionPath())) {
				v.reject("jurisdictionId", "point.forbidden.maintain");
			}
			if (v.hasErrors()) {
				errors.put(i, v.errors());
			}
			else {
				points.add(point);
			}
		}
		return new Resolution(points, errors);
	}

	OrganisationScope requireCreator(Actor actor) {
		OrganisationScope scope = PointAccess.scopeOf(actor);
		if (scope.isUnitBound() || (!scope.isEverything() && !scope.isMaintainer())) {
			throw new org.chuangwen.shared.ForbiddenException("point.forbidden.maintain");
		}
		return scope;
	}

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

	/**
	 * Inserts new grid boundaries in batches, audited as one event that names every grid (a survey's boundaries arrive
	 * together); inside the caller's transaction.
	 */
	void insertBoundaries(List<GridBoundary> boundaries) {
		if (boundaries.isEmpty()) {
			return;
		}
		repository.insertBoundaries(boundaries, now());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("count", boundaries.size());
		after.put("grids", boundaries.stream().map(GridBoundary::gridCode).toList());
		audit.record("grid.boundariesDefined", "grid", "bulk", null, after, null);
	}

	Clock clock() {
		return clock;
	}

	/** The city's time zone, for showing times on pages. */
	public java.time.ZoneId zone() {
		return clock.getZone();
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
