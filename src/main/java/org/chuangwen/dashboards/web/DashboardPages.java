package org.chuangwen.dashboards.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.chuangwen.dashboards.CommandDashboard;
import org.chuangwen.dashboards.DashboardAccess;
import org.chuangwen.dashboards.Panel;
import org.chuangwen.dashboards.WeeklySummary;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Role;
import org.chuangwen.problems.ProblemDirectory;
import org.chuangwen.problems.ProblemFigures;
import org.chuangwen.problems.ProblemFilter;
import org.chuangwen.problems.SlaLight;
import org.chuangwen.shared.DomainException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard pages (campaign office and leaders; 403 for everybody else):
 * <ul>
 * <li>{@code GET /dashboard} the command dashboard: one card per {@link Panel}, each loaded by htmx from</li>
 * <li>{@code GET /dashboard/panels/{slug}} a panel's fragment (chart, the table behind it, its links)</li>
 * <li>{@code GET /dashboard/export/{slug}} a panel's table as Excel</li>
 * <li>{@code GET /dashboard/screen} the big-screen mode (dark, 1920×1080, every panel refreshed every 60 s)</li>
 * <li>{@code GET /dashboard/problems} the problems behind a chart element the problems board does not filter by: an SLA
 * light ({@code light}), reported or closed on a day or in a period ({@code day} or {@code from}/{@code to}, with
 * {@code flow=reported|closed}), at a point ({@code point})</li>
 * <li>{@code GET /dashboard/weekly?week=} the leader's weekly summary (printable on A4) and
 * {@code GET /dashboard/weekly/export?week=} as Excel</li>
 * </ul>
 */
@Controller
class DashboardPages {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final CommandDashboard dashboard;

	private final WeeklySummary weekly;

	private final PanelTables tables;

	private final ProblemDirectory problems;

	private final ProblemFigures figures;

	DashboardPages(CommandDashboard dashboard, WeeklySummary weekly, PanelTables tables, ProblemDirectory problems,
			ProblemFigures figures) {
		this.dashboard = dashboard;
		this.weekly = weekly;
		this.tables = tables;
		this.problems = problems;
		this.figures = figures;
	}

	@GetMapping("/dashboard")
	String dashboard(@AuthenticationPrincipal Actor actor, Model model) {
		DashboardAccess.require(actor);
		model.addAttribute("panels", Arrays.asList(Panel.values()));
		model.addAttribute("today", dashboard.today());
		return "dashboards/dashboard";
	}

	@GetMapping("/dashboard/screen")
	String screen(@AuthenticationPrincipal Actor actor, Model model) {
		DashboardAccess.require(actor);
		model.addAttribute("panels", Arrays.asList(Panel.values()));
		model.addAttribute("today", dashboard.today());
		return "dashboards/screen";
	}

	@GetMapping("/dashboard/panels/{slug}")
	String panel(@AuthenticationPrincipal Actor actor, @PathVariable String slug,
			@RequestParam(defaultValue = "false") boolean screen, Model model) {
		DashboardAccess.require(actor);
		Panel panel = Panel.ofSlug(slug).orElseThrow(() -> new NotFoundException("panel", slug));
		model.addAttribute("panel", panel);
		model.addAttribute("screen", screen);
		model.addAttribute("cityZone", weekly.zone());
		try {
			fill(actor, panel, model);
		}
		catch (ForbiddenException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			// one panel that cannot answer says so in its card; the others are unaffected
			model.addAttribute("failure", ex);
			return "dashboards/panels :: failed";
		}
		return "dashboards/panels :: " + panel.fragment();
	}

	private void fill(Actor actor, Panel panel, Model model) {
		switch (panel) {
			case COUNTDOWN -> {
				model.addAttribute("countdown", dashboard.countdown(actor).orElse(null));
				model.addAttribute("mayEdit", actor.has(Role.OFFICE_ADMIN));
			}
			case SCORE -> {
				CommandDashboard.ScorePanel p = dashboard.score(actor);
				model.addAttribute("score", p);
				model.addAttribute("table", tables.score(p));
				model.addAttribute("figures", tables.scoreFigures(p));
			}
			case STATES -> model.addAttribute("table", tables.states(dashboard.states(actor)));
			case LIGHTS -> model.addAttribute("table", tables.lights(dashboard.lights(actor)));
			case TREND -> model.addAttribute("table", tables.trend(dashboard.trend(actor)));
			case MAP -> {
				CommandDashboard.MapPanel m = dashboard.map(actor);
				model.addAttribute("map", m);
				model.addAttribute("extent", m.extent() == null ? null
						: List.of(m.extent().minLat(), m.extent().minLng(), m.extent().maxLat(), m.extent().maxLng()));
				model.addAttribute("table", tables.map(m));
			}
			case RANKINGS -> model.addAttribute("table", tables.rankings(dashboard.rankings(actor), CommandDashboard.LIST_ROWS));
			case WORST_POINTS -> model.addAttribute("table", tables.worstPoints(dashboard.worstPoints(actor)));
			case OVERDUE -> {
				Page<ProblemDirectory.Listed> page = dashboard.overdue(actor);
				model.addAttribute("total", page.total());
				model.addAttribute("table", tables.overdue(actor, page));
			}
			case NOTICES -> {
				var page = dashboard.notices(actor);
				model.addAttribute("total", page.total());
				model.addAttribute("table",
						tables.notices(page.items(), "table-notices", tables.message("dashboards.panel.notices.title")));
			}
		}
	}

