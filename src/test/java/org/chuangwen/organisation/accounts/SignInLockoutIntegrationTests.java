package org.chuangwen.organisation.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Lock-out after repeated failures (等保 2.0 level 3), the same on the sign-in page and the token API. */
@ChuangwenIntegrationTest
class SignInLockoutIntegrationTests {

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

	int limit;

	@BeforeEach
	void setUp() {
		testAccounts = new TestAccounts(accounts, directory);
		limit = accounts.passwordPolicy().maxFailedAttempts();
	}

	@Test
	void locksTheAccountAfterThePolicysNumberOfFailedFormSignIns() throws Exception {
		var user = testAccounts.aGridWorker();
		for (int i = 1; i < limit; i++) {
			signIn(user.username(), "wrong-" + i).andExpect(redirectedUrl("/login?error=bad"));
		}
		signIn(user.username(), "wrong-last").andExpect(redirectedUrl("/login?error=locked"));
		assertThat(failedAttempts(user)).isEqualTo(limit);
	}

	@Test
	void aWrongPasswordOnTheSignInPageCountsOnce() throws Exception {
		var user = testAccounts.aGridWorker();
		signIn(user.username(), "wrong").andExpect(redirectedUrl("/login?error=bad"));
		assertThat(failedAttempts(user)).isEqualTo(1);
	}

	@Test
	void aWrongPasswordOnTheTokenApiCountsOnce() throws Exception {
		var user = testAccounts.aGridWorker();
		token(user.username(), "wrong").andExpect(status().isUnauthorized());
		assertThat(failedAttempts(user)).isEqualTo(1);
	}

	@Test
	void refusesALockedAccountEvenWithTheRightPassword() throws Exception {
		var user = testAccounts.aGridWorker();
		lockOut(user);
		signIn(user.username(), Fixtures.PASSWORD).andExpect(redirectedUrl("/login?error=locked"));
		token(user.username(), Fixtures.PASSWORD).andExpect(status().isLocked());
	}

	@Test
	void locksTheAccountAfterRepeatedFailuresOnTheTokenApiToo() throws Exception {
		var user = testAccounts.aGridWorker();
		for (int i = 1; i < limit; i++) {
			token(user.username(), "wrong-" + i).andExpect(status().isUnauthorized());
		}
		token(user.username(), "wrong-last")
			.andExpect(status().isLocked())
			.andExpect(jsonPath("$.status").value(423))
			.andExpect(jsonPath("$.detail").value("登录失败次数过多，账号已被临时锁定，请稍后再试或联系安全管理员。"));
		signIn(user.username(), Fixtures.PASSWORD).andExpect(redirectedUrl("/login?error=locked"));
	}

	@Test
	void theSecurityAdministratorUnlocksALockedAccount() throws Exception {
		var user = testAccounts.aGridWorker();
		lockOut(user);
		int version = jdbc.sql("select version from user_account where id = :id").param("id", user.id()).query(Integer.class).single();
		mvc.perform(post("/admin/users/{id}/unlock", user.id()).param("version", String.valueOf(version))
				.with(fixtures.signedInAs("secadmin")).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + user.id()));
		assertThat(failedAttempts(user)).isZero();
		signIn(user.username(), Fixtures.PASSWORD).andExpect(redirectedUrl("/"));
	}

	@Test
	void onlyTheSecurityAdministratorMayUnlock() throws Exception {
		var user = testAccounts.aGridWorker();
		lockOut(user);
		for (String other : new String[] { "sysadmin", "auditor", "office" }) {
			mvc.perform(post("/admin/users/{id}/unlock", user.id()).param("version", "0")
					.with(fixtures.signedInAs(other)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		signIn(user.username(), Fixtures.PASSWORD).andExpect(redirectedUrl("/login?error=locked"));
	}

	@Test
	void aSuccessfulSignInResetsTheCountOfFailures() throws Exception {
		var user = testAccounts.aGridWorker();
		for (int i = 1; i < limit; i++) {
			signIn(user.username(), "wrong-" + i).andExpect(redirectedUrl("/login?error=bad"));
		}
		signIn(user.username(), Fixtures.PASSWORD).andExpect(redirectedUrl("/"));
		assertThat(failedAttempts(user)).isZero();
		for (int i = 1; i < limit; i++) {
			signIn(user.username(), "wrong-again-" + i).andExpect(redirectedUrl("/login?error=bad"));
		}
	}

	@Test
	void countsFromOneAgainWhenALockOutHasRunOut() throws Exception {
		var user = testAccounts.aGridWorker();
		lockOut(user);
		jdbc.sql("update user_account set locked_until = now() - interval '1 minute' where id = :id").param("id", user.id()).update();
		signIn(user.username(), "wrong-after-lock").andExpect(redirectedUrl("/login?error=bad"));
		assertThat(failedAttempts(user)).isEqualTo(1);
		signIn(user.username(), Fixtures.PASSWORD).andExpect(redirectedUrl("/"));
	}

	@Test
	void recordsTheLockInTheAuditTrail() throws Exception {
		var user = testAccounts.aGridWorker();
		lockOut(user);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'account.locked' and object_id = :id")
			.param("id", user.id().toString()).query(Long.class).single()).isEqualTo(1);
	}

	private void lockOut(TestAccounts.Created user) throws Exception {
		for (int i = 0; i < limit; i++) {
			signIn(user.username(), "wrong-" + i);
		}
	}

	private int failedAttempts(TestAccounts.Created user) {
		return jdbc.sql("select failed_attempts from user_account where id = :id").param("id", user.id()).query(Integer.class).single();
	}

	private ResultActions signIn(String username, String password) throws Exception {
		return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()));
	}

	private ResultActions token(String username, String password) throws Exception {
		return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
	}
}
