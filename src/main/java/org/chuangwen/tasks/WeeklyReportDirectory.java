package org.chuangwen.tasks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.audit.AuditEvent;
import org.chuangwen.audit.AuditTrail;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationDirectory.UnitFilter;
import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.Unit;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.tasks.ReportSummary.Line;
import org.chuangwen.tasks.ReportSummary.Standing;
import org.chuangwen.tasks.ReportSummary.Suggestion;
import org.chuangwen.tasks.ReportSummary.Totals;
import org.chuangwen.tasks.ReportSummary.Unfinished;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queries on weekly and daily reports, always within the caller's scope: a unit's accounts see their unit's reports;
 * campaign offices (OFFICE_ADMIN) and leaders (LEADER, read-only) the reports of the units in their jurisdiction, with
 * one summary per report day for leaders (page and Excel). Other roles are refused (403).
 */
@Service
@Transactional(readOnly = true)
public class WeeklyReportDirectory {

	private final WeeklyReportRepository repository;

	private final WeeklyReportManagement management;

	private final ReportCalendar calendar;

	private final OrganisationDirectory organisation;

	private final AuditTrail audit;

	private final Clock clock;

	WeeklyReportDirectory(WeeklyReportRepository repository, WeeklyReportManagement management, ReportCalendar calendar,
			OrganisationDirectory organisation, AuditTrail audit, Clock clock) {
		this.repository = repository;
		this.management = management;
		this.calendar = calendar;
		this.organisation = organisation;
		this.audit = audit;
		this.clock = clock;
	}

	public Instant now() {
		return clock.instant();
	}

	public ReportCalendar calendar() {
		return calendar;
	}

	public WeeklyReport report(Actor actor, UUID id) {
		return management.visibleReport(actor, id);
	}

	public List<AuditEvent> history(Actor actor, UUID id) {
		management.visibleReport(actor, id);
		return audit.historyOf("weeklyReport", id, 100);
	}

	/** The period being reported now, for the caller's unit (unit accounts) or the caller's jurisdiction. */
	public ReportPeriod currentPeriod(Actor actor) {
		WeeklyReportManagement.requireReader(actor);
		UUID node = actor.unitId() != null && actor.isUnitBound()
				? organisation.unit(actor.unitId()).map(Unit::jurisdictionId).orElse(actor.jurisdictionId())
				: actor.jurisdictionId();
		return calendar.current(calendar.modes(), node, clock.instant());
	}

	/** The caller's own unit's report of that day, if drafted. Unit accounts only. */
	public Optional<WeeklyReport> ownReport(Actor actor, LocalDate day) {
		requireUnit(actor);
		return repository.find(actor.unitId(), day);
	}

	/** The caller's own unit's reports, newest first. */
	public Page<WeeklyReport> ownReports(Actor actor, PageRequest page) {
		requireUnit(actor);
		long total = repository.countOfUnit(actor.unitId());
		return Page.of(total == 0 ? List.of() : repository.ofUnit(actor.unitId(), page), page, total);
	}

	/** The reports of one report day in the caller's scope (a unit: its own), with their tasks. */
	public List<WeeklyReport> reports(Actor actor, LocalDate day) {
		WeeklyReportManagement.requireReader(actor);
		OrganisationScope scope = organisation.scopeOf(actor);
		List<WeeklyReport> headers = repository.reportsOn(day, scope);
		Map<UUID, List<WeeklyReportItem>> items = repository.itemsOf(headers.stream().map(WeeklyReport::id).toList());
		return headers.stream().map(r -> WeeklyReportRepository.withItems(r, items.getOrDefault(r.id(), List.of()))).toList();
	}

	/** Report days with reports in the caller's scope, newest first (at most {@code limit}). */
	public List<LocalDate> reportDays(Actor actor, int limit) {
		WeeklyReportManagement.requireReader(actor);
		return repository.reportDays(organisation.scopeOf(actor), limit);
	}

