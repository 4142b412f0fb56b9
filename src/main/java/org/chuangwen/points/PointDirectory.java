package org.chuangwen.points;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.audit.AuditEvent;
import org.chuangwen.audit.AuditTrail;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queries on points. The unscoped lookups ({@link #point}, {@link #pointByCode}, {@link #near}, {@link #ofType}) serve
 * other modules' own rules (routing, inspections, evidence checks), which apply their callers' scope themselves; the
 * {@link Actor}-taking queries serve pages and the API and are bounded by the caller's scope (see {@link PointAccess}).
 */
@Service
@Transactional(readOnly = true)
public class PointDirectory {

	/** The largest radius {@link #near} accepts, metres. */
	public static final double MAX_RADIUS_METRES = 50_000;

	/** At most this many points come back from {@link #near} (the nearest ones). */
	public static final int MAX_NEAR = 1_000;

	/** At most this many points are exported at once. */
	public static final int EXPORT_LIMIT = 50_000;

	/** At most this many pins are sent for one map view. */
	public static final int MAX_PINS = 5_000;

	private final PointRepository repository;

	private final OrganisationDirectory organisation;

	private final AuditTrail audit;

	PointDirectory(PointRepository repository, OrganisationDirectory organisation, AuditTrail audit) {
		this.repository = repository;
		this.organisation = organisation;
		this.audit = audit;
	}

	// for other modules

	public Optional<PointRef> point(UUID id) {
		return id == null ? Optional.empty() : repository.find(id).map(Point::ref);
	}

	public Optional<PointRef> pointByCode(String code) {
		return code == null || code.isBlank() ? Optional.empty() : repository.findByCode(code.strip()).map(Point::ref);
	}

	/**
	 * The active points within {@code radiusMetres} of a position, nearest first (at most {@link #MAX_NEAR}). 400 for
	 * an invalid position or a radius that is not positive or exceeds {@link #MAX_RADIUS_METRES}.
	 */
	public List<PointRef> near(double lat, double lng, double radiusMetres) {
		checkNear(lat, lng, radiusMetres);
		org.chuangwen.shared.SqlWhere active = new org.chuangwen.shared.SqlWhere().and("status = 'ACTIVE'", null, null);
		return repository.inBox(Geo.around(lat, lng, radiusMetres), active, Integer.MAX_VALUE)
			.stream()
			.map(p -> new Distant(p.ref(), p.ref().distanceTo(lat, lng)))
			.filter(d -> d.metres() <= radiusMetres)
			.sorted(Comparator.comparingDouble(Distant::metres).thenComparing(d -> d.point().code()))
			.limit(MAX_NEAR)
			.map(Distant::point)
			.toList();
	}

	/** The active points of the caller's scope within {@code radiusMetres}, nearest first (as {@link #near}). */
	public List<Point> nearFor(Actor actor, double lat, double lng, double radiusMetres) {
		checkNear(lat, lng, radiusMetres);
		org.chuangwen.shared.SqlWhere where = PointRepository.scoped(PointAccess.scopeOf(actor)).and("status = 'ACTIVE'", null, null);
		return repository.inBox(Geo.around(lat, lng, radiusMetres), where, Integer.MAX_VALUE)
			.stream()
			.map(p -> new DistantPoint(p, Geo.distanceMetres(lat, lng, p.latitude(), p.longitude())))
			.filter(d -> d.metres() <= radiusMetres)
			.sorted(Comparator.comparingDouble(DistantPoint::metres).thenComparing(d -> d.point().code()))
			.limit(MAX_NEAR)
			.map(DistantPoint::point)
			.toList();
	}

	private static void checkNear(double lat, double lng, double radiusMetres) {
		if (!Geo.isValid(lat, lng)) {
			throw new InvalidInputException("location", "point.location.invalid");
		}
		if (!(radiusMetres > 0) || radiusMetres > MAX_RADIUS_METRES) {
			throw new InvalidInputException("radius", "point.radius.invalid", (long) MAX_RADIUS_METRES);
		}
	}

	private record Distant(PointRef point, double metres) {
	}

	private record DistantPoint(Point point, double metres) {
	}

	/** Whether the caller may see a grid's boundary (geography inside its jurisdiction). */
	public boolean seesGrid(Actor actor, GridBoundary boundary) {
		org.chuangwen.organisation.OrganisationScope scope = PointAccess.scopeOf(actor);
		return scope.isEverything() || (scope.path() != null && boundary.jurisdictionPath().startsWith(scope.path()));
	}

	/** Whether a jurisdiction path lies inside the caller's jurisdiction (for pages that look a grid up by code). */
	public boolean seesJurisdictionPath(Actor actor, String path) {
		return PointAccess.scopeOf(actor).seesJurisdiction(path);
	}

	/** The active points of one type, by code. */
	public List<PointRef> ofType(String typeCode) {
		return typeCode == null ? List.of() : repository.ofType(typeCode.strip()).stream().map(Point::ref).toList();
	}

	// scoped, for pages and the API

	/** Points in the caller's scope, by code. */
	public Page<Point> search(Actor actor, PointFilter filter, PageRequest page) {
		org.chuangwen.shared.SqlWhere where = where(actor, filter);
		long total = repository.count(where);
		return Page.of(total == 0 ? List.of() : repository.page(where, page), page, total);
	}

	/** Points in the caller's scope for an export, by code, at most {@link #EXPORT_LIMIT}. */
	public List<Point> forExport(Actor actor, PointFilter filter) {
		return repository.forExport(where(actor, filter), EXPORT_LIMIT);
	}

	/** The points of the caller's scope whose location lies in a map view, at most {@link #MAX_PINS}. */
	public List<Point> inView(Actor actor, Geo.BoundingBox view, PointFilter filter) {
		return repository.inBox(view, where(actor, filter), MAX_PINS);
	}

	/** The box around the caller's points (to centre a map), if there are any. */
	public Optional<Geo.BoundingBox> extent(Actor actor) {
		return repository.extentOfPoints(where(actor, PointFilter.none()));
	}

	/** One point in the caller's scope; outside it, 404. */
	public Point pointFor(Actor actor, UUID id) {
		OrganisationScope scope = PointAccess.scopeOf(actor);
		return repository.find(id)
			.filter(p -> PointAccess.sees(scope, p))
			.orElseThrow(() -> new NotFoundException("point", id));
	}

	/** Whether the caller may change this point (its page shows the edit and retire buttons only then). */
	public boolean mayMaintain(Actor actor, Point point) {
		return PointAccess.maintains(PointAccess.scopeOf(actor), point.jurisdictionPath());
	}

	/** Whether the caller may create points somewhere (the campaign office). */
	public boolean mayCreate(Actor actor) {
		OrganisationScope scope = PointAccess.scopeOf(actor);
		return scope.isEverything() || (scope.isMaintainer() && !scope.isUnitBound());
	}

	/** Figures of the caller's points for the home page: active, retired, and active ones without any photo. */
	public record PointFigures(long active, long retired, long activeWithoutPhoto) {
	}

	public PointFigures figures(Actor actor) {
		OrganisationScope scope = PointAccess.scopeOf(actor);
		long active = repository.count(PointRepository.scoped(scope).and("status = 'ACTIVE'", null, null));
		long retired = repository.count(PointRepository.scoped(scope).and("status = 'RETIRED'", null, null));
		long bare = repository.count(PointRepository.scoped(scope)
			.and("status = 'ACTIVE'", null, null)
			.and("not exists (select 1 from point_photo ph where ph.point_id = point.id)", null, null));
		return new PointFigures(active, retired, bare);
	}

	/** The audited history of a point, newest first. */
	public List<AuditEvent> history(Actor actor, UUID id) {
		pointFor(actor, id);
		return audit.historyOf("point", id, 100);
	}

	private org.chuangwen.shared.SqlWhere where(Actor actor, PointFilter filter) {
		OrganisationScope scope = PointAccess.scopeOf(actor);
		String path = filter.jurisdictionId() == null ? null
				: organisation.jurisdictionFor(actor, filter.jurisdictionId()).path();
		return PointRepository.filtered(scope, filter, path);
	}
}
