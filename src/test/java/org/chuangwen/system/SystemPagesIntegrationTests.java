package org.chuangwen.system;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ChuangwenIntegrationTest
class SystemPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void pagesNeedASignIn() throws Exception {
		mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("登录创文平台")));
	}

	@Test
	void signsInWithTheLoginFormAndRefusesAWrongPassword() throws Exception {
		mvc.perform(formLogin("/login").user("leader").password(Fixtures.PASSWORD)).andExpect(redirectedUrl("/"));
		mvc.perform(formLogin("/login").user("leader").password("wrong-password")).andExpect(redirectedUrl("/login?error=bad"));
		mvc.perform(get("/login").param("error", "bad")).andExpect(content().string(containsString("用户名或密码错误")));
	}

	@Test
	void everySignInIsAudited() throws Exception {
		long before = audited("account.signedIn") + audited("account.signInFailed") + audited("account.signInUnknown");
		mvc.perform(formLogin("/login").user("inspector").password(Fixtures.PASSWORD)).andExpect(redirectedUrl("/"));
		mvc.perform(formLogin("/login").user("inspector").password("nope")).andExpect(redirectedUrl("/login?error=bad"));
		mvc.perform(formLogin("/login").user("nobody-here").password("nope")).andExpect(redirectedUrl("/login?error=bad"));
		long after = audited("account.signedIn") + audited("account.signInFailed") + audited("account.signInUnknown");
		org.assertj.core.api.Assertions.assertThat(after - before).isEqualTo(3);
		// a successful sign-in resets the failure count, so the demo account is not locked by this test
		mvc.perform(formLogin("/login").user("inspector").password(Fixtures.PASSWORD)).andExpect(redirectedUrl("/"));
	}

	private long audited(String action) {
		return jdbc.sql("select count(*) from audit_event where action = :a").param("a", action).query(Long.class).single();
	}

	@Test
	void theHomePageShowsOnePanelPerRoleWithItsFigures() throws Exception {
		mvc.perform(get("/").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("创文办工作台")))
			// the figures come from the modules that own them, as fragments
			.andExpect(content().string(containsString("hx-get=\"/problems/home/figures?role=OFFICE_ADMIN\"")))
			.andExpect(content().string(not(containsString("审计管理员"))));
		mvc.perform(get("/").with(fixtures.signedInAs("unit_admin")))
			.andExpect(content().string(containsString("本单位待办")))
			.andExpect(content().string(not(containsString("创文办工作台"))));
		mvc.perform(get("/").with(fixtures.signedInAs("grid_worker"))).andExpect(content().string(containsString("网格巡查")));
		mvc.perform(get("/").with(fixtures.signedInAs("leader")))
			.andExpect(content().string(containsString("hx-get=\"/notifications/countdown/panel\"")))
			.andExpect(content().string(containsString("hx-get=\"/notifications/badge\"")));
		mvc.perform(get("/").with(fixtures.signedInAs("unit_staff")))
			.andExpect(content().string(not(containsString("/notifications/countdown/panel"))));
		mvc.perform(get("/notifications/countdown/panel").with(fixtures.signedInAs("leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("天")));
		mvc.perform(get("/").with(fixtures.signedInAs("auditor"))).andExpect(content().string(containsString("安全审计")));
		// a figures fragment answers only for a role the caller holds: 403 for another, 400 for no role at all
		for (String fragment : java.util.List.of("/problems", "/tasks", "/notices", "/points")) {
			mvc.perform(get(fragment + "/home/figures").param("role", "UNIT_ADMIN").with(fixtures.signedInAs("unit_admin")))
				.andExpect(status().isOk());
			mvc.perform(get(fragment + "/home/figures").param("role", "OFFICE_ADMIN").with(fixtures.signedInAs("unit_admin")))
				.andExpect(status().isForbidden());
			mvc.perform(get(fragment + "/home/figures").param("role", "CAPTAIN").with(fixtures.signedInAs("unit_admin")))
				.andExpect(status().isBadRequest());
		}
	}

	@Test
	void navigationFollowsTheRoles() throws Exception {
		mvc.perform(get("/").with(fixtures.signedInAs("office")))
			.andExpect(content().string(containsString("href=\"/organisation/units\"")))
			.andExpect(content().string(not(containsString("href=\"/admin/audit\""))));
		mvc.perform(get("/").with(fixtures.signedInAs("unit_admin")))
			.andExpect(content().string(containsString("href=\"/criteria/frameworks\"")));
		mvc.perform(get("/").with(fixtures.signedInAs("auditor")))
			.andExpect(content().string(not(containsString("href=\"/criteria/frameworks\""))))
			.andExpect(content().string(containsString("href=\"/admin/audit\"")))
			.andExpect(content().string(not(containsString("href=\"/organisation/units\""))));
		mvc.perform(get("/").with(fixtures.signedInAs("unit_staff")))
			.andExpect(content().string(containsString("href=\"/organisation/units/mine\"")))
			.andExpect(content().string(not(containsString("href=\"/admin/users\""))));
	}

	@Test
	void switchesToEnglishAndRemembersIt() throws Exception {
		mvc.perform(get("/").with(fixtures.signedInAs("office")).param("lang", "en"))
			.andExpect(content().string(containsString("Campaign office")))
			.andExpect(cookie().value("chuangwen-lang", "en"));
		mvc.perform(get("/login").cookie(new jakarta.servlet.http.Cookie("chuangwen-lang", "en")))
			.andExpect(content().string(containsString("Sign in to Chuangwen")));
	}

	@Test
	void errorPagesSpeakTheUsersLanguageWithTheRightStatus() throws Exception {
		mvc.perform(get("/no/such/page").with(fixtures.signedInAs("office")).accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("页面不存在")));
		mvc.perform(get("/admin/audit").with(fixtures.signedInAs("office")).accept(MediaType.TEXT_HTML))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("无权访问")));
	}

	@Test
	void theAuditAdministratorSeesTheTrailAndChecksTheChain() throws Exception {
		mvc.perform(get("/admin/audit").with(fixtures.signedInAs("auditor")).param("q", "unit.created"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("新建单位")));
		mvc.perform(post("/admin/audit/verify").with(fixtures.signedInAs("auditor")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("审计链完整")));
	}

	@Test
	void apiErrorsAreProblemDetailsInTheCallersLanguage() throws Exception {
		mvc.perform(get("/api/v1/no-such-thing").with(fixtures.signedInAs("office")))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.title").value("未找到"));
		mvc.perform(get("/api/v1/no-such-thing").with(fixtures.signedInAs("office")).header("Accept-Language", "en"))
			.andExpect(jsonPath("$.title").value("Not found"));
		mvc.perform(get("/api/v1/audit/verify").header("Authorization", "Bearer not-a-token"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.title").value("未认证"));
		mvc.perform(post("/api/v1/test-probe/malformed").with(fixtures.signedInAs("office"))
				.contentType(MediaType.APPLICATION_JSON).content("{not json"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("请求格式错误，无法解析。"));
	}

	@Test
	void theApiIsDocumented() throws Exception {
		mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andExpect(jsonPath("$.info.title").value("Chuangwen API"));
		mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
	}
}
