package org.chuangwen.dashboards.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.dashboards.CommandDashboard;
import org.chuangwen.dashboards.WeeklySummary;
import org.chuangwen.escalation.Notice;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.Unit;
import org.chuangwen.problems.Problem;
import org.chuangwen.problems.ProblemCategories;
import org.chuangwen.problems.ProblemDirectory;
import org.chuangwen.problems.ProblemFigures;
import org.chuangwen.problems.ProblemStatus;
import org.chuangwen.problems.SlaLight;
import org.chuangwen.scoring.ScoreLine;
import org.chuangwen.shared.Page;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import static org.chuangwen.dashboards.web.DataTable.cell;

/**
 * Turns the dashboard's figures into the tables behind its charts, in the reader's language, with the link of every
 * cell to the list behind it: the problems board with the matching filter where it has one (state, overdue), the
 * dashboard's own problem list for what the board does not filter by (SLA light, reported or closed on a day, at a
 * point), the point, the notice, the scores. The same tables are the Excel exports.
 */
@Component
public class PanelTables {

	/** The colours of the states and lights (Bootstrap's palette, readable on light and dark backgrounds). */
	static final Map<SlaLight, String> LIGHT_COLOURS = Map.of(SlaLight.GREEN, "#198754", SlaLight.YELLOW, "#e0a800",
			SlaLight.RED, "#dc3545");

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MessageSource messages;

	private final OrganisationDirectory organisation;

	private final ProblemCategories categories;

	private final Clock clock;

	PanelTables(MessageSource messages, OrganisationDirectory organisation, ProblemCategories categories, Clock clock) {
		this.messages = messages;
		this.organisation = organisation;
		this.categories = categories;
		this.clock = clock;
	}

	String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private List<String> columns(String... keys) {
		return java.util.Arrays.stream(keys).map(this::message).toList();
	}

