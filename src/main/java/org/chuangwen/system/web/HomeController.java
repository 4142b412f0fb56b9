package org.chuangwen.system.web;

import java.util.ArrayList;
import java.util.List;

import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: one panel per role the user holds, with the figures that matter to that role and links to the pages
 * behind them. System sits on floor 3 and may not read problems, escalation, tasks or points itself, so each figure
 * block is an htmx fragment served by the module that owns the data ({@code /problems/home/figures?role=…},
 * {@code /tasks/home/figures}, {@code /notices/home/figures}, {@code /points/home/figures}), read through that module's
 * public directory and bounded by the caller's scope. The three administrator roles get a short description of their
 * work instead of figures.
 */
@Controller
class HomeController {

	/**
	 * One panel of the home page: a heading, the figure fragments to load (paths), an introduction (administrator roles
	 * only, else null) and links (message key → path).
	 */
	record HomePanel(String role, String titleKey, List<String> figures, String introKey, List<Link> links) {
	}

	/** A link: the message key of its text and the path. */
	record Link(String key, String path) {
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal Actor actor, Model model) {
		List<HomePanel> panels = new ArrayList<>();
		for (Role role : Role.values()) {
			if (actor.has(role)) {
				panels.add(panelFor(role));
			}
		}
		model.addAttribute("panels", panels);
		model.addAttribute("showCountdown", actor.hasAny(Role.OFFICE_ADMIN, Role.LEADER));
		model.addAttribute("showDashboard", !actor.isUnitBound() && actor.hasAny(Role.OFFICE_ADMIN, Role.LEADER));
		return "system/home";
	}

	private static HomePanel panelFor(Role role) {
		String base = "home." + role.name();
		List<Link> links = switch (role) {
			case OFFICE_ADMIN -> List.of(new Link("nav.dashboard", "/dashboard"), new Link("nav.problemBoard", "/problems/board"), new Link("nav.problemNew", "/problems/new"),
					new Link("nav.inspections", "/inspections"), new Link("scoring.nav", "/scores"),
					new Link("nav.notices", "/notices"),
					new Link("nav.criteria", "/criteria/frameworks"), new Link("nav.taskOverview", "/tasks/overview"),
					new Link("nav.reportSummary", "/reports/summary"),
					new Link("nav.accountability", "/notifications/accountability"),
					new Link("nav.reminderSettings", "/notifications/settings"),
					new Link("nav.jurisdictions", "/organisation/jurisdictions"),
					new Link("nav.units", "/organisation/units"), new Link("nav.people", "/organisation/people"),
					new Link("nav.commandPosts", "/organisation/command-posts"),
					new Link("nav.responsibilities", "/organisation/responsibilities"),
					new Link("nav.users", "/admin/users"), new Link("nav.calendar", "/admin/calendar"));
			case LEADER -> List.of(new Link("nav.dashboard", "/dashboard"), new Link("nav.problemBoard", "/problems/board"), new Link("nav.notices", "/notices"),
					new Link("scoring.nav", "/scores"),
					new Link("nav.criteria", "/criteria/frameworks"), new Link("nav.taskOverview", "/tasks/overview"),
					new Link("nav.reportSummary", "/reports/summary"),
					new Link("nav.accountability", "/notifications/accountability"), new Link("nav.units", "/organisation/units"));
			case UNIT_ADMIN, UNIT_STAFF -> List.of(new Link("nav.problemInbox", "/problems/inbox"), new Link("nav.notices", "/notices"),
					new Link("nav.tasks", "/tasks"), new Link("nav.weeklyReports", "/reports"), new Link("nav.points", "/points"),
					new Link("nav.myUnit", "/organisation/units/mine"));
			case INSPECTOR -> List.of(new Link("nav.inspections", "/inspections"), new Link("nav.problemNew", "/problems/new"),
					new Link("nav.problemBoard", "/problems/board"), new Link("nav.points", "/points"),
					new Link("nav.criteria", "/criteria/frameworks"),
					new Link("nav.jurisdictions", "/organisation/jurisdictions"));
			case GRID_WORKER -> List.of(new Link("nav.problemNew", "/problems/new"),
					new Link("nav.problemBoard", "/problems/board"), new Link("nav.points", "/points"),
					new Link("nav.criteria", "/criteria/frameworks"),
					new Link("nav.jurisdictions", "/organisation/jurisdictions"));
			case SYSTEM_ADMIN -> List.of(new Link("nav.users", "/admin/users"), new Link("nav.calendar", "/admin/calendar"));
			case SECURITY_ADMIN -> List.of(new Link("nav.users", "/admin/users"),
					new Link("nav.passwordPolicy", "/admin/password-policy"));
			case AUDIT_ADMIN -> List.of(new Link("nav.audit", "/admin/audit"));
		};
		List<String> figures = switch (role) {
			case OFFICE_ADMIN, LEADER -> List.of("/problems/home/figures", "/notices/home/figures", "/tasks/home/figures");
			case UNIT_ADMIN, UNIT_STAFF -> List.of("/problems/home/figures", "/tasks/home/figures", "/notices/home/figures",
					"/points/home/figures");
			case INSPECTOR, GRID_WORKER -> List.of("/problems/home/figures", "/points/home/figures");
			case SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN -> List.of();
		};
		String intro = figures.isEmpty() ? base + ".intro" : null;
		return new HomePanel(role.name(), base + ".title",
				figures.stream().map(f -> f + "?role=" + role.name()).toList(), intro, links);
	}
}
