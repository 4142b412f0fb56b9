package org.chuangwen.points;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.JurisdictionLevel;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.organisation.Person;
import org.chuangwen.organisation.Unit;
import org.chuangwen.shared.Validation;

/**
 * Checks a {@link PointDraft} against the registry, the organisation and the criteria, collecting every field error,
 * and builds the point. One resolver serves one command or one import (it remembers what it looked up).
 * <p>
 * Rules: code (letters, digits, '-', '_', at most 40) and name required; the type one of criteria's point types; the
 * location required and valid WGS-84; the jurisdiction a node the caller sees; the grid a GRID node inside the
 * jurisdiction (or the jurisdiction itself), found from the location when left out, and the location inside the
 * grid's boundary when it has one; the unit active and serving the place (its node inside the caller's scope, or above
 * it: a city bureau answers for points in a district); leader and person active people of such units (or registered
 * on such a node without a unit).
 */
final class PointResolver {

	static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

	static final int MAX_NAME = 100;

	static final int MAX_ADDRESS = 200;

	private final OrganisationScope scope;

	private final OrganisationDirectory organisation;

	private final CriteriaDirectory criteria;

	private final GridLocator grids;

	private final Map<UUID, Optional<Jurisdiction>> jurisdictions = new HashMap<>();

	private final Map<UUID, Optional<Unit>> units = new HashMap<>();

	private final Map<UUID, Optional<Person>> people = new HashMap<>();

	private final Map<UUID, Optional<GridBoundary>> boundaries = new HashMap<>();

	private java.util.Set<String> typeCodes;

	PointResolver(OrganisationScope scope, OrganisationDirectory organisation, CriteriaDirectory criteria, GridLocator grids) {
		this.scope = scope;
		this.organisation = organisation;
		this.criteria = criteria;
		this.grids = grids;
	}

	/**
	 * The point the draft describes, or empty with the errors added to {@code v}.
	 *
	 * @param current the point being changed, or {@code null} for a new one (its id, status and times are kept)
	 */
	Optional<Point> resolve(PointDraft d, Point current, UUID newId, Instant now, Validation v) {
		int before = v.errors().size();
		String code = trim(d.code());
		String name = trim(d.name());
		v.required("code", code);
		if (code != null && !CODE.matcher(code).matches()) {
			v.reject("code", "point.code.format");
		}
		v.required("name", name).maxLength("name", name, MAX_NAME);
		String typeCode = trim(d.typeCode());
		v.required("typeCode", typeCode);
		if (typeCode != null && !typeCodes().contains(typeCode)) {
			v.reject("typeCode", "point.type.unknown", typeCode);
		}
		String address = d.address() == null ? "" : d.address().strip();
		v.maxLength("address", address, MAX_ADDRESS);
		boolean located = d.latitude() != null && d.longitude() != null;
		if (!located) {
			v.reject("latitude", "point.location.required");
		}
		else if (!Geo.isValid(d.latitude(), d.longitude())) {
			v.reject("latitude", "point.location.invalid");
			located = false;
		}
		Jurisdiction jurisdiction = null;
		if (d.jurisdictionId() == null) {
			v.reject("jurisdictionId", "error.field.required");
		}
		else {
			jurisdiction = jurisdiction(d.jurisdictionId()).filter(j -> scope.seesJurisdiction(j.path())).orElse(null);
			if (jurisdiction == null) {
				v.reject("jurisdictionId", "point.jurisdiction.unknown");
			}
		}
		Jurisdiction grid = null;
		if (jurisdiction != null) {
			grid = grid(d, jurisdiction, located, v);
		}
		Unit unit = null;
		if (d.unitId() == null) {
			v.reject("unitId", "error.field.required");
		}
		else {
			unit = unit(d.unitId()).filter(Unit::active).filter(this::servesScope).orElse(null);
			if (unit == null) {
				v.reject("unitId", "point.unit.unknown");
			}
		}
		Person leader = person("leaderPersonId", d.leaderPersonId(), v);
		Person person = person("personId", d.personId(), v);
		if (v.errors().size() > before) {
			return Optional.empty();
		}
		UUID id = current == null ? newId : current.id();
		return Optional.of(new Point(id, code, name, typeCode, address, round(d.latitude()), round(d.longitude()),
				jurisdiction.id(), jurisdiction.path(), jurisdiction.code(), jurisdiction.name(),
				grid == null ? null : grid.id(), grid == null ? null : grid.code(), unit.id(), unit.code(), unit.name(),
				leader == null ? null : leader.id(), leader == null ? null : leader.name(),
				person == null ? null : person.id(), person == null ? null : person.name(),
				current == null ? PointStatus.ACTIVE : current.status(), current == null ? 0 : current.version(),
				current == null ? now : current.createdAt(), now));
	}