	/**
	 * The summary of one report day for the caller's jurisdiction (campaign offices and leaders; 403 for units): a line
	 * per unit that reports that day (every active unit for which it is a report day, and any unit with a report), the
	 * totals, the unfinished tasks with reasons and the suggestions of submitted reports.
	 */
	public ReportSummary summary(Actor actor, LocalDate day) {
		requireOffice(actor);
		Instant now = clock.instant();
		List<WeeklyReport> reports = reports(actor, day);
		Map<UUID, WeeklyReport> byUnit = new LinkedHashMap<>();
		reports.forEach(r -> byUnit.put(r.unitId(), r));
		ReportCalendar.Modes modes = calendar.modes();
		List<Line> lines = new ArrayList<>();
		for (OrganisationDirectory.UnitSummary u : organisation.unitsForExport(actor, new UnitFilter(null, null, null, true))) {
			Unit unit = u.unit();
			WeeklyReport r = byUnit.remove(unit.id());
			if (r != null) {
				lines.add(line(r, now));
			}
			else if (ReportCalendar.reports(unit) && calendar.isReportDay(modes, unit.jurisdictionId(), day)) {
				Instant deadline = calendar.close(day);
				lines.add(new Line(unit.id(), unit.code(), unit.name(), null, null,
						now.isAfter(deadline) ? Standing.MISSING : Standing.PENDING, null, 0, 0, 0));
			}
		}
		byUnit.values().forEach(r -> lines.add(line(r, now))); // units made inactive since
		lines.sort(Comparator.comparing((Line l) -> l.standing().ordinal()).reversed()
			.thenComparing(Line::unitName)
			.thenComparing(Line::unitCode));
		int[] t = new int[8];
		for (Line l : lines) {
			t[0]++;
			t[1 + l.standing().ordinal()]++;
			t[5] += l.done();
			t[6] += l.undone();
			t[7] += l.overdue();
		}
		List<Unfinished> unfinished = new ArrayList<>();
		List<Suggestion> suggestions = new ArrayList<>();
		for (WeeklyReport r : reports) {
			if (r.status() != ReportStatus.SUBMITTED) {
				continue;
			}
			for (WeeklyReportItem i : r.undoneItems()) {
				unfinished.add(new Unfinished(r.unitName(), r.id(), i.taskId(), i.title(), i.standardCode(), i.deadline(),
						i.overdue(), i.reason()));
			}
			if (!r.summary().isBlank() || !r.plans().isBlank() || !r.suggestions().isBlank()) {
				suggestions.add(new Suggestion(r.unitName(), r.id(), r.summary(), r.plans(), r.suggestions()));
			}
		}
		unfinished.sort(Comparator.comparing(Unfinished::unitName).thenComparing(Unfinished::deadline));
		suggestions.sort(Comparator.comparing(Suggestion::unitName));
		return new ReportSummary(day, calendar.close(day), lines, new Totals(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]),
				unfinished, suggestions);
	}

	private static Line line(WeeklyReport r, Instant now) {
		Standing standing = r.status() == ReportStatus.SUBMITTED ? (r.late() ? Standing.LATE : Standing.ON_TIME)
				: r.isMissing(now) ? Standing.MISSING : Standing.PENDING;
		return new Line(r.unitId(), r.unitCode(), r.unitName(), r.id(), r.status(), standing, r.submittedAt(), r.doneCount(),
				r.undoneCount(), r.overdueCount());
	}

	/** The summary as an Excel workbook: the per-unit sheet with totals, the unfinished tasks, the suggestions. */
	public byte[] summaryWorkbook(Actor actor, LocalDate day, Function<String, String> label) {
		ReportSummary s = summary(actor, day);
		DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(calendar.zone());
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet units = workbook.createSheet(label.apply("reports.summary.sheet.units"));
			header(units, label, "reports.field.unitCode", "reports.field.unit", "reports.field.standing",
					"reports.field.submittedAt", "reports.field.done", "reports.field.undone", "reports.field.overdue");
			int r = 1;
			for (Line l : s.lines()) {
				Row row = units.createRow(r++);
				row.createCell(0).setCellValue(l.unitCode());
				row.createCell(1).setCellValue(l.unitName());
				row.createCell(2).setCellValue(label.apply(l.standing().messageKey()));
				row.createCell(3).setCellValue(l.submittedAt() == null ? "" : time.format(l.submittedAt()));
				row.createCell(4).setCellValue(l.done());
				row.createCell(5).setCellValue(l.undone());
				row.createCell(6).setCellValue(l.overdue());
			}
			Row total = units.createRow(r + 1);
			total.createCell(0).setCellValue(label.apply("reports.summary.total"));
			total.createCell(1).setCellValue(s.totals().units());
			total.createCell(2).setCellValue(label.apply("reports.standing.ON_TIME") + " " + s.totals().onTime() + " / "
					+ label.apply("reports.standing.LATE") + " " + s.totals().late() + " / "
					+ label.apply("reports.standing.PENDING") + " " + s.totals().pending() + " / "
					+ label.apply("reports.standing.MISSING") + " " + s.totals().missing());
			total.createCell(4).setCellValue(s.totals().done());
			total.createCell(5).setCellValue(s.totals().undone());
			total.createCell(6).setCellValue(s.totals().overdue());
			widths(units, 16, 30, 12, 18, 10, 10, 10);

			Sheet open = workbook.createSheet(label.apply("reports.summary.sheet.unfinished"));
			header(open, label, "reports.field.unit", "reports.field.task", "reports.field.standard",
					"reports.field.deadline", "reports.field.overdue", "reports.field.reason");
			r = 1;
			for (Unfinished u : s.unfinished()) {
				Row row = open.createRow(r++);
				row.createCell(0).setCellValue(u.unitName());
				row.createCell(1).setCellValue(u.title());
				row.createCell(2).setCellValue(u.standardCode() == null ? "" : u.standardCode());
				row.createCell(3).setCellValue(time.format(u.deadline()));
				row.createCell(4).setCellValue(u.overdue() ? label.apply("reports.yes") : "");
				row.createCell(5).setCellValue(u.reason());
			}
			widths(open, 24, 50, 12, 18, 8, 60);

			Sheet text = workbook.createSheet(label.apply("reports.summary.sheet.suggestions"));
			header(text, label, "reports.field.unit", "reports.field.summary", "reports.field.plans",
					"reports.field.suggestions");
			r = 1;
			for (Suggestion g : s.suggestions()) {
				Row row = text.createRow(r++);
				row.createCell(0).setCellValue(g.unitName());
				row.createCell(1).setCellValue(g.summary());
				row.createCell(2).setCellValue(g.plans());
				row.createCell(3).setCellValue(g.suggestions());
			}
			widths(text, 24, 50, 50, 50);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void header(Sheet sheet, Function<String, String> label, String... keys) {
		Row head = sheet.createRow(0);
		for (int i = 0; i < keys.length; i++) {
			head.createCell(i).setCellValue(label.apply(keys[i]));
		}
		sheet.createFreezePane(0, 1);
	}

	private static void widths(Sheet sheet, int... chars) {
		for (int i = 0; i < chars.length; i++) {
			sheet.setColumnWidth(i, chars[i] * 256);
		}
	}

	private static void requireUnit(Actor actor) {
		if (actor == null || !actor.isUnitBound()) {
			throw new ForbiddenException("reports.forbidden.unit");
		}
	}

	private static void requireOffice(Actor actor) {
		if (actor == null || actor.isUnitBound() || !actor.hasAny(Role.OFFICE_ADMIN, Role.LEADER)) {
			throw new ForbiddenException("reports.forbidden.read");
		}
	}
}
