package org.chuangwen.organisation.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.UserAccounts;
import org.chuangwen.organisation.UserAccounts.NewUser;
import org.chuangwen.organisation.UserAccounts.ProfileChange;
import org.chuangwen.organisation.UserAccounts.RoleChange;
import org.chuangwen.organisation.UserQuery;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.PageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Who may administer which accounts: the separation of duties of 等保 2.0 level 3 and the office's subtree. */
@ChuangwenIntegrationTest
class UserAdministrationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	OrganisationDirectory directory;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	TestAccounts testAccounts;

	@BeforeEach
	void setUp() {
		testAccounts = new TestAccounts(accounts, directory);
	}

	@Test
	void refusesTwoAdministratorRolesOnOneAccountInChineseByDefault() throws Exception {
		createOverApi("sysadmin", null, newUserJson(TestAccounts.uniqueName("dual"), "[\"SECURITY_ADMIN\",\"AUDIT_ADMIN\"]",
				null, testAccounts.jurisdiction("LJ")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'roles')].message")
				.value(hasItem("系统管理员、安全管理员、审计管理员不能由同一账号兼任（三员分立）。")));
	}

	@Test
	void refusesTwoAdministratorRolesOnOneAccountInEnglishWhenAsked() throws Exception {
		createOverApi("sysadmin", "en", newUserJson(TestAccounts.uniqueName("dual"), "[\"SYSTEM_ADMIN\",\"AUDIT_ADMIN\"]",
				null, testAccounts.jurisdiction("LJ")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'roles')].message")
				.value(hasItem("No account may hold two of system, security and audit administrator (separation of duties).")));
	}

	@Test
	void theSecurityAdministratorCannotGiveTwoAdministratorRolesEither() {
		var user = testAccounts.aGridWorker();
		assertThatThrownBy(() -> accounts.changeRoles(fixtures.actor("secadmin"),
				new RoleChange(user.id(), 0, EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN))))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.errors())
				.anySatisfy(e -> assertThat(e.messageKey()).isEqualTo("user.roles.adminSeparation")));
	}

	@Test
	void theSecurityAdministratorGrantsAnAdministratorRole() {
		var user = testAccounts.aGridWorker();
		accounts.changeRoles(fixtures.actor("secadmin"), new RoleChange(user.id(), 0, EnumSet.of(Role.AUDIT_ADMIN)));
		assertThat(accounts.profile(fixtures.actor("secadmin"), user.id()).roles()).containsExactly(Role.AUDIT_ADMIN);
	}

	@Test
	void theSystemAdministratorCreatesAccountsButGivesNoAdministratorRole() throws Exception {
		createOverApi("sysadmin", null, newUserJson(TestAccounts.uniqueName("sec"), "[\"SECURITY_ADMIN\"]", null,
				testAccounts.jurisdiction("LJ")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'roles')].message").value(hasItem("管理员角色只能由安全管理员分配。")));
		assertThatThrownBy(() -> accounts.changeRoles(fixtures.actor("sysadmin"),
				new RoleChange(testAccounts.aGridWorker().id(), 0, EnumSet.of(Role.LEADER))))
			.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void theSystemAdministratorMayLeaveTheRolesToTheSecurityAdministrator() {
		String username = TestAccounts.uniqueName("pending");
		UUID id = accounts.create(fixtures.actor("sysadmin"), new NewUser(username, "待授权", Fixtures.PASSWORD + "x",
				Set.of(), null, testAccounts.jurisdiction("LJ"), null));
		assertThat(accounts.profile(fixtures.actor("secadmin"), id).roles()).isEmpty();
	}

	@Test
	void anOfficeAdminCannotCreateASystemAdministrator() throws Exception {
		createOverApi("office", null, newUserJson(TestAccounts.uniqueName("sys"), "[\"SYSTEM_ADMIN\"]", null,
				testAccounts.jurisdiction("LJ")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'roles')]").exists());
	}

	@Test
	void anOfficeAdminCannotCreateAUserOutsideItsSubtree() throws Exception {
		createOverApi("district_office", null, newUserJson(TestAccounts.uniqueName("out"), "[\"UNIT_ADMIN\"]",
				testAccounts.unit("U-LJ-02-01"), null))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'unitId')].message").value(hasItem("只能选择您辖区范围内的单位或辖区。")));
		createOverApi("district_office", null, newUserJson(TestAccounts.uniqueName("out"), "[\"INSPECTOR\"]", null,
				testAccounts.jurisdiction("LJ")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'jurisdictionId')]").exists());
	}

	@Test
	void anOfficeAdminCreatesABusinessUserInsideItsSubtreeWhoMustChangeThePassword() throws Exception {
		String username = TestAccounts.uniqueName("east");
		createOverApi("district_office", null, newUserJson(username, "[\"UNIT_ADMIN\"]", testAccounts.unit("U-LJ-01-01"), null))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.temporaryPassword").isString());
		UUID id = jdbc.sql("select id from user_account where username = :u").param("u", username).query(UUID.class).single();
		assertThat(accounts.mustChangePassword(id)).isTrue();
	}

	@Test
	void aUnitRoleRequiresAUnit() {
		assertThatThrownBy(() -> accounts.create(fixtures.actor("office"), new NewUser(TestAccounts.uniqueName("nounit"), "无单位",
				Fixtures.PASSWORD, EnumSet.of(Role.UNIT_STAFF), null, testAccounts.jurisdiction("LJ"), null)))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.errors())
				.anySatisfy(e -> assertThat(e.field()).isEqualTo("unitId")));
	}

	@Test
	void anOfficeAdminSeesOnlyUsersInsideItsSubtree() {
		var west = testAccounts.aWestStreetAdmin();
		var districtOffice = fixtures.actor("district_office");
		assertThatThrownBy(() -> accounts.profile(districtOffice, west.id())).isInstanceOf(NotFoundException.class);
		var listed = accounts.search(districtOffice, UserQuery.everyone(), new PageRequest(0, 500)).items();
		assertThat(listed).extracting(u -> u.username()).contains("district_office", "grid_worker", "street_admin")
			.doesNotContain("office", "unit_admin", west.username(), "sysadmin");
		assertThat(accounts.profile(fixtures.actor("office"), west.id()).username()).isEqualTo(west.username());
	}

	@Test
	void askingForAnAccountOutsideTheScopeAnswersNotFound() throws Exception {
		var west = testAccounts.aWestStreetAdmin();
		mvc.perform(get("/admin/users/{id}", west.id()).with(fixtures.signedInAs("district_office"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/users/{id}", west.id()).with(fixtures.signedInAs("district_office"))).andExpect(status().isNotFound());
		mvc.perform(get("/admin/users/{id}", west.id()).with(fixtures.signedInAs("office"))).andExpect(status().isOk());
	}

	@Test
	void anOfficeAdminCannotTouchAdministratorAccounts() {
		UUID sysadmin = fixtures.actor("sysadmin").userId();
		assertThatThrownBy(() -> accounts.setEnabled(fixtures.actor("office"), sysadmin, 0, false))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void nobodyChangesTheirOwnRoles() {
		var secadmin = fixtures.actor("secadmin");
		assertThatThrownBy(() -> accounts.changeRoles(secadmin, new RoleChange(secadmin.userId(), 0, EnumSet.of(Role.OFFICE_ADMIN))))
			.isInstanceOf(ForbiddenException.class);
		var office = fixtures.actor("office");
		assertThatThrownBy(() -> accounts.changeRoles(office, new RoleChange(office.userId(), 0, EnumSet.of(Role.LEADER))))
			.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void theAuditAdministratorOnlyReads() throws Exception {
		var user = testAccounts.aGridWorker();
		mvc.perform(get("/admin/users").with(fixtures.signedInAs("auditor"))).andExpect(status().isOk());
		mvc.perform(get("/admin/users/{id}", user.id()).with(fixtures.signedInAs("auditor"))).andExpect(status().isOk());
		mvc.perform(post("/admin/users/{id}/disable", user.id()).param("version", "0").with(fixtures.signedInAs("auditor")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/users/new").with(fixtures.signedInAs("auditor"))).andExpect(status().isForbidden());
	}

	@Test
	void theUserPagesAreForAdministratorsAndOfficesOnly() throws Exception {
		for (String allowed : new String[] { "sysadmin", "secadmin", "auditor", "office", "district_office" }) {
			mvc.perform(get("/admin/users").with(fixtures.signedInAs(allowed))).andExpect(status().isOk());
		}
		for (String refused : new String[] { "leader", "unit_admin", "unit_staff", "inspector", "grid_worker" }) {
			mvc.perform(get("/admin/users").with(fixtures.signedInAs(refused)))
				.andExpect(status().isForbidden())
				.andExpect(content().string(containsString("无权访问")));
		}
	}

	@Test
	void thePasswordPolicyPageIsForTheSecurityAdministratorOnly() throws Exception {
		mvc.perform(get("/admin/password-policy").with(fixtures.signedInAs("secadmin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("30 分钟")));
		for (String refused : new String[] { "sysadmin", "auditor", "office", "leader", "unit_admin" }) {
			mvc.perform(get("/admin/password-policy").with(fixtures.signedInAs(refused))).andExpect(status().isForbidden());
		}
	}

	@Test
	void createsAUserOnThePageShowingTheGeneratedPasswordOnce() throws Exception {
		String username = TestAccounts.uniqueName("page");
		mvc.perform(post("/admin/users").with(fixtures.signedInAs("office")).with(csrf())
				.param("username", username).param("displayName", "页面新建")
				.param("generatePassword", "true").param("roles", "INSPECTOR")
				.param("jurisdictionId", testAccounts.jurisdiction("LJ-01").toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("临时密码")));
		UUID id = jdbc.sql("select id from user_account where username = :u").param("u", username).query(UUID.class).single();
		assertThat(accounts.mustChangePassword(id)).isTrue();
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'user.created' and object_id = :id")
			.param("id", id.toString()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void showsEveryFormErrorNextToItsFieldOnThePage() throws Exception {
		mvc.perform(post("/admin/users").with(fixtures.signedInAs("sysadmin")).with(csrf())
				.param("username", "bad name!").param("displayName", "")
				.param("generatePassword", "false").param("password", "short"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("用户名只能包含字母、数字及 _ . @ -。")))
			.andExpect(content().string(containsString("此项必填。")))
			.andExpect(content().string(containsString("密码至少需要 10 位。")))
			.andExpect(content().string(containsString("请选择所属单位或所属辖区（至少一项）。")));
	}

	@Test
	void resettingAPasswordForcesAChangeAtTheNextSignIn() throws Exception {
		var user = testAccounts.aGridWorker();
		assertThat(accounts.mustChangePassword(user.id())).isFalse();
		mvc.perform(post("/admin/users/{id}/reset-password", user.id()).param("version", "0")
				.with(fixtures.signedInAs("secadmin")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("临时密码")));
		assertThat(accounts.mustChangePassword(user.id())).isTrue();
		mvc.perform(post("/login").param("username", user.username()).param("password", Fixtures.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login?error=bad"));
	}

	@Test
	void onlyTheSecurityAdministratorResetsPasswords() throws Exception {
		var user = testAccounts.aGridWorker();
		for (String other : new String[] { "sysadmin", "office", "auditor" }) {
			mvc.perform(post("/admin/users/{id}/reset-password", user.id()).param("version", "0")
					.with(fixtures.signedInAs(other)).with(csrf()))
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void disablingAnAccountRefusesItsSignInAndIsAuditedWithBeforeAndAfter() throws Exception {
		var user = testAccounts.aGridWorker();
		mvc.perform(post("/admin/users/{id}/disable", user.id()).param("version", "0")
				.with(fixtures.signedInAs("district_office")).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + user.id()));
		mvc.perform(post("/login").param("username", user.username()).param("password", Fixtures.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login?error=disabled"));
		var history = accounts.history(fixtures.actor("sysadmin"), user.id());
		assertThat(history.get(0).action()).as("the refused sign-in is audited too").isEqualTo("account.signInRefused");
		var event = history.get(1);
		assertThat(event.action()).isEqualTo("user.disabled");
		assertThat(event.before()).contains("\"enabled\": true");
		assertThat(event.after()).contains("\"enabled\": false").doesNotContain("$2a$").doesNotContain("hash");
	}

	@Test
	void refusesAStaleVersion() {
		var user = testAccounts.aGridWorker();
		var office = fixtures.actor("office");
		accounts.updateProfile(office, new ProfileChange(user.id(), 0, "改名一次", null, testAccounts.jurisdiction("LJ-01")));
		assertThatThrownBy(() -> accounts.updateProfile(office,
				new ProfileChange(user.id(), 0, "改名两次", null, testAccounts.jurisdiction("LJ-01"))))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void theUserListSearchesAndFiltersByRole() throws Exception {
		mvc.perform(get("/api/v1/users").param("q", "grid_w").with(fixtures.signedInAs("sysadmin")))
			.andExpect(jsonPath("$.items[*].username").value(hasItem("grid_worker")));
		mvc.perform(get("/api/v1/users").param("role", "UNIT_ADMIN").param("size", "500").with(fixtures.signedInAs("sysadmin")))
			.andExpect(jsonPath("$.items[*].roles[*]").value(everyItem(org.hamcrest.Matchers.is("UNIT_ADMIN"))));
		mvc.perform(get("/admin/users").param("q", "网格员").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("grid_worker")))
			.andExpect(content().string(not(containsString("$2a$"))));
	}

	@Test
	void thePagesNeverShowAPasswordHash() throws Exception {
		UUID office = fixtures.actor("office").userId();
		mvc.perform(get("/admin/users/{id}", office).with(fixtures.signedInAs("sysadmin")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("$2a$"))));
		mvc.perform(get("/admin/users").param("size", "500").with(fixtures.signedInAs("secadmin")))
			.andExpect(content().string(not(containsString("$2a$"))));
	}

	@Test
	void theEditFormAndTheNewUserFormRender() throws Exception {
		var user = testAccounts.aGridWorker();
		mvc.perform(get("/admin/users/{id}/edit", user.id()).with(fixtures.signedInAs("district_office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("编辑用户")));
		mvc.perform(get("/admin/users/new").with(fixtures.signedInAs("sysadmin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("自动生成初始密码")))
			.andExpect(content().string(not(containsString("value=\"SECURITY_ADMIN\""))));
	}

	@Test
	void theSearchableSelectsOfferOnlyWhatLiesInsideTheOfficesSubtree() throws Exception {
		mvc.perform(get("/admin/users/choices/units").param("q", "U-LJ-02").with(fixtures.signedInAs("district_office")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("U-LJ-02-01"))));
		mvc.perform(get("/admin/users/choices/units").param("q", "U-LJ-02").with(fixtures.signedInAs("office")))
			.andExpect(content().string(containsString("U-LJ-02-01")));
		mvc.perform(get("/admin/users/choices/jurisdictions").param("q", "LJ-01").with(fixtures.signedInAs("district_office")))
			.andExpect(content().string(containsString("LJ-01-01")));
	}

	@Test
	void showsARefusedRoleChangeOnTheUserPage() throws Exception {
		var user = testAccounts.aGridWorker();
		mvc.perform(post("/admin/users/{id}/roles", user.id()).param("roles", "SYSTEM_ADMIN", "AUDIT_ADMIN").param("version", "0")
				.with(fixtures.signedInAs("secadmin")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不能由同一账号兼任")));
		mvc.perform(post("/admin/users/{id}/roles", user.id()).param("roles", "INSPECTOR").param("version", "0")
				.with(fixtures.signedInAs("secadmin")).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + user.id()));
		var event = accounts.history(fixtures.actor("secadmin"), user.id()).get(0);
		assertThat(event.action()).isEqualTo("user.rolesChanged");
		assertThat(event.before()).contains("GRID_WORKER");
		assertThat(event.after()).contains("INSPECTOR");
	}

	private ResultActions createOverApi(String as, String language, String body) throws Exception {
		var request = post("/api/v1/users").with(fixtures.signedInAs(as)).contentType(MediaType.APPLICATION_JSON).content(body);
		if (language != null) {
			request.header("Accept-Language", language);
		}
		return mvc.perform(request);
	}

	private static String newUserJson(String username, String roles, UUID unitId, UUID jurisdictionId) {
		return "{\"username\":\"" + username + "\",\"displayName\":\"测试用户\",\"roles\":" + roles
				+ (unitId == null ? "" : ",\"unitId\":\"" + unitId + "\"")
				+ (jurisdictionId == null ? "" : ",\"jurisdictionId\":\"" + jurisdictionId + "\"") + "}";
	}
}
