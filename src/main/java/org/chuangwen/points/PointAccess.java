package org.chuangwen.points;

import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.NotFoundException;

/**
 * Who sees and who maintains points (DOMAIN §2, §6), decided on the server for every query and command:
 * <ul>
 * <li>The campaign office (OFFICE_ADMIN) reads and maintains the points inside its jurisdiction subtree: the city
 * office the whole city, a district office its district.</li>
 * <li>Leaders, inspectors and grid workers read the points inside their subtree (plans, patrols, reports); they change
 * nothing.</li>
 * <li>Unit-bound accounts (UNIT_ADMIN, UNIT_STAFF) read only the points their unit is responsible for, read-only:
 * assigning a point to a unit is the office's decision (谁主管谁负责), so a unit cannot move a point off its list.</li>
 * <li>The three administrator roles (system, security, audit) have no business pages: refused (403).</li>
 * </ul>
 * A point outside the caller's scope is reported as not found (404); one the caller may read but not change is 403.
 */
final class PointAccess {

	private PointAccess() {
	}

	/** The caller's scope, or 403 for a caller who reads no points at all. {@code null} is the system itself. */
	static OrganisationScope scopeOf(Actor actor) {
		if (actor == null) {
			return OrganisationScope.system();
		}
		if (actor.isAdministratorOnly()) {
			throw new ForbiddenException();
		}
		return OrganisationScope.of(actor).requireReader();
	}

	static boolean sees(OrganisationScope scope, Point point) {
		if (scope.isUnitBound()) {
			return scope.unitId().equals(point.unitId());
		}
		return scope.seesJurisdiction(point.jurisdictionPath());
	}

	static Point requireVisible(OrganisationScope scope, Point point) {
		if (point == null || !sees(scope, point)) {
			throw new NotFoundException("point", point == null ? "" : point.id());
		}
		return point;
	}

	/** Whether the caller maintains points at a node with this path: the campaign office's subtree, or the system. */
	static boolean maintains(OrganisationScope scope, String jurisdictionPath) {
		return !scope.isUnitBound() && scope.maintains(jurisdictionPath);
	}

	static void requireMaintains(OrganisationScope scope, String jurisdictionPath) {
		if (!maintains(scope, jurisdictionPath)) {
			throw new ForbiddenException("point.forbidden.maintain");
		}
	}
}
