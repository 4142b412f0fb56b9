package org.chuangwen.demo;

import java.util.EnumSet;
import java.util.List;

import org.chuangwen.inspections.InspectionDirectory;
import org.chuangwen.inspections.InspectionManagement;
import org.chuangwen.inspections.SamplingQuota;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo city's inspections (after the escalation ladder, order 80): a second inspector so that teams of two can be
 * formed, the official sampling rule (87 points over the 26 point types, as one district's 2021 mock assessment) and
 * a weekly-check rule.
 */
@Component
class InspectionsDemo implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(InspectionsDemo.class);

	/** The second demo inspector (password as every demo account). */
	public static final String SECOND_INSPECTOR = "inspector2";

	public static final String OFFICIAL_RULE = "全国文明城市测评实地点位抽样（87个点位）";

	public static final String WEEKLY_RULE = "周检查抽样（20个点位）";

	/** The official rule's quotas: 87 points over the 26 point types. */
	static final int[] OFFICIAL_COUNTS = { 3, 3, 3, 3, 6, 3, 3, 5, 3, 3, 4, 4, 3, 3, 3, 3, 3, 3, 5, 5, 4, 3, 2, 3, 2, 2 };

	private final InspectionManagement management;

	private final InspectionDirectory directory;

	private final UserAccounts accounts;

	InspectionsDemo(InspectionManagement management, InspectionDirectory directory, UserAccounts accounts) {
		this.management = management;
		this.directory = directory;
		this.accounts = accounts;
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
		accounts.createBySystem(new UserAccounts.NewUser(SECOND_INSPECTOR, "督查员 钱明", DemoCity.DEMO_PASSWORD,
				EnumSet.of(Role.INSPECTOR), context.unit(DemoCity.UNIT_CITY_OFFICE), context.jurisdiction(DemoCity.CITY),
				null), false);
		Actor office = accounts.actorFor("office");
		List<SamplingQuota> official = new java.util.ArrayList<>();
		for (int i = 0; i < OFFICIAL_COUNTS.length; i++) {
			official.add(new SamplingQuota("P%02d".formatted(i + 1), null, OFFICIAL_COUNTS[i]));
		}
		management.createRule(office, OFFICIAL_RULE, true, official);
		management.createRule(office, WEEKLY_RULE, false,
				List.of(new SamplingQuota("P05", null, 4), new SamplingQuota("P08", null, 3),
						new SamplingQuota("P19", null, 3), new SamplingQuota("P20", null, 4),
						new SamplingQuota("P21", null, 3), new SamplingQuota("P24", null, 3)));
		log.info("Demo inspections: sampling rules and a second inspector");
	}
}
