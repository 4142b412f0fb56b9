package org.chuangwen.system;

import org.chuangwen.audit.AuditActor;
import org.chuangwen.audit.CurrentAuditActor;
import org.chuangwen.organisation.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The audit trail's actor is the signed-in user, or the system for jobs and start-up work. */
@Component
class SignedInAuditActor implements CurrentAuditActor {

	@Override
	public AuditActor current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof Actor actor) {
			return new AuditActor(actor.userId().toString(), actor.displayName() + " (" + actor.username() + ")");
		}
		return AuditActor.SYSTEM;
	}
}
