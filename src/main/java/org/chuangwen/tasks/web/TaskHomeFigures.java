package org.chuangwen.tasks.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.chuangwen.shared.web.HomeFigure;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Role;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.tasks.ReportPeriod;
import org.chuangwen.tasks.ReportSummary;
import org.chuangwen.tasks.Task;
import org.chuangwen.tasks.TaskCount;
import org.chuangwen.tasks.TaskDirectory;
import org.chuangwen.tasks.TaskFilter;
import org.chuangwen.tasks.TaskStatus;
import org.chuangwen.tasks.WeeklyReport;
import org.chuangwen.tasks.WeeklyReportDirectory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The task and weekly-report figures of the home page, as an htmx fragment ({@code GET /tasks/home/figures?role=…},
 * loaded by system's home page, which may not read tasks itself):
 * <ul>
 * <li>unit accounts: tasks in hand, due within 7 days, overdue, and where this period's report stands;</li>
 * <li>campaign office: tasks waiting for acceptance, overdue tasks, this period's reports submitted of all and the
 * reports missing last period;</li>
 * <li>leader: tasks accepted (share), overdue, and last period's reports on time, late and missing.</li>
 * </ul>
 */
@Controller
class TaskHomeFigures {


	private static final Set<TaskStatus> IN_HAND = EnumSet.of(TaskStatus.ISSUED, TaskStatus.CLAIMED,
			TaskStatus.IN_PROGRESS, TaskStatus.RETURNED);

	private final TaskDirectory tasks;

	private final WeeklyReportDirectory reports;

	private final MessageSource messages;

	TaskHomeFigures(TaskDirectory tasks, WeeklyReportDirectory reports, MessageSource messages) {
		this.tasks = tasks;
		this.reports = reports;
		this.messages = messages;
	}

	@GetMapping("/tasks/home/figures")
	String figures(@AuthenticationPrincipal Actor actor, @RequestParam String role, Model model) {
		Role as = actor.actingAs(role);
		TaskFilter none = new TaskFilter(null, null, null, null, null, null);
		List<HomeFigure> list = new ArrayList<>();
		switch (as) {
			case UNIT_ADMIN, UNIT_STAFF -> {
				Instant now = tasks.now();
				Instant week = now.plus(7, ChronoUnit.DAYS);
				List<Task> mine = tasks.tasks(actor, none, PageRequest.of(0, 500)).items();
				long inHand = mine.stream().filter(t -> IN_HAND.contains(t.status())).count();
				long dueSoon = mine.stream()
					.filter(t -> IN_HAND.contains(t.status()) && t.deadline() != null && !t.deadline().isBefore(now)
							&& t.deadline().isBefore(week))
					.count();
				long overdue = mine.stream()
					.filter(t -> IN_HAND.contains(t.status()) && t.deadline() != null && t.deadline().isBefore(now))
					.count();
				list.add(figure("tasksInHand", inHand, "/tasks", null));
				list.add(figure("tasksDueSoon", dueSoon, "/tasks", "warning"));
				list.add(figure("tasksOverdue", overdue, "/tasks?overdue=true", "danger"));
				list.add(ownReport(actor));
			}
			case OFFICE_ADMIN -> {
				TaskCount totals = tasks.totals(actor, none);
				list.add(figure("tasksToAccept", totals.submitted(), "/tasks?status=SUBMITTED", "warning"));
				list.add(figure("tasksOverdue", totals.overdue(), "/tasks?overdue=true", "danger"));
				ReportPeriod period = reports.currentPeriod(actor);
				if (period != null) {
					ReportSummary.Totals now = reports.summary(actor, period.date()).totals();
					list.add(new HomeFigure("reportsSubmitted", text("home.figure.tasks.reportsSubmitted", period.date()),
							(now.onTime() + now.late()) + " / " + now.units(), "/reports/summary?period=" + period.date(), null));
				}
				previousDay(actor, period).ifPresent(day -> {
					ReportSummary.Totals last = reports.summary(actor, day).totals();
					list.add(new HomeFigure("reportsMissing", text("home.figure.tasks.reportsMissing", day),
							String.valueOf(last.missing()), "/reports/summary?period=" + day, last.missing() > 0 ? "danger" : null));
				});
			}
			case LEADER -> {
				TaskCount totals = tasks.totals(actor, none);
				list.add(new HomeFigure("tasksAccepted", text("home.figure.tasks.tasksAccepted"),
						totals.accepted() + " / " + (totals.total() - totals.cancelled()) + "（" + totals.acceptedPercent() + "%）",
						"/tasks/overview", null));
				list.add(figure("tasksOverdue", totals.overdue(), "/tasks/overview", "danger"));
				previousDay(actor, reports.currentPeriod(actor)).ifPresent(day -> {
					ReportSummary.Totals last = reports.summary(actor, day).totals();
					list.add(new HomeFigure("reportsLast", text("home.figure.tasks.reportsLast", day),
							text("home.figure.tasks.reportsLastValue", last.onTime(), last.late(), last.missing()),
							"/reports/summary?period=" + day, last.missing() > 0 ? "danger" : null));
				});
			}
			default -> throw new ForbiddenException();
		}
		model.addAttribute("heading", text("home.figures.tasks"));
		model.addAttribute("figures", list);
		model.addAttribute("id", "figures-tasks-" + as.name());
		return "fragments/figures :: list(heading=${heading}, figures=${figures}, id=${id})";
	}

	/** Where the caller's unit's report of the current period stands, linking to it. */
	private HomeFigure ownReport(Actor actor) {
		ReportPeriod period = reports.currentPeriod(actor);
		if (period == null) {
			return new HomeFigure("report", text("home.figure.tasks.report"), text("home.figure.tasks.noReportDay"), "/reports", null);
		}
		Optional<WeeklyReport> report = reports.ownReport(actor, period.date());
		String label = text("home.figure.tasks.reportOf", period.date());
		if (report.isEmpty()) {
			return new HomeFigure("report", label, text("home.figure.tasks.reportNotDrafted"), "/reports", "warning");
		}
		WeeklyReport r = report.get();
		String state = text("reports.status." + r.status().name()) + (r.late() ? " · " + text("reports.standing.LATE") : "");
		String tone = switch (r.status()) {
			case SUBMITTED -> r.late() ? "warning" : "success";
			case RETURNED -> "danger";
			case DRAFT -> "warning";
		};
		return new HomeFigure("report", label, state, "/reports/" + r.id(), tone);
	}

	/**
	 * The last report day whose deadline has passed, for the caller's jurisdiction (from the report calendar, so reports
	 * drafted for other days do not move it).
	 */
	private Optional<LocalDate> previousDay(Actor actor, ReportPeriod current) {
		var calendar = reports.calendar();
		return calendar.previous(calendar.modes(), actor.jurisdictionId(), reports.now()).map(ReportPeriod::date);
	}

	private HomeFigure figure(String key, long value, String href, String tone) {
		return HomeFigure.count(key, text("home.figure.tasks." + key), value, href, tone);
	}

	private String text(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, args, key, locale);
	}

}
