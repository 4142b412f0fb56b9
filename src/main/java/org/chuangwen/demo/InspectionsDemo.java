package org.chuangwen.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.criteria.Standard;
import org.chuangwen.inspections.InspectionDirectory;
import org.chuangwen.inspections.InspectionManagement;
import org.chuangwen.inspections.InspectionRound;
import org.chuangwen.inspections.NewRound;
import org.chuangwen.inspections.ObservationResult;
import org.chuangwen.inspections.RoundKind;
import org.chuangwen.inspections.SampledPoint;
import org.chuangwen.inspections.SamplingQuota;
import org.chuangwen.inspections.SamplingRule;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.UserAccounts;
import org.chuangwen.problems.Problem;
import org.chuangwen.problems.ProblemDirectory;
import org.chuangwen.problems.ProblemFilter;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo city's inspections (after the escalation ladder, order 80): a second inspector so that teams of two can be
 * formed; the official sampling rule (87 points over the 26 point types, as one district's 2021 mock assessment), a
 * weekly-check rule and a patrol rule; and about three months of closed rounds — eight weekly checks, four patrols,
 * two mock assessments and one upper-level feedback — entered with their results as past rounds. A non-compliant item
 * is the demo problem found at that point around that day (linked to it), so the rounds agree with the problems;
 * other items are compliant, some with a deduction. Today there is one open weekly check (partly done) and a mock
 * assessment planned for next week. Deterministic for the seed.
 */
@Component
class InspectionsDemo implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(InspectionsDemo.class);

	/** The second demo inspector (password as every demo account). */
	public static final String SECOND_INSPECTOR = "inspector2";

	public static final String OFFICIAL_RULE = "全国文明城市测评实地点位抽样（87个点位）";

	public static final String WEEKLY_RULE = "周检查抽样（20个点位）";

	public static final String PATROL_RULE = "日巡查抽样（8个点位）";

	/** The official rule's quotas: 87 points over the 26 point types. */
	static final int[] OFFICIAL_COUNTS = { 3, 3, 3, 3, 6, 3, 3, 5, 3, 3, 4, 4, 3, 3, 3, 3, 3, 3, 5, 5, 4, 3, 2, 3, 2, 2 };

	private final InspectionManagement management;

	private final InspectionDirectory directory;

	private final CriteriaDirectory criteria;

	private final ProblemDirectory problems;

	private final UserAccounts accounts;

	private final Clock clock;

	InspectionsDemo(InspectionManagement management, InspectionDirectory directory, CriteriaDirectory criteria,
			ProblemDirectory problems, UserAccounts accounts, Clock clock) {
		this.management = management;
		this.directory = directory;
		this.criteria = criteria;
		this.problems = problems;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 80;
	}

	@Override
	public void load(DemoContext context) {
		if (!directory.samplingRules().isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		accounts.createBySystem(new UserAccounts.NewUser(SECOND_INSPECTOR, "督查员 钱明", DemoCity.DEMO_PASSWORD,
				EnumSet.of(Role.INSPECTOR), context.unit(DemoCity.UNIT_CITY_OFFICE), context.jurisdiction(DemoCity.CITY),
				null), false);
		Actor office = accounts.actorFor("office");
		List<SamplingQuota> quotas = new ArrayList<>();
		for (int i = 0; i < OFFICIAL_COUNTS.length; i++) {
			quotas.add(new SamplingQuota("P%02d".formatted(i + 1), null, OFFICIAL_COUNTS[i]));
		}
		SamplingRule official = management.createRule(office, OFFICIAL_RULE, true, quotas);
		SamplingRule weekly = management.createRule(office, WEEKLY_RULE, false,
				List.of(new SamplingQuota("P05", null, 4), new SamplingQuota("P08", null, 3),
						new SamplingQuota("P19", null, 3), new SamplingQuota("P20", null, 4),
						new SamplingQuota("P21", null, 3), new SamplingQuota("P24", null, 3)));
		SamplingRule patrol = management.createRule(office, PATROL_RULE, false, List.of(
				new SamplingQuota("P20", null, 3), new SamplingQuota("P22", null, 3), new SamplingQuota("P25", null, 2)));
		if (management.defaultFramework(office).isEmpty()) {
			log.info("Demo inspections: no active framework, no rounds");
			return;
		}
		Actor inspector = accounts.actorFor("inspector");
		Actor inspector2 = accounts.actorFor(SECOND_INSPECTOR);
		List<List<UUID>> team = List.of(List.of(inspector.userId(), inspector2.userId()));
		Random random = new Random(context.random().nextLong());
		ZoneId zone = clock.getZone();
		LocalDate today = LocalDate.now(clock);
		History history = new History(random, problemsByPoint(office));

		int rounds = 0;
		int observations = 0;
		for (int w = 8; w >= 1; w--) {
			LocalDate day = today.minusWeeks(w);
			observations += past(office, "第" + (9 - w) + "周周检查（" + day + "）", RoundKind.WEEKLY_CHECK, weekly, day,
					team, zone, history);
			rounds++;
		}
		for (int d : new int[] { 24, 10, 6, 3 }) {
			LocalDate day = today.minusDays(d);
			observations += past(office, "背街小巷日巡查（" + day + "）", RoundKind.DAILY_PATROL, patrol, day, team, zone,
					history);
			rounds++;
		}
		observations += past(office, "第一次模拟测评", RoundKind.MOCK_ASSESSMENT, official, today.minusDays(40), team, zone,
				history);
		observations += past(office, "第二次模拟测评", RoundKind.MOCK_ASSESSMENT, official, today.minusDays(12), team, zone,
				history);
		observations += past(office, "省级测评反馈（年度测评）", RoundKind.UPPER_LEVEL, weekly, today.minusDays(20), List.of(),
				zone, history);
		rounds += 3;

		// today: an open weekly check, partly done, and a mock assessment planned for next week
		InspectionManagement now = management.at(Clock.fixed(at(today, 8, 30, zone), zone));
		InspectionRound open = now.plan(office, new NewRound("本周周检查（" + today + "）", RoundKind.WEEKLY_CHECK, null,
				today, team, weekly.id(), history.seed()));
		now.open(office, open.id());
		List<SampledPoint> points = directory.detail(office, open.id()).points();
		List<InspectionManagement.PastObservation> done = new ArrayList<>();
		for (SampledPoint p : points.subList(0, Math.min(3, points.size()))) {
			for (Standard s : history.standards(open.frameworkId(), p.typeCode())) {
				done.add(new InspectionManagement.PastObservation(p.pointId(), s.id(), ObservationResult.COMPLIANT, null, "",
						null, at(today, 9, 0, zone)));
			}
		}
		observations += now.enterPastResults(office, open.id(), done);
		now.plan(office, new NewRound("第三次模拟测评", RoundKind.MOCK_ASSESSMENT, null, today.plusDays(5), team,
				official.id(), history.seed()));
		rounds += 2;
		log.info("Demo inspections: {} rounds, {} observations ({} problems linked) in {} ms", rounds, observations,
				history.linked.size(), (System.nanoTime() - started) / 1_000_000);
	}

	/** A closed round of a past day: planned the day before, opened in the morning, results, closed at 17:30. */
	private int past(Actor office, String name, RoundKind kind, SamplingRule rule, LocalDate day, List<List<UUID>> team,
			ZoneId zone, History history) {
		InspectionManagement before = management.at(Clock.fixed(at(day.minusDays(1), 16, 0, zone), zone));
		InspectionRound round = before.plan(office, new NewRound(name, kind, null, day, team, rule.id(), history.seed()));
		InspectionManagement during = management.at(Clock.fixed(at(day, 8, 30, zone), zone));
		during.open(office, round.id());
		List<InspectionManagement.PastObservation> results = new ArrayList<>();
		int minute = 0;
		for (SampledPoint p : directory.detail(office, round.id()).points()) {
			Instant observedAt = at(day, 9, 0, zone).plus(Duration.ofMinutes(minute));
			minute += 6;
			results.addAll(history.resultsAt(round.frameworkId(), p, day, observedAt, zone));
		}
		int saved = during.enterPastResults(office, round.id(), results);
		management.at(Clock.fixed(at(day, 17, 30, zone), zone)).close(office, round.id());
		return saved;
	}

	private Map<UUID, List<Problem>> problemsByPoint(Actor office) {
		Map<UUID, List<Problem>> byPoint = new HashMap<>();
		int page = 0;
		Page<ProblemDirectory.Listed> listed;
		do {
			listed = problems.problems(office, ProblemFilter.none(), new PageRequest(page++, PageRequest.MAX_SIZE));
			for (ProblemDirectory.Listed l : listed.items()) {
				if (l.problem().pointId() != null) {
					byPoint.computeIfAbsent(l.problem().pointId(), k -> new ArrayList<>()).add(l.problem());
				}
			}
		}
		while (listed.hasNext());
		return byPoint;
	}

	private static Instant at(LocalDate day, int hour, int minute, ZoneId zone) {
		return day.atTime(LocalTime.of(hour, minute)).atZone(zone).toInstant();
	}

	/** The seeded choices of the demo rounds and the problems already linked to an observation. */
	private final class History {

		private final Random random;

		private final Map<UUID, List<Problem>> problemsByPoint;

		private final Set<UUID> linked = new HashSet<>();

		private final Map<String, List<Standard>> standards = new HashMap<>();

		History(Random random, Map<UUID, List<Problem>> problemsByPoint) {
			this.random = random;
			this.problemsByPoint = problemsByPoint;
		}

		long seed() {
			return 1 + (random.nextLong() & Long.MAX_VALUE) % 1_000_000_000L;
		}

		List<Standard> standards(UUID frameworkId, String typeCode) {
			return standards.computeIfAbsent(frameworkId + typeCode, k -> {
				List<Standard> list = new ArrayList<>();
				criteria.checklist(null, frameworkId, typeCode).forEach(g -> list.addAll(g.standards()));
				return list;
			});
		}

		/** The point's checklist: a demo problem reported there around the visit (2 days before to 5 after) failed it. */
		List<InspectionManagement.PastObservation> resultsAt(UUID frameworkId, SampledPoint point, LocalDate day,
				Instant observedAt, ZoneId zone) {
			List<Standard> list = standards(frameworkId, point.typeCode());
			List<UUID> found = new ArrayList<>();
			for (Problem p : problemsByPoint.getOrDefault(point.pointId(), List.of())) {
				LocalDate reported = LocalDate.ofInstant(p.createdAt(), zone);
				if (!linked.contains(p.id()) && !reported.isBefore(day.minusDays(2)) && !reported.isAfter(day.plusDays(5))) {
					found.add(p.id());
				}
			}
			List<InspectionManagement.PastObservation> out = new ArrayList<>();
			for (int i = 0; i < list.size(); i++) {
				Standard s = list.get(i);
				if (i < found.size()) {
					UUID problem = found.get(i);
					linked.add(problem);
					out.add(new InspectionManagement.PastObservation(point.pointId(), s.id(),
							ObservationResult.NON_COMPLIANT, null, "现场发现问题，已交责任单位整改。", problem, observedAt));
					continue;
				}
				int roll = random.nextInt(100);
				if (roll < 4) {
					out.add(new InspectionManagement.PastObservation(point.pointId(), s.id(),
							ObservationResult.NOT_APPLICABLE, null, "", null, observedAt));
				}
				else if (roll < 18) {
					BigDecimal fraction = BigDecimal.valueOf(5 + random.nextInt(5), 1); // 0.5 … 0.9
					out.add(new InspectionManagement.PastObservation(point.pointId(), s.id(), ObservationResult.COMPLIANT,
							fraction, "基本达标，存在轻微瑕疵。", null, observedAt));
				}
				else {
					out.add(new InspectionManagement.PastObservation(point.pointId(), s.id(), ObservationResult.COMPLIANT,
							null, "", null, observedAt));
				}
			}
			return out;
		}
	}
}