	static String link(String path, Object... nameValues) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
		for (int i = 0; i + 1 < nameValues.length; i += 2) {
			if (nameValues[i + 1] != null) {
				b.queryParam((String) nameValues[i], nameValues[i + 1]);
			}
		}
		return b.build().encode().toUriString();
	}

	String minute(Instant at) {
		return at == null ? "" : MINUTE.format(at.atZone(clock.getZone()));
	}

	// panels

	DataTable score(CommandDashboard.ScorePanel p) {
		List<DataTable.Row> rows = new ArrayList<>();
		for (ScoreLine l : p.districts()) {
			rows.add(new DataTable.Row(l.name(), link("/scores", "by", "district"),
					List.of(cell(l.percent(), link("/scores", "by", "district")), cell(l.score()), cell(l.maxScore()),
							cell(l.observations()))));
		}
		return new DataTable("table-score", message("dashboards.score.byDistrict"),
				columns("dashboards.col.district", "dashboards.col.passRate", "dashboards.col.score",
						"dashboards.col.maxScore", "dashboards.col.observations"),
				rows, "bar", 1);
	}

	/** The score and forecast figures as a table (what the big numbers say, for the export and screen readers). */
	DataTable scoreFigures(CommandDashboard.ScorePanel p) {
		List<DataTable.Row> rows = new ArrayList<>();
		if (p.total() != null) {
			rows.add(new DataTable.Row(message("dashboards.score.current"), "/scores",
					List.of(cell(p.total().score()), cell(p.total().maxScore()), cell(p.total().percent()))));
		}
		if (p.forecast() != null) {
			BigDecimal max = p.forecast().maxScore();
			rows.add(new DataTable.Row(message("dashboards.score.expected"), "/scores/forecast",
					List.of(cell(p.forecast().expected()), cell(max), cell(percent(p.forecast().expected(), max)))));
			rows.add(new DataTable.Row(message("dashboards.score.p05"), "/scores/forecast",
					List.of(cell(p.forecast().p05()), cell(max), cell(percent(p.forecast().p05(), max)))));
			rows.add(new DataTable.Row(message("dashboards.score.p95"), "/scores/forecast",
					List.of(cell(p.forecast().p95()), cell(max), cell(percent(p.forecast().p95(), max)))));
		}
		return new DataTable("table-score-figures", message("dashboards.score.figures"),
				columns("dashboards.col.figure", "dashboards.col.score", "dashboards.col.maxScore", "dashboards.col.percent"),
				rows, null, 0);
	}

	static BigDecimal percent(BigDecimal part, BigDecimal whole) {
		return CommandDashboard.ScorePanel.percent(part, whole);
	}

	DataTable states(Map<ProblemStatus, Long> counts) {
		List<DataTable.Row> rows = new ArrayList<>();
		for (ProblemStatus s : ProblemStatus.values()) {
			String href = link("/problems/board", "status", s.name());
			rows.add(new DataTable.Row(message("problem.status." + s.name()), href,
					List.of(cell(counts.getOrDefault(s, 0L), href))));
		}
		return new DataTable("table-states", message("dashboards.panel.states.title"),
				columns("dashboards.col.state", "dashboards.col.problems"), rows, "bar", 1);
	}

	DataTable lights(ProblemFigures.Lights lights) {
		List<DataTable.Row> rows = new ArrayList<>();
		for (SlaLight l : SlaLight.values()) {
			String href = l == SlaLight.RED ? link("/problems/board", "overdue", "true")
					: link("/dashboard/problems", "light", l.name());
			rows.add(new DataTable.Row(message(l.messageKey()), href, List.of(cell(lights.of(l), href)), LIGHT_COLOURS.get(l)));
		}
		return new DataTable("table-lights", message("dashboards.panel.lights.title"),
				columns("dashboards.col.light", "dashboards.col.problems"), rows, "pie", 1);
	}

	DataTable trend(List<ProblemFigures.DayFlow> days) {
		List<DataTable.Row> rows = new ArrayList<>();
		for (ProblemFigures.DayFlow d : days) {
			rows.add(new DataTable.Row(d.day().toString(), null,
					List.of(cell(d.reported(), link("/dashboard/problems", "day", d.day(), "flow", "reported")),
							cell(d.closed(), link("/dashboard/problems", "day", d.day(), "flow", "closed")))));
		}
		return new DataTable("table-trend", message("dashboards.panel.trend.title"),
				columns("dashboards.col.day", "dashboards.col.reported", "dashboards.col.closed"), rows, "line", 2);
	}

	DataTable map(CommandDashboard.MapPanel m) {
		List<DataTable.Row> rows = List.of(
				new DataTable.Row(message("dashboards.map.quiet"), link("/points", "status", "ACTIVE"),
						List.of(cell(m.quiet(), link("/points", "status", "ACTIVE"))), "#198754"),
				new DataTable.Row(message("dashboards.map.problems"), "/points/map",
						List.of(cell(m.withOpenProblems(), "/points/map")), "#dc3545"),
				new DataTable.Row(message("dashboards.map.retired"), link("/points", "status", "RETIRED"),
						List.of(cell(m.retired(), link("/points", "status", "RETIRED"))), "#6c757d"));
		return new DataTable("table-map", message("dashboards.panel.map.title"),
				columns("dashboards.col.pointState", "dashboards.col.points"), rows, null, 1);
	}

	/**
	 * A ranking: the ranked entries best first with their composite index (the chart), grade, rank and flag; each name
	 * opens the unit's scorecard for the period. {@code limit}: at most this many rows (the panel), or all (export).
	 */
	DataTable rankings(org.chuangwen.scoring.Ranking ranking, int limit) {
		List<DataTable.Row> rows = new ArrayList<>();
		String period = ranking.period().kind().apiName();
		String date = ranking.period().from().toString();
		for (org.chuangwen.scoring.Ranking.Entry e : ranking.entries()) {
			if (e.rank() == null || rows.size() >= limit) {
				continue;
			}
			String href = ranking.category().isUnitType()
					? link("/evaluation/units/" + e.id(), "period", period, "date", date) : null;
			String flag = e.flag() == null ? "" : message("dashboards.flag." + e.flag());
			rows.add(new DataTable.Row(e.name(), href, List.of(cell(round1(e.index()), href),
					cell(e.grade() == null ? "" : e.grade().name()), cell(e.rank()), cell(flag)),
					"black".equals(e.flag()) ? "#374151" : "red".equals(e.flag()) ? "#b3261e" : null));
		}
		return new DataTable("table-rankings", message("dashboards.panel.rankings.caption", ranking.period().label()),
				columns("dashboards.col.unit", "dashboards.col.index", "dashboards.col.grade", "dashboards.col.rank",
						"dashboards.col.flag"), rows, "hbar", 1);
	}

	private static Double round1(Double value) {
		return value == null ? null : Math.round(value * 10) / 10.0;
	}

	DataTable worstPoints(List<CommandDashboard.WorstPoint> points) {
		List<DataTable.Row> rows = new ArrayList<>();
		for (CommandDashboard.WorstPoint w : points) {
			String href = link("/dashboard/problems", "point", w.pointId());
			String label = w.point() == null ? w.pointId().toString() : w.point().code() + " " + w.point().name();
			rows.add(new DataTable.Row(label, w.point() == null ? null : "/points/" + w.pointId(),
					List.of(cell(w.open(), href), cell(w.overdue(), href))));
		}
		return new DataTable("table-worst-points", message("dashboards.panel.worstPoints.title"),
				columns("dashboards.col.point", "dashboards.col.open", "dashboards.col.overdue"), rows, "hbar", 2);
	}

	DataTable overdue(Actor actor, Page<ProblemDirectory.Listed> page) {
		return problemList(actor, "table-overdue", message("dashboards.panel.overdue.title"), page.items());
	}

	/**
	 * A list of problems with their category, unit, state, deadline and light. The names are read once per table: the
	 * categories in one query, the units one by one for a short list and all the caller's units in one query for a
	 * long one (an export).
	 */
	DataTable problemList(Actor actor, String id, String caption, List<ProblemDirectory.Listed> items) {
		List<DataTable.Row> rows = new ArrayList<>();
		Map<UUID, String> units = new java.util.HashMap<>();
		if (items.size() > 50) {
			organisation.unitOptions(actor).forEach(u -> units.put(u.id(), u.name()));
		}
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> categoryNames = new java.util.HashMap<>();
		if (!items.isEmpty()) {
			categories.all().forEach(c -> categoryNames.put(c.code(), c.displayName(locale)));
		}
		Instant now = clock.instant();
		for (ProblemDirectory.Listed l : items) {
			Problem p = l.problem();
			String href = "/problems/" + p.id();
			String unit = p.unitId() == null ? ""
					: units.computeIfAbsent(p.unitId(), u -> organisation.unit(u).map(Unit::name).orElse(""));
			String overdueBy = p.deadline() != null && now.isAfter(p.deadline())
					? message("dashboards.overdueBy", java.time.Duration.between(p.deadline(), now).toHours() / 24,
							java.time.Duration.between(p.deadline(), now).toHours() % 24)
					: "";
			rows.add(new DataTable.Row(p.number(), href,
					List.of(cell(categoryNames.getOrDefault(p.categoryCode(), p.categoryCode())), cell(p.description()), cell(unit),
							cell(message("problem.status." + p.status().name())), cell(minute(p.deadline())),
							cell(l.light() == null ? "" : message(l.light().messageKey())), cell(overdueBy))));
		}
		return new DataTable(id, caption,
				columns("dashboards.col.number", "dashboards.col.category", "dashboards.col.description",
						"dashboards.col.unit", "dashboards.col.state", "dashboards.col.deadline", "dashboards.col.light",
						"dashboards.col.overdueBy"),
				rows, null, 0);
	}

	DataTable notices(List<Notice> notices, String id, String caption) {
		List<DataTable.Row> rows = new ArrayList<>();
		for (Notice n : notices) {
			rows.add(new DataTable.Row(n.number(), "/notices/" + n.id(),
					List.of(cell(message(n.kind().messageKey())), cell(n.unitName()), cell(minute(n.issuedAt())),
							cell(minute(n.deadline())), cell(message(n.state().messageKey())),
							cell(n.problems().size()))));
		}
		return new DataTable(id, caption,
				columns("dashboards.col.noticeNumber", "dashboards.col.noticeKind", "dashboards.col.unit",
						"dashboards.col.issuedAt", "dashboards.col.deadline", "dashboards.col.state",
						"dashboards.col.problems"),
				rows, null, 0);
	}

	// the weekly summary

	List<DataTable> weekly(WeeklySummary.Week w) {
		List<DataTable> tables = new ArrayList<>();
		ProblemFigures.PeriodFigures f = w.problems();
		String from = w.monday().toString();
		String to = w.sunday().toString();
		tables.add(new DataTable("table-week-problems", message("dashboards.weekly.problems"),
				columns("dashboards.col.figure", "dashboards.col.count"),
				List.of(new DataTable.Row(message("dashboards.weekly.reported"), null,
						List.of(cell(f.reported(), link("/dashboard/problems", "from", from, "to", to, "flow", "reported")))),
						new DataTable.Row(message("dashboards.weekly.closed"), null,
								List.of(cell(f.closed(), link("/dashboard/problems", "from", from, "to", to, "flow", "closed")))),
						new DataTable.Row(message("dashboards.weekly.closedOnTime"), null, List.of(cell(f.closedOnTime()))),
						new DataTable.Row(message("dashboards.weekly.fellOverdue"), null, List.of(cell(f.fellOverdue())))),
				"bar", 1));
		tables.add(notices(w.notices(), "table-week-notices", message("dashboards.weekly.notices")));
		List<DataTable.Row> rounds = new ArrayList<>();
		for (WeeklySummary.RoundLine r : w.rounds()) {
			rounds.add(new DataTable.Row(r.round().name(), "/scores/rounds/" + r.round().id(),
					List.of(cell(message("inspection.kind." + r.round().kind().name())),
							cell(message("inspection.status." + r.round().status().name())),
							cell(r.round().plannedOn() == null ? "" : r.round().plannedOn().toString()),
							cell(r.round().sampledPoints()), cell(r.round().observedPoints()),
							cell(r.score() == null ? null : r.score().score()),
							cell(r.score() == null ? null : r.score().percent()))));
		}
		tables.add(new DataTable("table-week-rounds", message("dashboards.weekly.rounds"),
				columns("dashboards.col.round", "dashboards.col.roundKind", "dashboards.col.state",
						"dashboards.col.plannedOn", "dashboards.col.sampled", "dashboards.col.observed",
						"dashboards.col.score", "dashboards.col.passRate"),
				rounds, null, 0));
		var t = w.tasks();
		tables.add(new DataTable("table-week-tasks", message("dashboards.weekly.tasks"),
				columns("dashboards.col.figure", "dashboards.col.count"),
				List.of(new DataTable.Row(message("dashboards.weekly.tasksTotal"), "/tasks/overview",
						List.of(cell(t.total() - t.cancelled()))),
						new DataTable.Row(message("dashboards.weekly.tasksAccepted"), "/tasks/overview",
								List.of(cell(t.accepted()))),
						new DataTable.Row(message("dashboards.weekly.tasksAcceptedPercent"), "/tasks/overview",
								List.of(cell(t.acceptedPercent()))),
						new DataTable.Row(message("dashboards.weekly.tasksOverdue"), "/tasks/overview",
								List.of(cell(t.overdue())))),
				null, 0));
		List<DataTable.Row> reports = new ArrayList<>();
		if (w.reports() != null) {
			var totals = w.reports().totals();
			String href = link("/reports/summary", "period", w.reports().date());
			reports.add(new DataTable.Row(message("dashboards.weekly.reportUnits"), href, List.of(cell(totals.units()))));
			reports.add(new DataTable.Row(message("reports.standing.ON_TIME"), href, List.of(cell(totals.onTime()))));
			reports.add(new DataTable.Row(message("reports.standing.LATE"), href, List.of(cell(totals.late()))));
			reports.add(new DataTable.Row(message("reports.standing.PENDING"), href, List.of(cell(totals.pending()))));
			reports.add(new DataTable.Row(message("reports.standing.MISSING"), href, List.of(cell(totals.missing()))));
			reports.add(new DataTable.Row(message("dashboards.weekly.punctuality"), href,
					List.of(cell(totals.units() == 0 ? null
							: BigDecimal.valueOf(totals.onTime() * 100L).divide(BigDecimal.valueOf(totals.units()), 1,
									java.math.RoundingMode.HALF_UP)))));
		}
		tables.add(new DataTable("table-week-reports", message("dashboards.weekly.reports"),
				columns("dashboards.col.figure", "dashboards.col.count"), reports, null, 0));
		return tables;
	}

	static LocalDate day(String text) {
		return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
	}
}
