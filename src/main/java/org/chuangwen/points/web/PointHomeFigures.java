package org.chuangwen.points.web;

import java.util.List;

import org.chuangwen.shared.web.HomeFigure;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Role;
import org.chuangwen.points.PointDirectory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The point figures of the home page, as an htmx fragment ({@code GET /points/home/figures?role=…}, loaded by
 * system's home page, which may not read points itself): the caller's active and retired points and the active ones
 * that have no photo yet (a unit's own points; an inspector's or grid worker's area).
 */
@Controller
class PointHomeFigures {


	private final PointDirectory directory;

	private final MessageSource messages;

	PointHomeFigures(PointDirectory directory, MessageSource messages) {
		this.directory = directory;
		this.messages = messages;
	}

	@GetMapping("/points/home/figures")
	String figures(@AuthenticationPrincipal Actor actor, @RequestParam String role, Model model) {
		Role as = actor.actingAs(role);
		PointDirectory.PointFigures f = directory.figures(actor);
		model.addAttribute("heading", text("home.figures.points"));
		model.addAttribute("figures", List.of(
				new HomeFigure("active", text("home.figure.points.active"), String.valueOf(f.active()), "/points?status=ACTIVE", null),
				new HomeFigure("withoutPhoto", text("home.figure.points.withoutPhoto"), String.valueOf(f.activeWithoutPhoto()),
						"/points?status=ACTIVE", f.activeWithoutPhoto() > 0 ? "warning" : null),
				new HomeFigure("retired", text("home.figure.points.retired"), String.valueOf(f.retired()), "/points?status=RETIRED", null)));
		model.addAttribute("id", "figures-points-" + as.name());
		return "fragments/figures :: list(heading=${heading}, figures=${figures}, id=${id})";
	}

	private String text(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}
}
