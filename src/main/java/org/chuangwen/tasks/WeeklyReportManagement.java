package org.chuangwen.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.audit.AuditActor;
import org.chuangwen.audit.AuditTrail;
import org.chuangwen.notifications.ReminderLadder;
import org.chuangwen.notifications.TrackedDeadline;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationDirectory.UnitFilter;
import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.Unit;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commands on weekly (and daily) reports: drafting from the unit's tasks (by the scheduled job for every active unit,
 * or on demand by the unit), editing, submitting, returning, and the daily-report setting. Each command is one
 * transaction writing the report, its audit record and its deadline for the reminder ladder (subject
 * {@value #SUBJECT}) together. A unit has at most one report per report day: the database's unique key decides who
 * drafted first, so two instances (or a click racing the job) never make two.
 */
@Service
public class WeeklyReportManagement {

	/** The reminder ladder's subject type for a unit's report. */
	public static final String SUBJECT = "WEEKLY_REPORT";

	private static final Logger log = LoggerFactory.getLogger(WeeklyReportManagement.class);

	private final WeeklyReportRepository repository;

	private final ReportCalendar calendar;

	private final OrganisationDirectory organisation;

	private final ReminderLadder reminders;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	WeeklyReportManagement(WeeklyReportRepository repository, ReportCalendar calendar, OrganisationDirectory organisation,
			ReminderLadder reminders, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
		this.repository = repository;
		this.calendar = calendar;
		this.organisation = organisation;
		this.reminders = reminders;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The same commands at the instants of another clock (tests, the demo city's history). */
	public WeeklyReportManagement at(Clock other) {
		return new WeeklyReportManagement(repository, calendar, organisation, reminders, audit, transactions, other);
	}

	// drafting

	/**
	 * The job's work at {@code now}: drafts the current period's report of every active unit whose report day has
	 * reached its draft time, and the last period's of units that have none (the job did not run then). Each draft is
	 * its own transaction; a unit that already has one is skipped. Answers how many drafts this call created.
	 */
	public int draftDue(Instant now) {
		ReportCalendar.Modes modes = calendar.modes();
		List<Unit> units = organisation.unitsForExport(null, new UnitFilter(null, null, null, true))
			.stream()
			.map(OrganisationDirectory.UnitSummary::unit)
			.filter(ReportCalendar::reports)
			.toList();
		Map<LocalDate, List<Unit>> byDay = new LinkedHashMap<>();
		Map<UUID, Map<LocalDate, ReportPeriod>> periods = new HashMap<>();
		for (Unit unit : units) {
			List<ReportPeriod> due = new ArrayList<>();
			ReportPeriod current = calendar.current(modes, unit.jurisdictionId(), now);
			if (!now.isBefore(calendar.draftTime(current.date()))) {
				due.add(current);
			}
			calendar.previous(modes, unit.jurisdictionId(), now)
				.filter(p -> p.end().isAfter(now.minus(Duration.ofDays(7))))
				.ifPresent(due::add);
			for (ReportPeriod p : due) {
				byDay.computeIfAbsent(p.date(), d -> new ArrayList<>()).add(unit);
				periods.computeIfAbsent(unit.id(), id -> new HashMap<>()).put(p.date(), p);
			}
		}
		int created = 0;
		Map<UUID, String> paths = new HashMap<>();
		for (Map.Entry<LocalDate, List<Unit>> day : byDay.entrySet()) {
			Set<UUID> done = repository.unitsWithReport(day.getKey(), day.getValue().stream().map(Unit::id).toList());
			for (Unit unit : day.getValue()) {
				if (done.contains(unit.id())) {
					continue;
				}
				ReportPeriod period = periods.get(unit.id()).get(day.getKey());
				String path = paths.computeIfAbsent(unit.jurisdictionId(),
						id -> organisation.jurisdiction(id).map(Jurisdiction::path).orElse(null));
				if (path == null) {
					continue;
				}
				try {
					Boolean inserted = transactions.execute(tx -> draft(AuditActor.SYSTEM, unit, path, period, now).inserted());
					if (Boolean.TRUE.equals(inserted)) {
						created++;
					}
				}
				catch (RuntimeException ex) {
					log.warn("Drafting the {} report of unit {} failed; the next run tries again", period.date(), unit.code(),
							ex);
				}
			}
		}
		return created;
	}

	/**
	 * The unit drafts its report on demand ("生成草稿"): for the current period, or for a past report day whose report is
	 * missing. An existing report is answered as it is. Only the unit's own administrators and staff (403).
	 */
	@Transactional
	public WeeklyReport draft(Actor actor, LocalDate day) {
		if (actor == null || actor.unitId() == null || !actor.hasAny(Role.UNIT_ADMIN, Role.UNIT_STAFF)) {
			throw new ForbiddenException("reports.forbidden.unit");
		}
		Unit unit = organisation.unitFor(actor, actor.unitId());
		if (!ReportCalendar.reports(unit)) {
			throw new RuleViolationException("reports.unit.notReporting");
		}
		ReportCalendar.Modes modes = calendar.modes();
		Instant now = now();
		ReportPeriod current = calendar.current(modes, unit.jurisdictionId(), now);
		ReportPeriod period;
		if (day == null || day.equals(current.date())) {
			period = current;
		}
		else if (day.isAfter(current.date())) {
			throw new InvalidInputException("period", "reports.period.future", day.toString());
		}
		else {
			period = calendar.periodOn(modes, unit.jurisdictionId(), day)
				.orElseThrow(() -> new InvalidInputException("period", "reports.period.notReportDay", day.toString()));
		}
		String path = organisation.jurisdiction(unit.jurisdictionId()).orElseThrow().path();
		return draft(null, unit, path, period, now).report();
	}

	private record Drafted(WeeklyReport report, boolean inserted) {
	}

	/** Drafts one unit's report unless it has one; must run inside a transaction. {@code by}: null for the caller. */
	private Drafted draft(AuditActor by, Unit unit, String path, ReportPeriod period, Instant now) {
		List<WeeklyReportItem> items = repository.draftItems(unit.id(), period, dueBy(period), now);
		int done = (int) items.stream().filter(WeeklyReportItem::done).count();
		int overdue = (int) items.stream().filter(WeeklyReportItem::overdue).count();
		WeeklyReport report = new WeeklyReport(Ids.newId(clock), unit.id(), unit.code(), unit.name(), path, period.kind(),
				period.date(), period.start(), period.end(), ReportStatus.DRAFT, "", "", "", done, items.size() - done,
				overdue, now, null, null, false, null, null, 0, 0, items);
		if (!repository.insertIfAbsent(report)) {
			return new Drafted(repository.find(unit.id(), period.date()).orElseThrow(), false);
		}
		if (by == null) {
			audit.record("report.drafted", "weeklyReport", report.id(), null, snapshot(report), null);
		}
		else {
			audit.record(by, "report.drafted", "weeklyReport", report.id(), null, snapshot(report), null);
		}
		reminders.track(deadline(report, report.periodEnd()));
		return new Drafted(report, true);
	}

	/** Tasks due on the report day are the period's, though they are not late at its close. */
	private Instant dueBy(ReportPeriod period) {
		return period.date().plusDays(1).atStartOfDay(calendar.zone()).toInstant();
	}

	private TrackedDeadline deadline(WeeklyReport report, Instant due) {
		String title = (report.kind() == ReportKind.DAILY ? "日报告 " : "周报告 ")
				+ DateTimeFormatter.ISO_LOCAL_DATE.format(report.periodDate()) + " " + report.unitName();
		return new TrackedDeadline(SUBJECT, report.id().toString(), title, report.unitId(), due, null,
				calendar.leadTimes());
	}

	// the unit's edits

	/** Saves the unit's edit of a draft or returned report. 409 when the version is stale, 422 once submitted. */
	@Transactional
	public WeeklyReport edit(Actor actor, UUID reportId, WeeklyReportEdit edit) {
		WeeklyReport report = visibleReport(actor, reportId);
		checkVersion(report, edit.expectedVersion());
		WeeklyReport next = report.edit(actor, edit);
		write(next, report.version(), false);
		audit.record("report.edited", "weeklyReport", report.id(), snapshot(report), snapshot(next), null);
		return WeeklyReportRepository.written(next);
	}

	/**
	 * Saves the edit (when given) and submits, in one step: every unfinished task needs its reason (400). Late when
	 * after the period's close. Settles the report's deadline on the reminder ladder.
	 */
	@Transactional
	public WeeklyReport submit(Actor actor, UUID reportId, WeeklyReportEdit edit) {
		WeeklyReport report = visibleReport(actor, reportId);
		checkVersion(report, edit == null ? null : edit.expectedVersion());
		WeeklyReport edited = edit == null ? report : report.edit(actor, edit);
		WeeklyReport next = edited.submit(actor, now());
		write(next, report.version(), false);
		audit.record("report.submitted", "weeklyReport", report.id(), snapshot(report), snapshot(next),
				next.late() ? "late" : null);
		reminders.settle(SUBJECT, report.id().toString());
		return WeeklyReportRepository.written(next);
	}

	/**
	 * Drafts the tasks of a draft or returned report again from the data as it stands (a draft made early in the week
	 * misses what was done since); reasons already written are kept.
	 */
	@Transactional
	public WeeklyReport refresh(Actor actor, UUID reportId, Integer expectedVersion) {
		WeeklyReport report = visibleReport(actor, reportId);
		checkVersion(report, expectedVersion);
		if (!report.isWrittenBy(actor)) {
			throw new ForbiddenException("reports.forbidden.unit");
		}
		if (!report.isEditable()) {
			throw new RuleViolationException("reports.edit.submitted");
		}
		Instant now = now();
		List<WeeklyReportItem> fresh = repository.draftItems(report.unitId(), report.period(), dueBy(report.period()), now);
		WeeklyReport next = report.redrafted(fresh, (int) fresh.stream().filter(WeeklyReportItem::overdue).count());
		write(next, report.version(), true);
		audit.record("report.refreshed", "weeklyReport", report.id(), snapshot(report), snapshot(next), null);
		return WeeklyReportRepository.written(next);
	}

	// the office

	/**
	 * The campaign office returns a submitted report with a reason. The unit is reminded again: by the period's close
	 * when it is still ahead, otherwise within a day.
	 */
	@Transactional
	public WeeklyReport returnTo(Actor actor, UUID reportId, String reason, Integer expectedVersion) {
		WeeklyReport report = visibleReport(actor, reportId);
		checkVersion(report, expectedVersion);
		Instant now = now();
		WeeklyReport next = report.returnTo(actor, reason, now);
		write(next, report.version(), false);
		audit.record("report.returned", "weeklyReport", report.id(), snapshot(report), snapshot(next),
				next.returnReason());
		Instant due = report.periodEnd().isAfter(now) ? report.periodEnd() : now.plus(Duration.ofDays(1));
		reminders.track(deadline(next, due));
		return WeeklyReportRepository.written(next);
	}

	/** The daily-report setting at the caller's node: {@code version} as shown (-1: none yet). */
	public record DailyMode(LocalDate dailyFrom, boolean own, int version) {
	}

	@Transactional(readOnly = true)
	public DailyMode dailyMode(Actor actor) {
		requireOffice(actor);
		Optional<WeeklyReportRepository.Schedule> own = repository.schedule(actor.jurisdictionId());
		if (own.isPresent()) {
			return new DailyMode(own.get().dailyFrom(), true, own.get().version());
		}
		return new DailyMode(calendar.modes().dailyFrom(actor.jurisdictionId()).orElse(null), false, -1);
	}

	/**
	 * Switches the caller's jurisdiction to daily reports from {@code from} (or back to weekly reports with
	 * {@code null}). Audited; 409 when the setting changed meanwhile. A start before today is refused (400): past
	 * periods stay as they were reported.
	 */
	@Transactional
	public void changeDailyMode(Actor actor, LocalDate from, int version) {
		requireOffice(actor);
		DailyMode before = dailyMode(actor);
		if (from != null && from.isBefore(calendar.today())) {
			throw new InvalidInputException("dailyFrom", "reports.dailyFrom.past", from.toString());
		}
		boolean changed;
		if (!before.own() && version < 0) {
			changed = from == null || repository.insertSchedule(actor.jurisdictionId(), from);
		}
		else if (from == null) {
			changed = repository.deleteSchedule(actor.jurisdictionId(), version);
		}
		else {
			changed = repository.updateSchedule(actor.jurisdictionId(), from, version);
		}
		if (!changed) {
			throw stale("object.reportSchedule");
		}
		audit.record("report.schedule.change", "reportSchedule", actor.jurisdictionId(),
				Map.of("dailyFrom", before.own() && before.dailyFrom() != null ? before.dailyFrom().toString() : ""),
				Map.of("dailyFrom", from == null ? "" : from.toString()), null);
	}

	// shared

	/** The report if the caller may read it: the unit's own accounts, offices and leaders over it; 404 otherwise. */
	WeeklyReport visibleReport(Actor actor, UUID reportId) {
		requireReader(actor);
		OrganisationScope scope = organisation.scopeOf(actor);
		WeeklyReport report = repository.find(reportId).orElseThrow(() -> new NotFoundException("weeklyReport", reportId));
		boolean visible = scope.isUnitBound() ? scope.unitId().equals(report.unitId())
				: scope.seesJurisdiction(report.jurisdictionPath());
		if (!visible) {
			throw new NotFoundException("weeklyReport", reportId);
		}
		return report;
	}

	/** Reports are read by the units that write them, campaign offices and leaders; other roles are refused (403). */
	static void requireReader(Actor actor) {
		boolean unit = actor != null && actor.isUnitBound();
		if (!unit && (actor == null || !actor.hasAny(Role.OFFICE_ADMIN, Role.LEADER))) {
			throw new ForbiddenException("reports.forbidden.read");
		}
	}

	private static void requireOffice(Actor actor) {
		if (actor == null || !actor.has(Role.OFFICE_ADMIN) || actor.jurisdictionId() == null) {
			throw new ForbiddenException("reports.forbidden.office");
		}
	}

	private void write(WeeklyReport next, int expectedVersion, boolean itemsChanged) {
		if (!repository.update(next, expectedVersion, itemsChanged)) {
			throw stale("object.weeklyReport");
		}
	}

	private static void checkVersion(WeeklyReport report, Integer expected) {
		if (expected != null && expected != report.version()) {
			throw stale("object.weeklyReport");
		}
	}

	private static ConflictException stale(String object) {
		return new ConflictException("error.staleVersion",
				new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] { object }, object));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static Map<String, Object> snapshot(WeeklyReport r) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("unit", r.unitCode());
		state.put("period", r.periodDate().toString());
		state.put("kind", r.kind().name());
		state.put("status", r.status().name());
		state.put("late", r.late());
		state.put("done", r.doneCount());
		state.put("undone", r.undoneCount());
		state.put("overdue", r.overdueCount());
		state.put("summary", r.summary());
		state.put("plans", r.plans());
		state.put("suggestions", r.suggestions());
		Map<String, String> reasons = new LinkedHashMap<>();
		for (WeeklyReportItem item : r.undoneItems()) {
			reasons.put(item.taskId().toString(), item.reason());
		}
		state.put("reasons", reasons);
		state.put("returnReason", r.returnReason());
		state.put("version", r.version());
		return state;
	}
}
