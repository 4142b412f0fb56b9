package org.chuangwen.organisation.accounts;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.UserAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.json.JsonMapper;

/** API sign-in (API.md): tokens issued, used, expired, revoked; and who the caller is. */
@ChuangwenIntegrationTest
class TokenApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	UserAccounts accounts;

	@Autowired
	OrganisationDirectory directory;

	@Test
	void issuesATokenThatIdentifiesTheCaller() throws Exception {
		String token = tokenFor("office");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("office"))
			.andExpect(jsonPath("$.displayName").value("市创文办 王主任"))
			.andExpect(jsonPath("$.roles").value(containsInAnyOrder("OFFICE_ADMIN")))
			.andExpect(jsonPath("$.unit.code").value("U-LJ-WMB"))
			.andExpect(jsonPath("$.jurisdiction.code").value("LJ"))
			.andExpect(jsonPath("$.jurisdiction.level").value("CITY"));
	}

	@Test
	void answersTheTokenWithItsExpiry() throws Exception {
		token("leader", Fixtures.PASSWORD).andExpect(status().isOk())
			.andExpect(jsonPath("$.token").isString())
			.andExpect(jsonPath("$.expiresAt").isString());
	}

	@Test
	void describesEachRoleWithItsUnitAndJurisdiction() throws Exception {
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + tokenFor("unit_admin")))
			.andExpect(jsonPath("$.roles[0]").value("UNIT_ADMIN"))
			.andExpect(jsonPath("$.unit.code").value("U-LJ-CGJ"))
			.andExpect(jsonPath("$.jurisdiction.code").value("LJ"));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + tokenFor("grid_worker")))
			.andExpect(jsonPath("$.roles[0]").value("GRID_WORKER"))
			.andExpect(jsonPath("$.jurisdiction.code").value("LJ-01-01-01-01"))
			.andExpect(jsonPath("$.jurisdiction.level").value("GRID"));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + tokenFor("district_office")))
			.andExpect(jsonPath("$.roles[0]").value("OFFICE_ADMIN"))
			.andExpect(jsonPath("$.jurisdiction.code").value("LJ-01"))
			.andExpect(jsonPath("$.jurisdiction.level").value("DISTRICT"));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + tokenFor("leader")))
			.andExpect(jsonPath("$.roles[0]").value("LEADER"))
			.andExpect(jsonPath("$.unit").doesNotExist());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + tokenFor("auditor")))
			.andExpect(jsonPath("$.roles[0]").value("AUDIT_ADMIN"));
	}

	@Test
	void refusesWrongCredentialsInTheCallersLanguage() throws Exception {
		token("office", "not-the-password").andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.detail").value("用户名或密码错误。"));
		mvc.perform(post("/api/v1/auth/token").header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"nobody-at-all\",\"password\":\"x\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("Wrong username or password."));
		jdbc.sql("update user_account set failed_attempts = 0 where username = 'office'").update();
	}

	@Test
	void refusesMissingFieldsNamingEachOfThem() throws Exception {
		mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"office\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"))
			.andExpect(jsonPath("$.errors[0].message").value("此项必填。"));
		mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("username", "password")));
		mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{not json"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void refusesAGarbageOrMissingToken() throws Exception {
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer garbage-token")).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + "x".repeat(500))).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
	}

	@Test
	void refusesAnExpiredToken() throws Exception {
		var user = new TestAccounts(accounts, directory).aGridWorker();
		String token = tokenFor(user.username());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		jdbc.sql("update api_token set expires_at = now() - interval '1 second' where user_id = :id").param("id", user.id()).update();
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
	}

	@Test
	void revokesTheCallersTokenOnRequest() throws Exception {
		String token = tokenFor("inspector");
		mvc.perform(delete("/api/v1/auth/token").header("Authorization", "Bearer " + token)).andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
		mvc.perform(delete("/api/v1/auth/token").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
	}

	@Test
	void refusesADisabledAccountsTokenAndNewTokens() throws Exception {
		var user = new TestAccounts(accounts, directory).aGridWorker();
		String token = tokenFor(user.username());
		jdbc.sql("update user_account set enabled = false where id = :id").param("id", user.id()).update();
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
		token(user.username(), Fixtures.PASSWORD).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("该账号已停用，请联系系统管理员。"));
	}

	@Test
	void storesOnlyTheHashOfATokenAndAuditsItsIssue() throws Exception {
		String token = tokenFor("leader");
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from api_token where token_hash = :t")
			.param("t", token).query(Long.class).single()).isZero();
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from audit_event where action = 'apiToken.issued'")
			.query(Long.class).single()).isPositive();
	}

	@Test
	void neverAnswersAPasswordHash() throws Exception {
		String token = tokenFor("secadmin");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(content().string(not(containsString("$2a$"))))
			.andExpect(content().string(not(containsString("password_hash"))))
			.andExpect(content().string(not(containsString("passwordHash"))));
		mvc.perform(get("/api/v1/users?size=500").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].username").value(hasItem("office")))
			.andExpect(content().string(not(containsString("$2a$"))))
			.andExpect(content().string(not(containsString("passwordHash"))));
	}

	@Test
	void documentsTheAccountEndpointsInOpenApi() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/v1/auth/token")))
			.andExpect(content().string(containsString("/api/v1/me")))
			.andExpect(content().string(containsString("/api/v1/users")));
	}

	private String tokenFor(String username) throws Exception {
		String body = token(username, Fixtures.PASSWORD).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return json.readTree(body).get("token").asString();
	}

	private ResultActions token(String username, String password) throws Exception {
		return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
	}
}
