package org.chuangwen.criteria;

import org.chuangwen.organisation.Actor;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.NotFoundException;

/**
 * Who may read and change a campaign's criteria. Reading: everyone signed in whose jurisdiction lies on the
 * campaign's branch (the campaign's node is an ancestor of theirs, or lies inside it). Changing: a campaign office
 * admin whose jurisdiction covers the campaign's node. A {@code null} actor is the system itself.
 */
final class CriteriaAccess {

	private CriteriaAccess() {
	}

	static boolean mayRead(Actor actor, Campaign campaign) {
		return actor == null || campaign.isVisibleFrom(actor.jurisdictionPath());
	}

	static boolean mayEdit(Actor actor, Campaign campaign) {
		return actor == null || (actor.isOfficeAdmin() && actor.covers(campaign.jurisdictionPath()));
	}

	/** A campaign outside the actor's branch is not known to them at all (404, not 403). */
	static void requireRead(Actor actor, Campaign campaign) {
		if (!mayRead(actor, campaign)) {
			throw new NotFoundException("campaign", campaign.id());
		}
	}

	static void requireEdit(Actor actor, Campaign campaign) {
		requireRead(actor, campaign);
		if (!mayEdit(actor, campaign)) {
			throw new ForbiddenException("criteria.error.notEditor");
		}
	}
}
