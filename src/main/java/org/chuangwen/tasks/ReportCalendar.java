package org.chuangwen.tasks;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.chuangwen.notifications.ReminderLeadTimes;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.shared.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When reports fall due. Weekly mode: the report day is the configured weekday ({@code chuangwen.reports.weekday},
 * Friday; when that is a public holiday, the last working day of the week before it), the deadline its close time ({@code chuangwen.reports.close-time}, 17:30), in the city's time zone (the
 * clock's). Daily-report mode (日报告), from the date a campaign office sets for its jurisdiction node (the nearest node
 * up the tree wins): every working day of the city's calendar (shared.WorkingCalendar) is a report day. A period runs from the previous report day's
 * close to this one's, so periods never overlap or leave a gap, also where weekly mode turns daily. Drafts are made on
 * the report day at {@code chuangwen.reports.draft-time} (08:00).
 */
@Component
public class ReportCalendar {

	/** Which nodes report daily, and from when: a snapshot for one drafting run or one summary. */
	public static final class Modes {

		private final Map<UUID, LocalDate> dailyFrom;

		private final OrganisationDirectory organisation;

		private final Map<UUID, Optional<LocalDate>> resolved = new java.util.HashMap<>();

		Modes(Map<UUID, LocalDate> dailyFrom, OrganisationDirectory organisation) {
			this.dailyFrom = dailyFrom;
			this.organisation = organisation;
		}

		/** From when units on this node report daily (the nearest setting up the tree), if they do. */
		public Optional<LocalDate> dailyFrom(UUID jurisdictionId) {
			if (dailyFrom.isEmpty() || jurisdictionId == null) {
				return Optional.empty();
			}
			return resolved.computeIfAbsent(jurisdictionId, id -> {
				List<UUID> lineage = organisation.jurisdiction(id).map(Jurisdiction::lineage).orElse(List.of(id));
				for (int i = lineage.size() - 1; i >= 0; i--) {
					LocalDate from = dailyFrom.get(lineage.get(i));
					if (from != null) {
						return Optional.of(from);
					}
				}
				return Optional.empty();
			});
		}
	}

	private final WeeklyReportRepository repository;

	private final OrganisationDirectory organisation;

	private final Clock clock;

	private final DayOfWeek weekday;

	private final LocalTime closeTime;

	private final LocalTime draftTime;

	private final ReminderLeadTimes leadTimes;

	private final Predicate<LocalDate> workingDays;

	@Autowired
	ReportCalendar(WeeklyReportRepository repository, OrganisationDirectory organisation, Clock clock,
			WorkingCalendar workingCalendar,
			@Value("${chuangwen.reports.weekday:FRIDAY}") DayOfWeek weekday,
			@Value("${chuangwen.reports.close-time:17:30}") LocalTime closeTime,
			@Value("${chuangwen.reports.draft-time:08:00}") LocalTime draftTime,
			@Value("${chuangwen.reports.reminders.liaison:PT9H30M}") Duration liaison,
			@Value("${chuangwen.reports.reminders.head:PT3H}") Duration head,
			@Value("${chuangwen.reports.reminders.leader:PT1H}") Duration leader) {
		this(repository, organisation, clock, workingCalendar::isWorkingDay, weekday, closeTime, draftTime, liaison,
				head, leader);
	}

	/** A calendar whose working days are those of {@code workingDays} (tests give a fixed set of holidays). */
	ReportCalendar(WeeklyReportRepository repository, OrganisationDirectory organisation, Clock clock,
			Predicate<LocalDate> workingDays, DayOfWeek weekday, LocalTime closeTime, LocalTime draftTime,
			Duration liaison, Duration head, Duration leader) {
		this.workingDays = workingDays;
		this.repository = repository;
		this.organisation = organisation;
		this.clock = clock;
		this.weekday = weekday;
		this.closeTime = closeTime;
		this.draftTime = draftTime;
		if (!draftTime.isBefore(closeTime)) {
			throw new IllegalStateException("chuangwen.reports.draft-time must be before close-time");
		}
		this.leadTimes = new ReminderLeadTimes(liaison, head, leader);
	}

	public ZoneId zone() {
		return clock.getZone();
	}

