package org.chuangwen.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.criteria.Campaign;
import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.demo.CriteriaDemo;
import org.chuangwen.demo.DemoCity;
import org.chuangwen.notifications.LadderFixtures.UnitWithPeople;
import org.chuangwen.notifications.NotificationCentre.NewNotification;
import org.chuangwen.organisation.Actor;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The accountability list, the offsets, the notification centre's scope, the countdown and the pages. */
@ChuangwenIntegrationTest
class NotificationsIntegrationTests {

	@Autowired
	LadderFixtures ladder;

	@Autowired
	Fixtures fixtures;

	@Autowired
	org.chuangwen.organisation.UserAccounts accounts;

	@Autowired
	Accountability accountability;

	@Autowired
	ReminderSettings settings;

	@Autowired
	ReminderSweep sweep;

	@Autowired
	NotificationCentre centre;

	@Autowired
	Countdown countdown;

	@Autowired
	CriteriaDirectory criteria;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Test
	void anOverdueDeadlineIsOnTheAccountabilityListUntilSettled() {
		UnitWithPeople u = ladder.aUnitWithPeople(DemoCity.CITY);
		Instant due = clock.instant().minus(Duration.ofHours(36));
		String task = ladder.track(u.unitId(), due, u.leader().id());

		var entries = accountability.overdue(fixtures.cityOffice(), u.unitId(), PageRequest.of(0, 50)).items();
		assertThat(entries).singleElement().satisfies(e -> {
			assertThat(e.subjectId()).isEqualTo(task);
			assertThat(e.daysOverdue()).isEqualTo(2);
			assertThat(e.unitHeadName()).isEqualTo(u.head().name());
			assertThat(e.liaisonName()).isEqualTo(u.liaison().name());
			assertThat(e.leaderName()).isEqualTo(u.leader().name());
		});
		assertThat(accountability.overdue(fixtures.actor("leader"), null, PageRequest.of(0, 500)).items())
			.anyMatch(e -> e.subjectId().equals(task));
		assertThat(accountability.overdueForExport(fixtures.districtOffice()))
			.as("a city-level unit is outside the district office's jurisdiction")
			.noneMatch(e -> e.subjectId().equals(task));
		assertThatThrownBy(() -> accountability.overdue(fixtures.urbanManagementAdmin(), null, PageRequest.of(0, 50)))
			.isInstanceOf(ForbiddenException.class);

		ladder.settle(task);
		assertThat(accountability.overdue(fixtures.cityOffice(), u.unitId(), PageRequest.of(0, 50)).items()).isEmpty();
	}

	@Test
	void daysOverdueCountAStartedDay() {
		Instant due = Instant.parse("2030-01-01T09:00:00Z");
		assertThat(Accountability.daysOverdue(due, due)).isZero();
		assertThat(Accountability.daysOverdue(due, due.plusSeconds(1))).isOne();
		assertThat(Accountability.daysOverdue(due, due.plus(Duration.ofDays(1)))).isOne();
		assertThat(Accountability.daysOverdue(due, due.plus(Duration.ofHours(25)))).isEqualTo(2);
	}

