package org.chuangwen.organisation;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.shared.ForbiddenException;

/**
 * What one caller may see and change of the organisation, decided on the server for every query and command.
 * <ul>
 * <li>The campaign office (OFFICE_ADMIN) reads and maintains everything in its jurisdiction subtree.</li>
 * <li>Leaders, inspectors, grid workers and the system and security administrators read their subtree (the
 * administrators need it to bind accounts to units); they change nothing here.</li>
 * <li>Unit-bound accounts (UNIT_ADMIN, UNIT_STAFF) see only their own unit, its people, and the command posts and
 * responsibilities that unit takes part in; a unit admin maintains the people of its own unit.</li>
 * <li>The audit administrator reads the audit trail and nothing else.</li>
 * </ul>
 * Objects outside the scope are reported as not found (404), so that their existence does not leak; a caller who may
 * read an object but not change it is refused (403).
 */
public final class OrganisationScope {

	private static final Set<Role> READERS = EnumSet.of(Role.OFFICE_ADMIN, Role.LEADER, Role.INSPECTOR, Role.GRID_WORKER,
			Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN);

	private static final OrganisationScope SYSTEM = new OrganisationScope(true, null, null, true, false);

	private final boolean everything;

	private final String path;

	private final UUID unitId;

	private final boolean maintainer;

	private final boolean unitAdmin;

	private OrganisationScope(boolean everything, String path, UUID unitId, boolean maintainer, boolean unitAdmin) {
		this.everything = everything;
		this.path = path;
		this.unitId = unitId;
		this.maintainer = maintainer;
		this.unitAdmin = unitAdmin;
	}

	/** The scope of a signed-in caller; {@code null} is the system itself (demo city, start-up work). */
	public static OrganisationScope of(Actor actor) {
		if (actor == null) {
			return SYSTEM;
		}
		if (actor.isUnitBound()) {
			return new OrganisationScope(false, actor.jurisdictionPath(), actor.unitId(), false, actor.has(Role.UNIT_ADMIN));
		}
		boolean reader = actor.roles().stream().anyMatch(READERS::contains);
		if (!reader || actor.jurisdictionPath() == null) {
			return new OrganisationScope(false, null, null, false, false);
		}
		return new OrganisationScope(false, actor.jurisdictionPath(), null, actor.has(Role.OFFICE_ADMIN), false);
	}

	public static OrganisationScope system() {
		return SYSTEM;
	}

	/** Refuses (403) a caller whose role reads no organisation at all, e.g. the audit administrator. */
	public OrganisationScope requireReader() {
		if (!everything && path == null && unitId == null) {
			throw new ForbiddenException();
		}
		return this;
	}

	public boolean isEverything() {
		return everything;
	}

	/** Whether the caller sees only one unit; then {@link #unitId()} is that unit. */
	public boolean isUnitBound() {
		return unitId != null;
	}

	public UUID unitId() {
		return unitId;
	}

	/** The path prefix that bounds jurisdiction queries, or {@code null} for everything. */
	public String path() {
		return everything ? null : path;
	}

	/** Whether the caller maintains the organisation somewhere (the campaign office, or the system). */
	public boolean isMaintainer() {
		return maintainer;
	}

	/** Whether the caller may read a jurisdiction node with this path (geography is not unit data). */
	public boolean seesJurisdiction(String jurisdictionPath) {
		return everything || (path != null && jurisdictionPath != null && jurisdictionPath.startsWith(path));
	}

	/** Whether the caller may read this unit, whose jurisdiction has the given path. */
	public boolean seesUnit(UUID id, String jurisdictionPath) {
		if (unitId != null) {
			return unitId.equals(id);
		}
		return seesJurisdiction(jurisdictionPath);
	}

	/** Whether the caller maintains the organisation at a node with this path: the campaign office's subtree. */
	public boolean maintains(String jurisdictionPath) {
		return everything || (maintainer && seesJurisdiction(jurisdictionPath));
	}

	/** Whether the caller may create or change people of this unit (with that unit's jurisdiction path). */
	public boolean maintainsPeopleOf(UUID personUnitId, String jurisdictionPath) {
		if (unitId != null) {
			return unitAdmin && unitId.equals(personUnitId);
		}
		return maintains(jurisdictionPath);
	}

	/** The caller may change the organisation at this node, or is refused (403). */
	void requireMaintains(String jurisdictionPath) {
		if (!maintains(jurisdictionPath)) {
			throw new ForbiddenException();
		}
	}
}
