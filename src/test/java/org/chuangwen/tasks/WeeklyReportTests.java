package org.chuangwen.tasks;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.notifications.ReminderLeadTimes;
import org.chuangwen.notifications.ReminderStep;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Role;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report's verbs and the report calendar, without Spring. */
class WeeklyReportTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final LocalDate FRIDAY = LocalDate.of(2031, 3, 7);

	static final UUID UNIT = UUID.randomUUID();

	static final Actor UNIT_ADMIN = new Actor(UUID.randomUUID(), "a", "a", Set.of(Role.UNIT_ADMIN), UNIT, null, "/c/");

	static final Actor OTHER_UNIT = new Actor(UUID.randomUUID(), "b", "b", Set.of(Role.UNIT_ADMIN), UUID.randomUUID(),
			null, "/c/");

	static final Actor OFFICE = new Actor(UUID.randomUUID(), "o", "o", Set.of(Role.OFFICE_ADMIN), null, UUID.randomUUID(),
			"/c/");

	static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).atZone(ZONE).toInstant();
	}

	static WeeklyReport aDraftWithOneUnfinishedTask(UUID task) {
		return new WeeklyReport(UUID.randomUUID(), UNIT, "U-1", "单位", "/c/d/", ReportKind.WEEKLY, FRIDAY,
				at(FRIDAY.minusDays(7), 17, 30), at(FRIDAY, 17, 30), ReportStatus.DRAFT, "", "", "", 0, 1, 1,
				at(FRIDAY, 8, 0), null, null, false, null, null, 0, 0, List.of(new WeeklyReportItem(task, false, "任务",
						null, at(FRIDAY.minusDays(2), 23, 59), TaskStatus.CLAIMED, true, "", 0)));
	}

	@Test
	void submittingNeedsAReasonForEveryUnfinishedTaskAndMarksLateSubmissions() {
		UUID task = UUID.randomUUID();
		WeeklyReport draft = aDraftWithOneUnfinishedTask(task);
		assertThatThrownBy(() -> draft.submit(UNIT_ADMIN, at(FRIDAY, 10, 0))).isInstanceOf(InvalidInputException.class);
		WeeklyReport edited = draft.edit(UNIT_ADMIN, new WeeklyReportEdit("情况", null, "建议", Map.of(task, " 资金未到位 "), null));
		assertThat(edited.undoneItems().get(0).reason()).isEqualTo("资金未到位");
		assertThat(edited.submit(UNIT_ADMIN, at(FRIDAY, 17, 30)).late()).isFalse();
		WeeklyReport late = edited.submit(UNIT_ADMIN, at(FRIDAY, 17, 31));
		assertThat(late.late()).isTrue();
		assertThat(late.status()).isEqualTo(ReportStatus.SUBMITTED);
		assertThatThrownBy(() -> late.edit(UNIT_ADMIN, new WeeklyReportEdit("x", null, null, Map.of(), null)))
			.isInstanceOf(RuleViolationException.class);
		assertThatThrownBy(() -> late.submit(UNIT_ADMIN, at(FRIDAY, 18, 0))).isInstanceOf(RuleViolationException.class);
	}

	@Test
	void onlyTheUnitWritesAndOnlyTheOfficeReturnsASubmittedReport() {
		UUID task = UUID.randomUUID();
		WeeklyReport draft = aDraftWithOneUnfinishedTask(task);
		assertThatThrownBy(() -> draft.edit(OTHER_UNIT, new WeeklyReportEdit("x", null, null, Map.of(), null)))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> draft.edit(UNIT_ADMIN, new WeeklyReportEdit(null, null, null,
				Map.of(UUID.randomUUID(), "不在报告中"), null))).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> draft.returnTo(OFFICE, "理由", at(FRIDAY, 18, 0))).isInstanceOf(RuleViolationException.class);
		WeeklyReport sent = draft.edit(UNIT_ADMIN, new WeeklyReportEdit(null, null, null, Map.of(task, "原因"), null))
			.submit(UNIT_ADMIN, at(FRIDAY, 9, 0));
		assertThatThrownBy(() -> sent.returnTo(UNIT_ADMIN, "理由", at(FRIDAY, 18, 0))).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> sent.returnTo(OFFICE, " ", at(FRIDAY, 18, 0))).isInstanceOf(InvalidInputException.class);
		WeeklyReport returned = sent.returnTo(OFFICE, "请细化", at(FRIDAY, 18, 0));
		assertThat(returned.isEditable()).isTrue();
		WeeklyReport again = returned.submit(UNIT_ADMIN, at(FRIDAY.plusDays(1), 9, 0));
		assertThat(again.late()).as("a resubmission keeps the first submission's mark").isFalse();
		assertThat(again.submissions()).isEqualTo(2);
	}

	private static ReportCalendar calendar() {
		return calendar(Set.of());
	}

	/** Monday to Friday are working days except the given holidays. */
	private static ReportCalendar calendar(Set<LocalDate> holidays) {
		return new ReportCalendar(null, null, Clock.system(ZONE),
				day -> ReportCalendar.isWeekday(day) && !holidays.contains(day), DayOfWeek.FRIDAY, LocalTime.of(17, 30),
				LocalTime.of(8, 0), Duration.ofMinutes(570), Duration.ofHours(3), Duration.ofHours(1));
	}

	@Test
	void aFridayHolidayMovesTheWeeklyReportToTheLastWorkingDayBefore() {
		ReportCalendar calendar = calendar(Set.of(FRIDAY, FRIDAY.minusDays(1)));
		ReportCalendar.Modes weekly = new ReportCalendar.Modes(Map.of(), null);
		ReportPeriod period = calendar.current(weekly, null, at(FRIDAY.minusDays(4), 10, 0));
		assertThat(period.date()).isEqualTo(FRIDAY.minusDays(2));
		assertThat(calendar.isReportDay(weekly, null, FRIDAY)).isFalse();
		ReportPeriod next = calendar.current(weekly, null, at(FRIDAY.minusDays(2), 18, 0));
		assertThat(next.date()).as("the week after reports on its Friday again").isEqualTo(FRIDAY.plusDays(7));
		assertThat(next.start()).isEqualTo(calendar.close(FRIDAY.minusDays(2)));
	}

	@Test
	void aWeekOfHolidaysHasNoWeeklyReportAndDailyModeSkipsHolidays() {
		LocalDate monday = FRIDAY.minusDays(4);
		Set<LocalDate> week = Set.of(monday, monday.plusDays(1), monday.plusDays(2), monday.plusDays(3), FRIDAY);
		ReportCalendar calendar = calendar(week);
		ReportCalendar.Modes weekly = new ReportCalendar.Modes(Map.of(), null);
		ReportPeriod period = calendar.current(weekly, null, at(monday, 10, 0));
		assertThat(period.date()).isEqualTo(FRIDAY.plusDays(7));
		assertThat(period.start()).isEqualTo(calendar.close(FRIDAY.minusDays(7)));
	}

	@Test
	void weeklyPeriodsRunFromFridayCloseToFridayClose() {
		ReportCalendar calendar = calendar();
		ReportCalendar.Modes weekly = new ReportCalendar.Modes(Map.of(), null);
		ReportPeriod wednesday = calendar.current(weekly, null, at(FRIDAY.minusDays(2), 10, 0));
		assertThat(wednesday).isEqualTo(new ReportPeriod(ReportKind.WEEKLY, FRIDAY, at(FRIDAY.minusDays(7), 17, 30),
				at(FRIDAY, 17, 30)));
		assertThat(calendar.current(weekly, null, at(FRIDAY, 17, 29)).date()).isEqualTo(FRIDAY);
		assertThat(calendar.current(weekly, null, at(FRIDAY, 17, 30)).date()).isEqualTo(FRIDAY.plusDays(7));
		assertThat(calendar.previous(weekly, null, at(FRIDAY, 17, 30)).orElseThrow().date()).isEqualTo(FRIDAY);
		assertThat(calendar.periodOn(weekly, null, FRIDAY.minusDays(1))).isEmpty();
	}

	@Test
	void leadTimesFallAndStayWithinAWeek() {
		ReminderLeadTimes lead = new ReminderLeadTimes(Duration.ofMinutes(570), Duration.ofHours(3), Duration.ofHours(1));
		Instant due = at(FRIDAY, 17, 30);
		assertThat(lead.firesAt(ReminderStep.LIAISON, due)).isEqualTo(at(FRIDAY, 8, 0));
		assertThat(lead.firesAt(ReminderStep.LEADER, due)).isEqualTo(at(FRIDAY, 16, 30));
		assertThatThrownBy(() -> new ReminderLeadTimes(Duration.ofHours(1), Duration.ofHours(3), Duration.ZERO))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> new ReminderLeadTimes(Duration.ofDays(8), Duration.ofHours(3), Duration.ZERO))
			.isInstanceOf(InvalidInputException.class);
	}
}