	@GetMapping("/dashboard/export/{slug}")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal Actor actor, @PathVariable String slug) {
		DashboardAccess.require(actor);
		Panel panel = Panel.ofSlug(slug).filter(Panel::exported).orElseThrow(() -> new NotFoundException("panel", slug));
		List<DataTable> content = switch (panel) {
			case SCORE -> {
				CommandDashboard.ScorePanel p = dashboard.score(actor);
				yield List.of(tables.scoreFigures(p), tables.score(p));
			}
			case STATES -> List.of(tables.states(dashboard.states(actor)));
			case LIGHTS -> List.of(tables.lights(dashboard.lights(actor)));
			case TREND -> List.of(tables.trend(dashboard.trend(actor)));
			case MAP -> List.of(tables.map(dashboard.map(actor)));
			case RANKINGS -> List.of(tables.rankings(dashboard.rankings(actor), Integer.MAX_VALUE));
			case WORST_POINTS -> List.of(tables.worstPoints(dashboard.worstPoints(actor)));
			case OVERDUE -> List.of(tables.problemList(actor, "overdue", tables.message("dashboards.panel.overdue.title"),
					figures.mostOverdue(actor, new PageRequest(0, PageRequest.MAX_SIZE)).items()));
			case NOTICES -> List.of(tables.notices(dashboard.notices(actor).items(), "notices",
					tables.message("dashboards.panel.notices.title")));
			case COUNTDOWN -> throw new NotFoundException("panel", slug);
		};
		String name = tables.message("dashboards.export.filename", tables.message(panel.titleKey()), dashboard.today());
		return xlsx(Workbooks.write(content), name);
	}

	static ResponseEntity<byte[]> xlsx(byte[] content, String filename) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(content);
	}

	// the list behind a chart element

	@GetMapping("/dashboard/problems")
	String problems(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String light,
			@RequestParam(required = false) String day, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String flow,
			@RequestParam(required = false) String point, @RequestParam(required = false) Integer page, Model model) {
		DashboardAccess.require(actor);
		PageRequest request = PageRequest.of(page == null ? 0 : Math.max(0, page), 30);
		ZoneId zone = weekly.zone();
		Page<ProblemDirectory.Listed> result;
		String title;
		if (light != null && !light.isBlank()) {
			SlaLight l = parseLight(light);
			result = figures.withLight(actor, l, request);
			title = tables.message("dashboards.list.light", tables.message(l.messageKey()));
		}
		else if (point != null && !point.isBlank()) {
			UUID pointId = Ids.parse(point, "point");
			result = problems.problems(actor, new ProblemFilter(null, null, pointId, null, null, null, null, null, null),
					request);
			title = tables.message("dashboards.list.point");
		}
		else if ((day != null && !day.isBlank()) || (from != null && !from.isBlank())) {
			LocalDate first = date(day != null && !day.isBlank() ? day : from, day != null && !day.isBlank() ? "day" : "from");
			LocalDate last = day != null && !day.isBlank() ? first : (to == null || to.isBlank() ? first : date(to, "to"));
			if (last.isBefore(first)) {
				throw new InvalidInputException("to", "problems.error.period");
			}
			Instant start = first.atStartOfDay(zone).toInstant();
			Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
			boolean closed = "closed".equals(flow);
			if (!closed && flow != null && !flow.isBlank() && !"reported".equals(flow)) {
				throw new InvalidInputException("flow", "dashboards.error.flow");
			}
			result = closed ? figures.closedBetween(actor, start, end, request)
					: problems.problems(actor, new ProblemFilter(null, null, null, null, null, start, end, null, null), request);
			String period = first.equals(last) ? first.toString() : first + " – " + last;
			title = tables.message(closed ? "dashboards.list.closed" : "dashboards.list.reported", period);
		}
		else {
			throw new InvalidInputException("light", "dashboards.error.listFilter");
		}
		model.addAttribute("title", title);
		model.addAttribute("page", result);
		model.addAttribute("table", tables.problemList(actor, "table-list", title, result.items()));
		return "dashboards/problems";
	}

	private static SlaLight parseLight(String text) {
		try {
			return SlaLight.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("light", "dashboards.error.light", text);
		}
	}

	private static LocalDate date(String text, String field) {
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "dashboards.error.date", text);
		}
	}

	// the weekly summary

	@GetMapping("/dashboard/weekly")
	String weekly(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String week, Model model) {
		DashboardAccess.require(actor);
		WeeklySummary.Week w = weekly.week(actor, week == null || week.isBlank() ? null : date(week, "week"));
		model.addAttribute("week", w);
		model.addAttribute("tables", tables.weekly(w));
		model.addAttribute("printedAt", tables.minute(problems.now()));
		return "dashboards/weekly";
	}

	@GetMapping("/dashboard/weekly/export")
	ResponseEntity<byte[]> weeklyExport(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String week) {
		DashboardAccess.require(actor);
		WeeklySummary.Week w = weekly.week(actor, week == null || week.isBlank() ? null : date(week, "week"));
		return xlsx(Workbooks.write(tables.weekly(w)), tables.message("dashboards.weekly.filename", w.monday()));
	}
}
