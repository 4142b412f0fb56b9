package org.chuangwen.organisation.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.PasswordPolicy;
import org.chuangwen.organisation.UserAccounts;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Password expiry and the policy the security administrator sets. */
@ChuangwenIntegrationTest
class PasswordExpiryIntegrationTests {

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

	@Test
	void anExpiredPasswordSendsTheUserToThePasswordPageFirst() throws Exception {
		var user = new TestAccounts(accounts, directory).aGridWorker();
		int maxAge = accounts.passwordPolicy().maxAgeDays();
		jdbc.sql("update user_account set password_changed_at = now() - make_interval(days => :d) where id = :id")
			.param("d", maxAge + 1).param("id", user.id()).update();
		assertThat(accounts.mustChangePassword(user.id())).isTrue();
		mvc.perform(get("/").with(fixtures.signedInAs(user.username()))).andExpect(redirectedUrl("/account/password"));
		mvc.perform(get("/account/password").with(fixtures.signedInAs(user.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请先设置新密码")));
	}

	@Test
	void aFreshPasswordLetsTheUserIn() throws Exception {
		var user = new TestAccounts(accounts, directory).aGridWorker();
		assertThat(accounts.mustChangePassword(user.id())).isFalse();
		mvc.perform(get("/").with(fixtures.signedInAs(user.username()))).andExpect(status().isOk());
	}

	@Test
	void changingTheExpiredPasswordClearsTheRequirement() {
		var user = new TestAccounts(accounts, directory).aGridWorker();
		jdbc.sql("update user_account set password_changed_at = now() - interval '3000 days' where id = :id")
			.param("id", user.id()).update();
		accounts.changeOwnPassword(user.id(), Fixtures.PASSWORD, "Xinmima#2027");
		assertThat(accounts.mustChangePassword(user.id())).isFalse();
	}

	@Test
	void refusesAWeakNewPasswordWithEveryReason() {
		var user = new TestAccounts(accounts, directory).aGridWorker();
		assertThatThrownBy(() -> accounts.changeOwnPassword(user.id(), "wrong", "gw"))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.errors())
				.extracting(InvalidInputException.FieldError::messageKey)
				.containsExactly("password.currentWrong", "password.tooShort", "password.tooSimple"));
		assertThatThrownBy(() -> accounts.changeOwnPassword(user.id(), Fixtures.PASSWORD, "X1-" + user.username()))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.errors())
				.extracting(InvalidInputException.FieldError::messageKey)
				.containsExactly("password.containsUsername"));
	}

	@Test
	void theSecurityAdministratorChangesThePolicyWithinItsRanges() throws Exception {
		PasswordPolicy before = accounts.passwordPolicy();
		mvc.perform(post("/admin/password-policy").with(fixtures.signedInAs("secadmin")).with(csrf())
				.param("minLength", "7").param("minCharacterClasses", "5").param("maxAgeDays", "90")
				.param("maxFailedAttempts", "2").param("lockoutMinutes", "").param("version", String.valueOf(before.version())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("须在 8 到 64 之间。")))
			.andExpect(content().string(containsString("须在 3 到 20 之间。")))
			.andExpect(content().string(containsString("须在 1 到 1440 之间。")));
		assertThat(accounts.passwordPolicy()).isEqualTo(before);

		mvc.perform(post("/admin/password-policy").with(fixtures.signedInAs("secadmin")).with(csrf())
				.param("minLength", String.valueOf(before.minLength())).param("minCharacterClasses", String.valueOf(before.minCharacterClasses()))
				.param("maxAgeDays", "180").param("maxFailedAttempts", String.valueOf(before.maxFailedAttempts()))
				.param("lockoutMinutes", String.valueOf(before.lockoutMinutes())).param("version", String.valueOf(before.version())))
			.andExpect(redirectedUrl("/admin/password-policy"));
		PasswordPolicy after = accounts.passwordPolicy();
		try {
			assertThat(after.maxAgeDays()).isEqualTo(180);
			assertThat(after.version()).isEqualTo(before.version() + 1);
			assertThat(accounts.passwordPolicyHistory().get(0).before()).contains("\"maxAgeDays\": " + before.maxAgeDays());
			assertThatThrownBy(() -> accounts.updatePasswordPolicy(fixtures.actor("secadmin"), before))
				.isInstanceOf(ConflictException.class);
		}
		finally {
			accounts.updatePasswordPolicy(fixtures.actor("secadmin"), new PasswordPolicy(before.minLength(),
					before.minCharacterClasses(), before.maxAgeDays(), before.maxFailedAttempts(), before.lockoutMinutes(),
					after.version()));
		}
	}
}
