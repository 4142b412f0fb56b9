package org.chuangwen.dashboards;

import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Role;
import org.chuangwen.shared.ForbiddenException;

/**
 * Who reads the dashboards: the campaign office and leaders (DOMAIN §2), each within their jurisdiction (a district
 * office sees its district; every figure is scoped by the module that answers it). A unit's accounts and the
 * administrators get 403.
 */
public final class DashboardAccess {

	private DashboardAccess() {
	}

	public static boolean reads(Actor actor) {
		return actor != null && !actor.isUnitBound() && actor.hasAny(Role.OFFICE_ADMIN, Role.LEADER);
	}

	public static void require(Actor actor) {
		if (!reads(actor)) {
			throw new ForbiddenException("dashboards.error.forbidden");
		}
	}
}
