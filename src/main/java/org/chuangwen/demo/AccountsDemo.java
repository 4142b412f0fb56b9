package org.chuangwen.demo;

import java.util.EnumSet;
import java.util.UUID;

import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.UserAccounts;
import org.chuangwen.organisation.UserAccounts.NewUser;
import org.springframework.stereotype.Component;

/** One demo account per role (and a few more for scoping), all with {@link DemoCity#DEMO_PASSWORD}; see the README. */
@Component
class AccountsDemo implements DemoStep {

	private final UserAccounts accounts;

	AccountsDemo(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public void load(DemoContext c) {
		UUID city = c.jurisdiction(DemoCity.CITY);
		user("office", "市创文办 王主任", Role.OFFICE_ADMIN, c.unit(DemoCity.UNIT_CITY_OFFICE), city);
		user("district_office", "东湖区文明办 李科长", Role.OFFICE_ADMIN, c.unit("U-" + DemoCity.DISTRICT_EAST + "-WMB"),
				c.jurisdiction(DemoCity.DISTRICT_EAST));
		user("leader", "市领导 陈市长", Role.LEADER, null, city);
		user("unit_admin", "市城管局 联络员 赵强", Role.UNIT_ADMIN, c.unit(DemoCity.UNIT_URBAN_MANAGEMENT), null);
		user("unit_staff", "市城管局 责任人 孙磊", Role.UNIT_STAFF, c.unit(DemoCity.UNIT_URBAN_MANAGEMENT), null);
		user("street_admin", "解放路街道 联络员 周敏", Role.UNIT_ADMIN, c.unit(DemoCity.UNIT_STREET_EAST_1), null);
		user("police_admin", "交警支队 联络员 吴刚", Role.UNIT_ADMIN, c.unit(DemoCity.UNIT_TRAFFIC_POLICE), null);
		user("inspector", "督查员 郑洁", Role.INSPECTOR, c.unit(DemoCity.UNIT_CITY_OFFICE), city);
		user("grid_worker", "网格员 冯晓", Role.GRID_WORKER, c.unit(DemoCity.UNIT_COMMUNITY_EAST_1_1),
				c.jurisdiction(DemoCity.GRID_EAST_1_1_1));
		user("sysadmin", "系统管理员", Role.SYSTEM_ADMIN, null, city);
		user("secadmin", "安全管理员", Role.SECURITY_ADMIN, null, city);
		user("auditor", "审计管理员", Role.AUDIT_ADMIN, null, city);
	}

	private void user(String username, String displayName, Role role, UUID unit, UUID jurisdiction) {
		accounts.createBySystem(new NewUser(username, displayName, DemoCity.DEMO_PASSWORD, EnumSet.of(role), unit,
				jurisdiction, null), false);
	}
}
