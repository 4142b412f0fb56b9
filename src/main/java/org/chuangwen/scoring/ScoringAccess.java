package org.chuangwen.scoring;

import java.util.List;
import java.util.UUID;

import org.chuangwen.inspections.ScoreDimension;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.JurisdictionLevel;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.organisation.Role;
import org.chuangwen.shared.ForbiddenException;

/**
 * What part of the scores a caller sees, decided on the server (DOMAIN §2): the campaign office, leaders and
 * inspectors of the city see the city; of a district, that district; of a street (or a community or grid below it),
 * that street. A unit's accounts see only their own unit, and only rounds that have closed (rounds are unannounced).
 * Everyone else (grid workers, the administrators) sees no scores.
 *
 * @param dimension the group that bounds the caller (CITY, DISTRICT, STREET or UNIT)
 * @param key that group's key ({@code ""} for the city)
 */
record ScoringAccess(ScoreDimension dimension, String key, OrganisationScope scope, boolean unitBound,
		String path, UUID unitId) {

	static ScoringAccess system() {
		return new ScoringAccess(ScoreDimension.CITY, "", OrganisationScope.system(), false, null, null);
	}

	static ScoringAccess of(Actor actor, OrganisationDirectory organisation) {
		if (actor == null) {
			return system();
		}
		OrganisationScope scope = OrganisationScope.of(actor);
		if (actor.isUnitBound()) {
			return new ScoringAccess(ScoreDimension.UNIT, actor.unitId().toString(), scope, true,
					actor.jurisdictionPath(), actor.unitId());
		}
		if (!actor.hasAny(Role.OFFICE_ADMIN, Role.LEADER, Role.INSPECTOR) || actor.jurisdictionId() == null) {
			throw new ForbiddenException("scoring.error.noAccess");
		}
		Jurisdiction node = organisation.jurisdiction(actor.jurisdictionId())
			.orElseThrow(() -> new ForbiddenException("scoring.error.noAccess"));
		if (node.level() == JurisdictionLevel.PROVINCE || node.level() == JurisdictionLevel.CITY) {
			return new ScoringAccess(ScoreDimension.CITY, "", scope, false, node.path(), null);
		}
		if (node.level() == JurisdictionLevel.DISTRICT) {
			return new ScoringAccess(ScoreDimension.DISTRICT, node.id().toString(), scope, false, node.path(), null);
		}
		// a street, or a community or grid: bounded by the street above it
		List<UUID> lineage = node.lineage();
		for (UUID id : lineage) {
			Jurisdiction j = organisation.jurisdiction(id).orElse(null);
			if (j != null && j.level() == JurisdictionLevel.STREET) {
				return new ScoringAccess(ScoreDimension.STREET, j.id().toString(), scope, false, j.path(), null);
			}
		}
		throw new ForbiddenException("scoring.error.noAccess");
	}

	boolean isCity() {
		return dimension == ScoreDimension.CITY;
	}

	/** Whether the office's whole-city views (point types, command posts, the forecast) are open to the caller. */
	void requireCity() {
		if (!isCity()) {
			throw new ForbiddenException("scoring.error.cityOnly");
		}
	}

	/** The campaign office (or the system): may rebuild and see every unit's trace. */
	static boolean isOffice(Actor actor) {
		return actor == null || actor.has(Role.OFFICE_ADMIN);
	}
}