	@Test
	void offsetsMustFallAndNotBeNegative() {
		assertThat(new ReminderOffsets(7, 5, 3)).isEqualTo(ReminderOffsets.DEFAULT);
		assertThat(new ReminderOffsets(2, 1, 0).leaderDays()).isZero();
		assertThatThrownBy(() -> new ReminderOffsets(3, 5, 7)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> new ReminderOffsets(7, 7, 3)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> new ReminderOffsets(7, 5, -1)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> new ReminderOffsets(91, 5, 3)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void aDistrictOfficeSetsItsOwnOffsetsAndTheLadderFollowsThem() {
		Actor district = fixtures.districtOffice();
		ReminderSettings.Effective before = settings.effectiveFor(district);
		settings.change(district, new ReminderOffsets(10, 6, 2), before.version());
		ReminderSettings.Effective after = settings.effectiveFor(district);
		assertThat(after.own()).isTrue();
		assertThat(after.offsets()).isEqualTo(new ReminderOffsets(10, 6, 2));
		assertThatThrownBy(() -> settings.change(district, new ReminderOffsets(9, 6, 2), before.version()))
			.as("a stale form").isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> settings.change(fixtures.actor("leader"), new ReminderOffsets(9, 6, 2), 0))
			.isInstanceOf(ForbiddenException.class);
		assertThat(settings.effectiveFor(fixtures.cityOffice()).offsets()).as("the city keeps the default")
			.isEqualTo(ReminderOffsets.DEFAULT);

		UnitWithPeople u = ladder.aUnitWithPeople(DemoCity.STREET_EAST_1);
		assertThat(settings.offsetsFor(u.jurisdictionId())).isEqualTo(new ReminderOffsets(10, 6, 2));
		Instant due = Instant.parse("2032-03-01T01:00:00Z");
		String task = ladder.track(u.unitId(), due, u.leader().id());
		sweep.sweep(due.minus(Duration.ofDays(10)).minusSeconds(1));
		assertThat(ladder.notifiedAnyone(task)).isZero();
		sweep.sweep(due.minus(Duration.ofDays(10)));
		assertThat(ladder.notified(u.liaisonAccount(), task, ReminderStep.LIAISON)).isOne();
		sweep.sweep(due.minus(Duration.ofDays(3)));
		assertThat(ladder.notified(u.leaderAccount(), task, ReminderStep.LEADER)).as("leader at D−2 here").isZero();
		sweep.sweep(due.minus(Duration.ofDays(2)));
		assertThat(ladder.notified(u.leaderAccount(), task, ReminderStep.LEADER)).isOne();

		assertThat(jdbc.sql("select count(*) from audit_event where action = 'reminder.offsets.change'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void aUserSeesAndMarksOnlyTheirOwnNotifications() throws Exception {
		Actor streetAdmin = fixtures.actor("street_admin");
		Actor police = fixtures.actor("police_admin");
		UUID mine = transactions.execute(tx -> centre.post(streetAdmin.userId(),
				new NewNotification("NOTICE", null, null, "只给街道的通知", null, null, null)));
		assertThat(centre.inbox(police, false, PageRequest.of(0, 500)).items()).noneMatch(n -> n.id().equals(mine));
		assertThatThrownBy(() -> centre.markRead(police, mine)).isInstanceOf(NotFoundException.class);
		long unread = centre.unreadCount(streetAdmin);
		assertThat(centre.inbox(streetAdmin, true, PageRequest.of(0, 500)).items()).anyMatch(n -> n.id().equals(mine));

		mvc.perform(get("/api/v1/notifications").with(fixtures.signedInAs("police_admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(mine.toString()))));
		mvc.perform(post("/api/v1/notifications/" + mine + "/read").with(fixtures.signedInAs("police_admin")))
			.andExpect(status().isNotFound());
		// the whole inbox: sweeps of other tests at future instants put their reminders first
		mvc.perform(get("/api/v1/notifications").param("unread", "true").param("size", "500")
			.with(fixtures.signedInAs("street_admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value((int) unread))
			.andExpect(content().string(containsString("只给街道的通知")));
		mvc.perform(post("/api/v1/notifications/" + mine + "/read").with(fixtures.signedInAs("street_admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.read").value(true));
		assertThat(centre.unreadCount(streetAdmin)).isEqualTo(unread - 1);

		centre.markAllRead(streetAdmin);
		assertThat(centre.unreadCount(streetAdmin)).isZero();
	}

	@Test
	void thePageMarksOneReadInPlaceAndAllReadAtOnce() throws Exception {
		// an account of its own, so reminders other tests send to the demo unit admins do not crowd its inbox
		String reader = "notice_reader_" + Long.toHexString(System.nanoTime());
		accounts.createBySystem(new org.chuangwen.organisation.UserAccounts.NewUser(reader, "交警 通知阅读人", Fixtures.PASSWORD,
				java.util.EnumSet.of(org.chuangwen.organisation.Role.UNIT_STAFF),
				fixtures.actor("police_admin").unitId(), null, null), false);
		Actor police = fixtures.actor(reader);
		UUID one = transactions.execute(tx -> centre.post(police.userId(),
				new NewNotification("NOTICE", null, null, "交警支队通知一", null, null, null)));
		transactions.execute(tx -> centre.post(police.userId(),
				new NewNotification("NOTICE", null, null, "交警支队通知二", null, null, null)));
		mvc.perform(get("/notifications").with(fixtures.signedInAs(reader)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("交警支队通知一")));
		mvc.perform(post("/notifications/" + one + "/read").header("HX-Request", "true")
			.with(csrf())
			.with(fixtures.signedInAs(reader)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("n-" + one)))
			.andExpect(content().string(not(containsString("<html"))));
		assertThat(centre.markRead(police, one).isRead()).isTrue();
		mvc.perform(post("/notifications/" + one + "/read").with(csrf()).with(fixtures.signedInAs("street_admin")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/notifications/read-all").with(csrf()).with(fixtures.signedInAs(reader)))
			.andExpect(status().is3xxRedirection());
		assertThat(centre.unreadCount(police)).isZero();
		mvc.perform(get("/notifications/badge").with(fixtures.signedInAs(reader)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("rounded-pill"))));
	}

	@Test
	void countdownArithmetic() {
		LocalDate today = LocalDate.of(2026, 11, 25);
		assertThat(Countdown.daysUntil(today, LocalDate.of(2027, 3, 25))).isEqualTo(120);
		assertThat(Countdown.daysUntil(today, today)).isZero();
		assertThat(Countdown.daysUntil(today, today.minusDays(1))).isEqualTo(-1);
		assertThat(Countdown.daysUntil(LocalDate.of(2028, 2, 28), LocalDate.of(2028, 3, 1))).as("leap year").isEqualTo(2);
	}

	@Test
	void theDemoAssessmentIs120DaysAheadAndThePanelListsWhatIsOpenPerDay() {
		Countdown.Panel panel = countdown.panel(fixtures.cityOffice()).orElseThrow();
		assertThat(panel.daysLeft()).isEqualTo(120);
		assertThat(panel.assessmentDate()).isEqualTo(countdown.today().plusDays(120));
		assertThat(panel.overdue()).isGreaterThanOrEqualTo(2);
		assertThat(panel.days()).isNotEmpty();
		assertThat(panel.days()).isSortedAccordingTo(java.util.Comparator.comparing(Countdown.Day::date));
		assertThat(panel.days()).anySatisfy(d -> {
			assertThat(d.date()).isEqualTo(countdown.today().plusDays(2));
			assertThat(d.daysBeforeAssessment()).isEqualTo(118);
			assertThat(d.deadlines()).anyMatch(i -> i.title().equals("主次干道占道经营整治台账"));
		});
		assertThat(countdown.panel(fixtures.actor("leader"))).isPresent();
	}

	@Test
	void theOfficeSetsAnAssessmentDateWhichIsAuditedAndNotInThePast() {
		Campaign sanitary = criteria.campaigns(fixtures.cityOffice(), PageRequest.of(0, 500))
			.items()
			.stream()
			.filter(c -> c.code().equals(CriteriaDemo.CAMPAIGN_SANITARY))
			.findFirst()
			.orElseThrow();
		assertThatThrownBy(() -> countdown.setAssessmentDate(fixtures.cityOffice(), sanitary.id(),
				countdown.today().minusDays(1), -1)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> countdown.setAssessmentDate(fixtures.actor("leader"), sanitary.id(),
				countdown.today().plusDays(200), -1)).isInstanceOf(ForbiddenException.class);
		countdown.setAssessmentDate(fixtures.cityOffice(), sanitary.id(), countdown.today().plusDays(200), -1);
		assertThatThrownBy(() -> countdown.setAssessmentDate(fixtures.cityOffice(), sanitary.id(),
				countdown.today().plusDays(201), -1)).isInstanceOf(ConflictException.class);
		assertThat(countdown.history(fixtures.cityOffice(), sanitary.id())).anyMatch(e -> e.action().equals("assessment.date.set"));
		assertThat(countdown.panel(fixtures.cityOffice()).orElseThrow().daysLeft()).as("the nearest assessment")
			.isEqualTo(120);
	}

	@Test
	void pagesRenderAndAreScoped() throws Exception {
		mvc.perform(get("/notifications").with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("催报")));
		mvc.perform(get("/notifications").param("unread", "true").with(fixtures.signedInAs("office"))).andExpect(status().isOk());
		mvc.perform(get("/notifications/badge").with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("badge")));
		mvc.perform(get("/notifications/accountability").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("城市管理执法台账")));
		mvc.perform(get("/notifications/accountability").with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/notifications/accountability.xlsx").with(fixtures.signedInAs("leader")))
			.andExpect(status().isOk());
		mvc.perform(get("/notifications/countdown/panel").with(fixtures.signedInAs("leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("距测评还有")));
		mvc.perform(get("/notifications/countdown/panel").param("lang", "en").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("days to the assessment")));
		mvc.perform(get("/notifications/settings").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("设定测评日期")))
			.andExpect(content().string(containsString("全市模拟测评")));
		mvc.perform(get("/notifications/settings").with(fixtures.signedInAs("leader"))).andExpect(status().isForbidden());
		mvc.perform(post("/notifications/settings/offsets").param("liaisonDays", "3")
			.param("headDays", "5")
			.param("leaderDays", "x")
			.param("version", "-1")
			.with(csrf())
			.with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请输入整数天数")));
		mvc.perform(post("/notifications/settings/offsets").param("liaisonDays", "3")
			.param("headDays", "5")
			.param("leaderDays", "1")
			.param("version", "-1")
			.with(csrf())
			.with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("联络员的提前天数须大于一把手的")));
	}
}
