package org.chuangwen.inspections;

import java.util.UUID;

import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.JurisdictionLevel;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.Role;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.SqlWhere;

/**
 * Who sees and does what with rounds. Inspections are unannounced: the campaign office and leaders see every round;
 * an inspector sees the rounds of its teams and closed rounds; every other role (units, grid workers) sees a round
 * only once it is closed, and a unit only its own points in it. The administrator roles see none (403). An office or
 * a leader of a district (or below) sees only the rounds concerning its district, and only the points there; it
 * opens, closes and imports into only the rounds wholly in its district.
 */
final class InspectionAccess {

	private InspectionAccess() {
	}

	static void requireReader(Actor actor) {
		if (actor == null || actor.roles().isEmpty() || actor.isAdministratorOnly()) {
			throw new ForbiddenException("inspection.forbidden");
		}
	}

	static boolean isPlanner(Actor actor) {
		return actor != null && actor.has(Role.OFFICE_ADMIN);
	}

	static void requirePlanner(Actor actor) {
		requireReader(actor);
		if (!isPlanner(actor)) {
			throw new ForbiddenException("inspection.plan.forbidden");
		}
	}

	static boolean seesEveryRound(Actor actor) {
		return actor.hasAny(Role.OFFICE_ADMIN, Role.LEADER);
	}

	static boolean sees(Actor actor, InspectionRound round, boolean onTeam) {
		if (seesEveryRound(actor)) {
			return true;
		}
		if (actor.has(Role.INSPECTOR) && onTeam) {
			return true;
		}
		return round.status() == RoundStatus.CLOSED;
	}

	/**
	 * Whether the actor may see that a problem it can see came from this round: the office, leaders and inspectors
	 * always; everybody else (units, grid workers) only once the round is closed (rounds are unannounced).
	 */
	static boolean seesOrigin(Actor actor, InspectionRound round) {
		return seesEveryRound(actor) || actor.has(Role.INSPECTOR) || round.status() == RoundStatus.CLOSED;
	}

	/** Whether the actor sees every point of a visible round (else only its unit's points). */
	static boolean seesEveryPoint(Actor actor) {
		return !actor.isUnitBound();
	}

	/** The rounds a list may show the actor, over alias r. */
	static SqlWhere listScope(Actor actor, SqlWhere where) {
		if (seesEveryRound(actor)) {
			return where;
		}
		if (actor.has(Role.INSPECTOR)) {
			return where.and("(r.status = 'CLOSED' or exists (select 1 from inspection_team_member t"
					+ " where t.round_id = r.id and t.inspector_id = :me))", "me", actor.userId());
		}
		where.and("r.status = 'CLOSED'", null, null);
		if (actor.isUnitBound()) {
			where.and("exists (select 1 from inspection_round_point p where p.round_id = r.id and p.unit_id = :myUnit)",
					"myUnit", actor.unitId());
		}
		return where;
	}

	/**
	 * The district bounding an office or a leader below the city (its own district, or the district above its street,
	 * community or grid): such an office sees only the rounds that concern that district (those it planned, and those
	 * with sampled points there) and only those points in them. {@code null}: not bounded (the city's office and
	 * leaders, and every other role, whose rules are above).
	 */
	static UUID district(Actor actor, OrganisationDirectory organisation) {
		if (actor == null || !seesEveryRound(actor) || actor.jurisdictionId() == null) {
			return null;
		}
		Jurisdiction node = organisation.jurisdiction(actor.jurisdictionId()).orElse(null);
		if (node == null || node.level() == JurisdictionLevel.PROVINCE || node.level() == JurisdictionLevel.CITY) {
			return null;
		}
		if (node.level() == JurisdictionLevel.DISTRICT) {
			return node.id();
		}
		for (UUID id : node.lineage()) {
			Jurisdiction j = organisation.jurisdiction(id).orElse(null);
			if (j != null && j.level() == JurisdictionLevel.DISTRICT) {
				return j.id();
			}
		}
		return node.id(); // below the city but under no district: only what concerns its own node (nothing sampled)
	}

	/** The rounds a list may show an office or leader bounded by a district, over alias r. */
	static SqlWhere districtScope(Actor actor, UUID district, SqlWhere where) {
		if (district == null) {
			return where;
		}
		// a UUID's text is hex digits and dashes only: safe to write into the statement (SqlWhere binds one value a term)
		String me = actor.userId() == null ? "null" : "'" + actor.userId() + "'::uuid";
		return where.and("(r.created_by = " + me + " or exists (select 1 from inspection_round_point dp"
				+ " where dp.round_id = r.id and dp.district_id = :myDistrict))", "myDistrict", district);
	}

	static boolean mayRecord(Actor actor, boolean onTeam) {
		return actor.has(Role.OFFICE_ADMIN) || (actor.has(Role.INSPECTOR) && onTeam);
	}
}