	public DayOfWeek weekday() {
		return weekday;
	}

	public LocalTime closeTime() {
		return closeTime;
	}

	/** How long before a report's deadline the liaison, the unit head and the responsible leader are reminded. */
	public ReminderLeadTimes leadTimes() {
		return leadTimes;
	}

	/** The daily-report settings as they stand now. */
	public Modes modes() {
		return new Modes(repository.dailyFrom(), organisation);
	}

	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), zone());
	}

	public Instant close(LocalDate day) {
		return day.atTime(closeTime).atZone(zone()).toInstant();
	}

	public Instant draftTime(LocalDate day) {
		return day.atTime(draftTime).atZone(zone()).toInstant();
	}

	/**
	 * Whether a unit writes reports: every active unit except the campaign offices, who receive them. (Deactivated
	 * units keep the reports they wrote.)
	 */
	public static boolean reports(org.chuangwen.organisation.Unit unit) {
		return unit.active() && unit.type() != org.chuangwen.organisation.UnitType.CAMPAIGN_OFFICE;
	}

	static boolean isWeekday(LocalDate day) {
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/** A working day of the city's calendar (public holidays off, adjusted working weekends on). */
	boolean isWorkingDay(LocalDate day) {
		return workingDays.test(day);
	}

	/**
	 * Whether units on the node report on this day. Daily mode: every working day. Weekly: the report weekday, or when
	 * that is a holiday the last working day of the same week before it; a week without such a day has no report.
	 */
	public boolean isReportDay(Modes modes, UUID jurisdictionId, LocalDate day) {
		return kindOn(modes, jurisdictionId, day) == ReportKind.DAILY ? isWorkingDay(day)
				: weeklyReportDay(day).filter(day::equals).isPresent();
	}

	/** The weekly report day of the week holding {@code day}, if the week has one. */
	Optional<LocalDate> weeklyReportDay(LocalDate day) {
		LocalDate candidate = day.with(ChronoField.DAY_OF_WEEK, weekday.getValue());
		while (!isWorkingDay(candidate) && candidate.getDayOfWeek() != DayOfWeek.MONDAY) {
			candidate = candidate.minusDays(1);
		}
		return isWorkingDay(candidate) ? Optional.of(candidate) : Optional.empty();
	}

	ReportKind kindOn(Modes modes, UUID jurisdictionId, LocalDate day) {
		return modes.dailyFrom(jurisdictionId).filter(from -> !day.isBefore(from)).isPresent() ? ReportKind.DAILY
				: ReportKind.WEEKLY;
	}

	/** The period whose report is being written at {@code now}: the first report day whose close is still ahead. */
	public ReportPeriod current(Modes modes, UUID jurisdictionId, Instant now) {
		LocalDate day = LocalDate.ofInstant(now, zone());
		for (int i = 0; i < 15; i++, day = day.plusDays(1)) {
			if (isReportDay(modes, jurisdictionId, day) && close(day).isAfter(now)) {
				return periodOn(modes, jurisdictionId, day).orElseThrow();
			}
		}
		throw new IllegalStateException("no report day within two weeks");
	}

	/** The period that was due last before {@code now} (its close passed), if there is one within two weeks. */
	public Optional<ReportPeriod> previous(Modes modes, UUID jurisdictionId, Instant now) {
		LocalDate day = LocalDate.ofInstant(now, zone());
		for (int i = 0; i < 15; i++, day = day.minusDays(1)) {
			if (isReportDay(modes, jurisdictionId, day) && !close(day).isAfter(now)) {
				return periodOn(modes, jurisdictionId, day);
			}
		}
		return Optional.empty();
	}

	/** The period reported on this day, when it is a report day for the node. */
	public Optional<ReportPeriod> periodOn(Modes modes, UUID jurisdictionId, LocalDate day) {
		if (!isReportDay(modes, jurisdictionId, day)) {
			return Optional.empty();
		}
		LocalDate before = day.minusDays(1);
		for (int i = 0; i < 14 && !isReportDay(modes, jurisdictionId, before); i++) {
			before = before.minusDays(1);
		}
		return Optional.of(new ReportPeriod(kindOn(modes, jurisdictionId, day), day, close(before), close(day)));
	}
}
