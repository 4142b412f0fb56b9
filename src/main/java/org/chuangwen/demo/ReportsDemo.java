package org.chuangwen.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationDirectory.UnitFilter;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.Unit;
import org.chuangwen.organisation.UserAccounts;
import org.chuangwen.tasks.ReportCalendar;
import org.chuangwen.tasks.ReportPeriod;
import org.chuangwen.tasks.WeeklyReport;
import org.chuangwen.tasks.WeeklyReportEdit;
import org.chuangwen.tasks.WeeklyReportItem;
import org.chuangwen.tasks.WeeklyReportManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo city's weekly reports: the last {@value #PAST_WEEKS} weeks drafted on their Friday mornings from the demo
 * tasks (which were worked on over those weeks) and submitted by every reporting unit with reasons for its unfinished
 * tasks — most on time, some late; in the latest week {@value #MISSING_UNIT} did not submit (missing, on the
 * accountability list) and the traffic police's report was returned once and submitted again. The current period has
 * drafts. Replayed at past instants through {@link WeeklyReportManagement#at}.
 */
@Component
class ReportsDemo implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(ReportsDemo.class);

	static final int PAST_WEEKS = 4;

	/** The unit whose latest weekly report is missing. */
	static final String MISSING_UNIT = "U-LJ-01-02";

	/** The unit whose latest weekly report the office returned once. */
	static final String RETURNED_UNIT = DemoCity.UNIT_TRAFFIC_POLICE;

	private static final String[] REASONS = { "涉及多个部门，正在会商整治方案，预计下周完成。", "整改资金尚未到位，已向财政部门申请专项经费。",
			"点位整治工程正在施工，受降雨天气影响工期顺延。", "台账资料正在收集整理，部分活动照片需补拍。", "责任人岗位调整，工作交接中，已明确新的责任人。",
			"需等待上级部门审批后方可实施。" };

	private static final String[] PLANS = { "继续推进未完成任务，重点做好点位常态化管理和台账整理。", "组织开展一次集中整治行动，对照测评标准逐项自查。",
			"召开创文工作推进会，压实各科室和责任人责任。" };

	private static final String[] SUGGESTIONS = { "建议市创文办协调交警、城管部门联合整治背街小巷乱停乱放问题。",
			"建议统一制作公益广告模板，减少各单位重复设计。", "建议对测评标准中口径不清的条目组织一次集中解读。", "" , "" };

	private final WeeklyReportManagement reports;

	private final ReportCalendar calendar;

	private final OrganisationDirectory organisation;

	private final UserAccounts accounts;

	private final Clock clock;

	ReportsDemo(WeeklyReportManagement reports, ReportCalendar calendar, OrganisationDirectory organisation,
			UserAccounts accounts, Clock clock) {
		this.reports = reports;
		this.calendar = calendar;
		this.organisation = organisation;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 45;
	}

	@Override
	public void load(DemoContext context) {
		long started = System.nanoTime();
		Random random = new Random(context.random().nextLong());
		Actor office = accounts.actorFor("office");
		Map<UUID, Actor> unitActors = new HashMap<>();
		for (String username : List.of("unit_admin", "street_admin", "police_admin")) {
			Actor a = accounts.actorFor(username);
			unitActors.put(a.unitId(), a);
		}
		List<Unit> units = organisation.unitsForExport(null, new UnitFilter(null, null, null, true))
			.stream()
			.map(OrganisationDirectory.UnitSummary::unit)
			.filter(ReportCalendar::reports)
			.sorted(Comparator.comparing(Unit::code))
			.toList();
		Instant now = clock.instant();
		UUID city = context.jurisdiction(DemoCity.CITY);
		ReportCalendar.Modes modes = calendar.modes();
		List<ReportPeriod> past = new ArrayList<>();
		Instant before = now;
		for (int i = 0; i < PAST_WEEKS; i++) {
			ReportPeriod p = calendar.previous(modes, city, before).orElseThrow();
			past.add(0, p);
			before = p.start();
		}
		int drafted = 0;
		int submitted = 0;
		for (ReportPeriod period : past) {
			boolean latest = period == past.get(past.size() - 1);
			Instant draftAt = calendar.draftTime(period.date());
			for (Unit unit : units) {
				Actor actor = unitActors.computeIfAbsent(unit.id(), id -> unitActor(unit));
				WeeklyReport draft = at(draftAt.plusSeconds(random.nextInt(600))).draft(actor, period.date());
				drafted++;
				if (latest && unit.code().equals(MISSING_UNIT)) {
					continue;
				}
				boolean late = random.nextInt(100) < 10;
				Instant submitAt = late ? period.end().plus(Duration.ofHours(15 + random.nextInt(48)))
						: draftAt.plus(Duration.ofMinutes(60 + random.nextInt(8 * 60)));
				if (submitAt.isAfter(now)) {
					submitAt = now.minusSeconds(60); // the latest Friday was only just now
				}
				WeeklyReport sent = at(submitAt).submit(actor, draft.id(), edit(draft, random));
				submitted++;
				if (latest && unit.code().equals(RETURNED_UNIT) && submitAt.plus(Duration.ofHours(5)).isBefore(now)) {
					Instant returnedAt = submitAt.plus(Duration.ofHours(2));
					at(returnedAt).returnTo(office, sent.id(), "未完成任务的原因过于笼统，请写明具体困难和预计完成时间。", null);
					at(returnedAt.plus(Duration.ofHours(3))).submit(actor, sent.id(), new WeeklyReportEdit(null, null, null,
							reasons(draft, random, "（已细化）预计两周内完成。"), null));
				}
			}
		}
		for (Unit unit : units) {
			reports.draft(unitActors.computeIfAbsent(unit.id(), id -> unitActor(unit)), null);
			drafted++;
		}
		log.info("Demo reports loaded: {} drafted, {} submitted over {} weeks for {} units in {} ms", drafted, submitted,
				PAST_WEEKS, units.size(), (System.nanoTime() - started) / 1_000_000);
	}

	private WeeklyReportEdit edit(WeeklyReport draft, Random random) {
		String summary = "本期召开创文工作推进会 1 次，开展集中整治行动 " + (1 + random.nextInt(4)) + " 次，出动人员 "
				+ (10 + random.nextInt(90)) + " 人次；完成任务 " + draft.doneCount() + " 项。";
		return new WeeklyReportEdit(summary, PLANS[random.nextInt(PLANS.length)],
				SUGGESTIONS[random.nextInt(SUGGESTIONS.length)], reasons(draft, random, ""), null);
	}

	private static Map<UUID, String> reasons(WeeklyReport draft, Random random, String suffix) {
		Map<UUID, String> reasons = new HashMap<>();
		for (WeeklyReportItem item : draft.undoneItems()) {
			reasons.put(item.taskId(), REASONS[random.nextInt(REASONS.length)] + suffix);
		}
		return reasons;
	}

	private WeeklyReportManagement at(Instant instant) {
		return reports.at(Clock.fixed(instant, clock.getZone()));
	}

	/** An account of the unit's own (its administrator) for units without a demo login, as the task history uses. */
	private Actor unitActor(Unit unit) {
		String path = organisation.jurisdiction(unit.jurisdictionId()).orElseThrow().path();
		UUID user = UUID.nameUUIDFromBytes(("demo-unit-admin:" + unit.code()).getBytes(StandardCharsets.UTF_8));
		return new Actor(user, "demo-" + unit.code(), unit.name() + "管理员", Set.of(Role.UNIT_ADMIN), unit.id(),
				unit.jurisdictionId(), path);
	}
}
