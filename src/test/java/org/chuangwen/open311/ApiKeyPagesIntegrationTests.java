package org.chuangwen.open311;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The office's API key page: issuing shows the key once (only its hash is stored), the list shows the prefix, revoking
 * stops the key at once; both are audited; other roles are refused.
 */
@ChuangwenIntegrationTest
class ApiKeyPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApiKeys keys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.chuangwen.problems.ProblemTestPlaces places;

	@Test
	void theOfficeIssuesAKeyShownOnceAndRevokesIt() throws Exception {
		String page = mvc.perform(post("/open311/keys").with(fixtures.signedInAs("office")).with(csrf())
			.param("name", "页面测试应用").param("contact", "赵工 13700000000"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Matcher m = Pattern.compile("(cw311_[A-Za-z0-9_-]{43})").matcher(page);
		assertThat(m.find()).as(page).isTrue();
		String plain = m.group(1);
		ApiKey key = keys.active(plain).orElseThrow();
		assertThat(key.name()).isEqualTo("页面测试应用");
		assertThat(jdbc.sql("select count(*) from open311_api_key where key_hash = :h").param("h", ApiKeys.hash(plain))
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from open311_api_key where key_hash = :k or key_prefix = :k").param("k", plain)
			.query(Long.class).single()).isZero();

		String list = mvc.perform(get("/open311/keys").with(fixtures.signedInAs("office")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains("页面测试应用").contains(key.prefix()).doesNotContain(plain);

		assertThat(mvc.perform(post("/open311/keys/" + key.id() + "/revoke").with(fixtures.signedInAs("office")).with(csrf())
			.param("reason", "应用停止服务").param("version", Integer.toString(key.version()))).andReturn().getResponse()
			.getStatus()).isEqualTo(302);
		assertThat(keys.active(plain)).isEmpty();
		assertThat(auditCount(key.id(), "open311Key.issued")).isEqualTo(1);
		assertThat(auditCount(key.id(), "open311Key.revoked")).isEqualTo(1);
	}

	@Test
	void aMissingNameIsShownOnTheFormAndNothingIsIssued() throws Exception {
		long before = jdbc.sql("select count(*) from open311_api_key").query(Long.class).single();
		String page = mvc.perform(post("/open311/keys").with(fixtures.signedInAs("office")).with(csrf()).param("name", " ")
			.param("contact", "x")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("请填写应用名称");
		assertThat(jdbc.sql("select count(*) from open311_api_key").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void onlyTheOfficeManagesKeys() throws Exception {
		assertThat(mvc.perform(get("/open311/keys").with(fixtures.signedInAs("unit_admin"))).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mvc.perform(post("/open311/keys").with(fixtures.signedInAs("inspector")).with(csrf()).param("name", "x")
			.param("contact", "y")).andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void theOfficeSeesTheReporterDataAUnitDoesNot() throws Exception {
		places.ready();
		ApiKey key = keys.issue(fixtures.cityOffice(), "联系人测试应用", "周工").key();
		String plain = keys.issue(fixtures.cityOffice(), "联系人测试应用二", "周工").plainKey();
		String body = mvc.perform(post("/open311/v2/requests.json").param("api_key", plain).param("service_code", "A02")
			.param("address_id", "PR-IT-P1").param("email", "li.si@example.com").param("phone", "13600002222")
			.param("first_name", "四").param("last_name", "李")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String number = body.replaceAll(".*\"service_request_id\":\"([^\"]+)\".*", "$1");
		String page = mvc.perform(get("/open311/requests/" + number).with(fixtures.signedInAs("office")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("li.si@example.com").contains("13600002222").contains("李四").contains("联系人测试应用二");
		assertThat(mvc.perform(get("/open311/requests/" + number).with(fixtures.signedInAs("unit_admin"))).andReturn()
			.getResponse().getStatus()).isEqualTo(403);
		assertThat(key.active()).isTrue();
	}

	private long auditCount(UUID keyId, String action) {
		return jdbc.sql("select count(*) from audit_event where object_type = 'open311Key' and object_id = :id and action = :a")
			.param("id", keyId.toString()).param("a", action).query(Long.class).single();
	}
}
