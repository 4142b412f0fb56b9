package org.chuangwen.dashboards;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.chuangwen.escalation.Notice;
import org.chuangwen.escalation.NoticeDirectory;
import org.chuangwen.escalation.NoticeFilter;
import org.chuangwen.inspections.InspectionDirectory;
import org.chuangwen.inspections.InspectionRound;
import org.chuangwen.organisation.Actor;
import org.chuangwen.problems.ProblemFigures;
import org.chuangwen.scoring.ScoreGrouping;
import org.chuangwen.scoring.ScoreLine;
import org.chuangwen.scoring.ScoreQuery;
import org.chuangwen.scoring.ScoringDirectory;
import org.chuangwen.shared.DomainException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.tasks.ReportSummary;
import org.chuangwen.tasks.TaskCount;
import org.chuangwen.tasks.TaskDirectory;
import org.chuangwen.tasks.TaskFilter;
import org.chuangwen.tasks.WeeklyReportDirectory;
import org.springframework.stereotype.Service;

/**
 * The leader's weekly summary (DOMAIN §13), Monday to Sunday in the city's time zone, within the caller's scope: the
 * week's problems (reported, closed, of those on time, fell overdue), the notices issued, the inspection rounds held
 * and their scores, the tasks' completion now and the punctuality of the week's weekly reports (the tasks module's
 * report summary of the week's report day). A week that has not begun is refused; a week with nothing in it says so.
 */
@Service
public class WeeklySummary {

	/** A round held in the week (planned on, opened or closed in it) and its score so far (null: nothing observed). */
	public record RoundLine(InspectionRound round, ScoreLine score) {
	}

	/** The summary of one week. */
	public record Week(LocalDate monday, LocalDate sunday, ProblemFigures.PeriodFigures problems, List<Notice> notices,
			List<RoundLine> rounds, TaskCount tasks, ReportSummary reports, boolean current) {

		public LocalDate previous() {
			return monday.minusWeeks(1);
		}

		public LocalDate next() {
			return monday.plusWeeks(1);
		}

		/** Nothing at all happened in the week (the honest empty state, not zeros pretending to be figures). */
		public boolean isEmpty() {
			return problems.isEmpty() && notices.isEmpty() && rounds.isEmpty() && reports == null;
		}
	}

	/** At most this many notices are listed for a week. */
	static final int MAX_NOTICES = 200;

	private final ProblemFigures problems;

	private final NoticeDirectory notices;

	private final InspectionDirectory inspections;

	private final ScoringDirectory scoring;

	private final TaskDirectory tasks;

	private final WeeklyReportDirectory reports;

	private final CommandDashboard dashboard;

	WeeklySummary(ProblemFigures problems, NoticeDirectory notices, InspectionDirectory inspections,
			ScoringDirectory scoring, TaskDirectory tasks, WeeklyReportDirectory reports, CommandDashboard dashboard) {
		this.problems = problems;
		this.notices = notices;
		this.inspections = inspections;
		this.scoring = scoring;
		this.tasks = tasks;
		this.reports = reports;
		this.dashboard = dashboard;
	}

	/** The city's time zone (of the calendar weeks and days). */
	public ZoneId zone() {
		return reports.calendar().zone();
	}

	/** The Monday of the week containing the day (the current week when {@code null}). */
	public LocalDate mondayOf(LocalDate anyDay) {
		return (anyDay == null ? dashboard.today() : anyDay).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	public Week week(Actor actor, LocalDate anyDay) {
		DashboardAccess.require(actor);
		LocalDate monday = mondayOf(anyDay);
		LocalDate today = dashboard.today();
		if (monday.isAfter(today)) {
			throw new InvalidInputException("week", "dashboards.error.futureWeek");
		}
		LocalDate sunday = monday.plusDays(6);
		ZoneId zone = reports.calendar().zone();
		Instant from = monday.atStartOfDay(zone).toInstant();
		Instant to = monday.plusWeeks(1).atStartOfDay(zone).toInstant();
		ProblemFigures.PeriodFigures figures = problems.period(actor, from, to);
		List<Notice> issued = noticesIssued(actor, from, to);
		List<RoundLine> rounds = rounds(actor, monday, sunday, from, to);
		TaskCount taskCount = tasks.totals(actor, TaskFilter.none());
		ReportSummary summary = reportDay(actor, monday, sunday).map(day -> reports.summary(actor, day)).orElse(null);
		return new Week(monday, sunday, figures, issued, rounds, taskCount, summary, !today.isAfter(sunday));
	}

	private List<Notice> noticesIssued(Actor actor, Instant from, Instant to) {
		List<Notice> found = new ArrayList<>();
		ZoneId zone = reports.calendar().zone();
		int firstYear = from.atZone(zone).getYear();
		int lastYear = to.minusSeconds(1).atZone(zone).getYear();
		for (int year = lastYear; year >= firstYear; year--) {
			// newest first: page until the notices are older than the week
			for (int page = 0;; page++) {
				Page<Notice> p = notices.notices(actor, new NoticeFilter(null, null, year, null, null),
						new PageRequest(page, 100));
				boolean older = false;
				for (Notice n : p.items()) {
					if (n.issuedAt().isBefore(from)) {
						older = true;
						break;
					}
					if (n.issuedAt().isBefore(to) && found.size() < MAX_NOTICES) {
						found.add(n);
					}
				}
				if (older || p.items().size() < 100 || found.size() >= MAX_NOTICES) {
					break;
				}
			}
		}
		return found;
	}

	private List<RoundLine> rounds(Actor actor, LocalDate monday, LocalDate sunday, Instant from, Instant to) {
		List<RoundLine> lines = new ArrayList<>();
		for (InspectionRound r : inspections.rounds(actor, null, null, new PageRequest(0, PageRequest.MAX_SIZE)).items()) {
			boolean planned = r.plannedOn() != null && !r.plannedOn().isBefore(monday) && !r.plannedOn().isAfter(sunday);
			boolean opened = r.openedAt() != null && !r.openedAt().isBefore(from) && r.openedAt().isBefore(to);
			boolean closed = r.closedAt() != null && !r.closedAt().isBefore(from) && r.closedAt().isBefore(to);
			if (!(planned || opened || closed)) {
				continue;
			}
			ScoreLine score = null;
			try {
				score = scoring.scores(actor, new ScoreQuery(r.frameworkId(), r.id(), null, null, null, ScoreGrouping.DISTRICT),
						new PageRequest(0, 1)).total();
			}
			catch (DomainException ex) {
				// a round the caller sees but may not score (e.g. not yet closed for its scope): listed without a score
			}
			lines.add(new RoundLine(r, score));
		}
		return lines;
	}

	/** The week's report day with reports in the caller's scope, if any (the report summary is the tasks module's). */
	private Optional<LocalDate> reportDay(Actor actor, LocalDate monday, LocalDate sunday) {
		return reports.reportDays(actor, 60)
			.stream()
			.filter(d -> !d.isBefore(monday) && !d.isAfter(sunday))
			.findFirst();
	}
}
