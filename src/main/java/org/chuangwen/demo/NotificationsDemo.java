package org.chuangwen.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.chuangwen.criteria.Campaign;
import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.notifications.Countdown;
import org.chuangwen.notifications.NotificationCentre;
import org.chuangwen.notifications.NotificationCentre.NewNotification;
import org.chuangwen.notifications.ReminderLadder;
import org.chuangwen.notifications.ReminderSweep;
import org.chuangwen.notifications.TrackedDeadline;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.UserAccounts;
import org.chuangwen.shared.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The demo city's countdown and reminders: the civilized-city assessment 120 days after the demo starts, a short daily
 * schedule, a few material deadlines of their own (two already overdue, so the accountability list is not empty; some
 * within the ladder, some later), one sweep of the ladder at load time (so the unit admins have reminders), and a
 * notice to the office and the leader. The ladder keeps the default offsets (7/5/3 days).
 */
@Component
class NotificationsDemo implements DemoStep {

	/** Days from the demo start to the assessment of the civilized-city campaign. */
	static final int DAYS_TO_ASSESSMENT = 120;

	private final CriteriaDirectory criteria;

	private final Countdown countdown;

	private final ReminderLadder ladder;

	private final ReminderSweep sweep;

	private final NotificationCentre centre;

	private final OrganisationDirectory organisation;

	private final UserAccounts accounts;

	private final Clock clock;

	NotificationsDemo(CriteriaDirectory criteria, Countdown countdown, ReminderLadder ladder, ReminderSweep sweep,
			NotificationCentre centre, OrganisationDirectory organisation, UserAccounts accounts, Clock clock) {
		this.criteria = criteria;
		this.countdown = countdown;
		this.ladder = ladder;
		this.sweep = sweep;
		this.centre = centre;
		this.organisation = organisation;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public void load(DemoContext c) {
		LocalDate today = LocalDate.now(clock);
		LocalDate assessment = today.plusDays(DAYS_TO_ASSESSMENT);
		Campaign civilized = criteria.campaigns(null, PageRequest.of(0, PageRequest.MAX_SIZE))
			.items()
			.stream()
			.filter(x -> x.code().equals(CriteriaDemo.CAMPAIGN_CIVILIZED))
			.findFirst()
			.orElseThrow();
		countdown.setAssessmentDate(null, civilized.id(), assessment, -1);
		countdown.addScheduleItem(null, civilized.id(), today.plusDays(7), "全市公益广告点位自查完成，问题清零");
		countdown.addScheduleItem(null, civilized.id(), today.plusDays(30), "各单位台账资料按测评体系归档，报市创文办审核");
		countdown.addScheduleItem(null, civilized.id(), assessment.minusDays(14), "全市模拟测评（第三方测评组）");
		countdown.addScheduleItem(null, civilized.id(), assessment.minusDays(1), "各责任单位点位最后一次全面检查");

		Instant now = clock.instant();
		UUID urban = c.unit(DemoCity.UNIT_URBAN_MANAGEMENT);
		UUID street = c.unit(DemoCity.UNIT_STREET_EAST_1);
		UUID police = c.unit(DemoCity.UNIT_TRAFFIC_POLICE);
		UUID leader = organisation.unit(urban).map(u -> u.mainLeaderId()).orElse(null);
		track("demo-m1", "城市管理执法台账（2026年第三季度）", urban, at(today.minusDays(10)), leader);
		track("demo-m2", "背街小巷环境卫生整治方案及照片", street, at(today.minusDays(3)), null);
		track("demo-m3", "主次干道占道经营整治台账", urban, at(today.plusDays(2)), leader);
		track("demo-m4", "交通秩序文明劝导志愿服务记录", police, at(today.plusDays(6)), null);
		track("demo-m5", "社区新时代文明实践站活动记录", street, at(today.plusDays(20)), null);
		track("demo-m6", "公益广告设置情况统计表", urban, at(today.plusDays(60)), null);
		sweep.sweep(now);

		String notice = "测评日期已设定为 " + assessment + "，距测评还有 " + DAYS_TO_ASSESSMENT + " 天，请各单位对照每日安排抓紧落实";
		for (String username : new String[] { "office", "district_office", "leader" }) {
			boolean office = !username.equals("leader");
			centre.post(accounts.actorFor(username).userId(), new NewNotification("NOTICE", null, null, notice, null,
					null, office ? "/notifications/settings" : null));
		}
	}

	private Instant at(LocalDate day) {
		return day.atTime(LocalTime.of(17, 30)).atZone(clock.getZone()).toInstant().plus(Duration.ZERO);
	}

	private void track(String id, String title, UUID unit, Instant due, UUID leader) {
		ladder.track(new TrackedDeadline("material", id, title, unit, due, leader));
	}
}
