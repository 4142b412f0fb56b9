package org.chuangwen.system.web;

import org.chuangwen.organisation.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows who is signed in, so the navigation can follow the roles. */
@ControllerAdvice(annotations = Controller.class)
class CurrentActorAdvice {

	@ModelAttribute("currentActor")
	Actor currentActor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof Actor actor ? actor : null;
	}
}
