package org.chuangwen.system;

import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.demo.DemoCity;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.UserAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ChuangwenIntegrationTest
class SessionRevocationIntegrationTests {

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
	void sessionsLiveInTheDatabaseAndEndWhenTheAccountIsDisabled() throws Exception {
		UUID unit = directory.unitByCode(DemoCity.UNIT_TRAFFIC_POLICE).orElseThrow().id();
		UUID id = accounts.createBySystem(new UserAccounts.NewUser("revoked_staff", "交警 责任人", Fixtures.PASSWORD,
				EnumSet.of(Role.UNIT_STAFF), unit, null, null), false);
		MockHttpServletResponse login = mvc.perform(formLogin("/login").user("revoked_staff").password(Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse();
		Cookie session = login.getCookie("SESSION");
		assertThat(session).as("the session cookie of Spring Session").isNotNull();
		mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
		assertThat(sessionsOf("revoked_staff")).isEqualTo(1);

		int version = accounts.profile(fixtures.actor("sysadmin"), id).version();
		accounts.setEnabled(fixtures.actor("sysadmin"), id, version, false);

		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (sessionsOf("revoked_staff") > 0 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(sessionsOf("revoked_staff")).isZero();
		mvc.perform(get("/").cookie(session)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	private long sessionsOf(String username) {
		return jdbc.sql("select count(*) from spring_session where principal_name = :u").param("u", username).query(Long.class).single();
	}
}