	private Jurisdiction grid(PointDraft d, Jurisdiction jurisdiction, boolean located, Validation v) {
		Jurisdiction grid;
		if (d.gridId() != null) {
			grid = jurisdiction(d.gridId()).filter(g -> g.level() == JurisdictionLevel.GRID)
				.filter(g -> g.isWithin(jurisdiction.path()))
				.orElse(null);
			if (grid == null) {
				v.reject("gridId", "point.grid.invalid");
				return null;
			}
			if (located) {
				Optional<GridBoundary> boundary = boundaries.computeIfAbsent(grid.id(), grids::boundary);
				if (boundary.isPresent() && !boundary.get().contains(d.latitude(), d.longitude())
						&& !Geo.onBoundary(boundary.get().ring(), d.latitude(), d.longitude())) {
					v.reject("latitude", "point.location.outsideGrid", grid.code());
				}
			}
			return grid;
		}
		if (jurisdiction.level() == JurisdictionLevel.GRID) {
			return jurisdiction;
		}
		if (!located) {
			return null;
		}
		// left out: the grid whose boundary holds the location, if it lies inside the point's node
		return grids.gridAt(d.latitude(), d.longitude())
			.flatMap(this::jurisdiction)
			.filter(g -> g.isWithin(jurisdiction.path()))
			.orElse(null);
	}

	private Person person(String field, UUID id, Validation v) {
		if (id == null) {
			return null;
		}
		Person p = people.computeIfAbsent(id, organisation::person).filter(Person::active).orElse(null);
		boolean serves = p != null && (p.unitId() != null ? unit(p.unitId()).filter(this::servesScope).isPresent()
				: p.jurisdictionId() != null && jurisdiction(p.jurisdictionId()).filter(j -> related(j.path())).isPresent());
		if (!serves) {
			v.reject(field, "point.person.unknown");
			return null;
		}
		return p;
	}

	/** A unit serves the caller's places when its node lies inside the caller's scope or above it. */
	private boolean servesScope(Unit unit) {
		if (scope.isEverything()) {
			return true;
		}
		return jurisdiction(unit.jurisdictionId()).filter(j -> related(j.path())).isPresent();
	}

	private boolean related(String path) {
		if (scope.isEverything()) {
			return true;
		}
		String own = scope.path();
		return own != null && path != null && (path.startsWith(own) || own.startsWith(path));
	}

	/** Reads the boundaries of these grids at once (imports: one query instead of one per grid). */
	void preloadBoundaries(java.util.Collection<UUID> gridIds) {
		java.util.Set<UUID> wanted = new java.util.HashSet<>(gridIds);
		wanted.removeAll(boundaries.keySet());
		if (wanted.isEmpty()) {
			return;
		}
		wanted.forEach(id -> boundaries.put(id, Optional.empty()));
		grids.boundaries(wanted).forEach(b -> boundaries.put(b.gridId(), Optional.of(b)));
	}

	Optional<Jurisdiction> jurisdiction(UUID id) {
		return jurisdictions.computeIfAbsent(id, organisation::jurisdiction);
	}

	Optional<Unit> unit(UUID id) {
		return units.computeIfAbsent(id, organisation::unit);
	}

	static Double round(Double degrees) {
		return degrees == null ? null : PointRepository.degrees(degrees).doubleValue();
	}

	static String trim(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** The codes of every point type (read once per resolver). */
	java.util.Set<String> typeCodes() {
		if (typeCodes == null) {
			typeCodes = criteria.pointTypes().stream().map(t -> t.code()).collect(java.util.stream.Collectors.toSet());
		}
		return typeCodes;
	}
}
