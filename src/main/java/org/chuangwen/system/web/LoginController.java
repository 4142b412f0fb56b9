package org.chuangwen.system.web;

import org.chuangwen.organisation.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	@GetMapping("/login")
	String login(@AuthenticationPrincipal Actor actor) {
		return actor != null ? "redirect:/" : "system/login";
	}
}
