package org.chuangwen.system;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.demo.DemoCity;
import org.chuangwen.organisation.OrganisationDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * What each role may read and change, through the API and the pages, asked of the server directly (not by hiding
 * buttons) — including a unit asking for another unit's objects by id. Outside one's scope an object does not exist
 * (404); inside it but beyond one's role, 403.
 *
 * Fixtures: 城管局 (CGJ) and 交警支队 (JJ) are city-level units; the 西山区 street office lies outside 东湖区.
 */
@ChuangwenIntegrationTest
class ScopingMatrixIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	OrganisationDirectory directory;

	@Autowired
	JdbcClient jdbc;

	private Map<String, String> ids;

	@BeforeEach
	void resolveFixtures() {
		ids = Map.of("{CGJ}", unit(DemoCity.UNIT_URBAN_MANAGEMENT), "{JJ}", unit(DemoCity.UNIT_TRAFFIC_POLICE),
				"{EAST_STREET}", unit(DemoCity.UNIT_STREET_EAST_1), "{WEST_STREET}", unit(DemoCity.UNIT_STREET_WEST_1),
				"{WEST}", directory.jurisdictionByCode(DemoCity.DISTRICT_WEST).orElseThrow().id().toString(),
				"{POLICE_USER}", user("police_admin"), "{SYSADMIN_USER}", user("sysadmin"));
	}

	static Stream<Arguments> reads() {
		return Stream.of(
				// one unit's page and API record: who may see it at all
				row("office", "GET", "/api/v1/units/{CGJ}", 200), row("district_office", "GET", "/api/v1/units/{CGJ}", 404),
				row("leader", "GET", "/api/v1/units/{CGJ}", 200), row("unit_admin", "GET", "/api/v1/units/{CGJ}", 200),
				row("unit_staff", "GET", "/api/v1/units/{CGJ}", 200), row("street_admin", "GET", "/api/v1/units/{CGJ}", 404),
				row("police_admin", "GET", "/api/v1/units/{CGJ}", 404), row("inspector", "GET", "/api/v1/units/{CGJ}", 200),
				row("grid_worker", "GET", "/api/v1/units/{CGJ}", 404), row("auditor", "GET", "/api/v1/units/{CGJ}", 403),
				row("unit_admin", "GET", "/api/v1/units/{JJ}", 404), row("unit_admin", "GET", "/organisation/units/{JJ}", 404),
				row("street_admin", "GET", "/organisation/units/{EAST_STREET}", 200),
				row("street_admin", "GET", "/organisation/units/{WEST_STREET}", 404),
				row("district_office", "GET", "/organisation/units/{EAST_STREET}", 200),
				row("district_office", "GET", "/organisation/units/{WEST_STREET}", 404),
				row("district_office", "GET", "/api/v1/jurisdictions/{WEST}", 404),
				row("office", "GET", "/api/v1/jurisdictions/{WEST}", 200),
				// lists answer, but only with what is in scope (checked below)
				row("unit_admin", "GET", "/api/v1/units", 200), row("district_office", "GET", "/api/v1/units", 200),
				// accounts
				row("secadmin", "GET", "/api/v1/users/{POLICE_USER}", 200), row("sysadmin", "GET", "/api/v1/users/{POLICE_USER}", 200),
				row("office", "GET", "/api/v1/users/{POLICE_USER}", 200), row("district_office", "GET", "/api/v1/users/{POLICE_USER}", 404),
				row("office", "GET", "/api/v1/users/{SYSADMIN_USER}", 404), row("unit_admin", "GET", "/api/v1/users/{POLICE_USER}", 403),
				row("leader", "GET", "/admin/users", 403), row("unit_admin", "GET", "/admin/users", 403),
				row("office", "GET", "/admin/users", 200), row("secadmin", "GET", "/admin/password-policy", 200),
				row("sysadmin", "GET", "/admin/password-policy", 403), row("office", "GET", "/admin/password-policy", 403),
				// the audit trail belongs to the audit administrator
				row("auditor", "GET", "/admin/audit", 200), row("office", "GET", "/admin/audit", 403),
				row("sysadmin", "GET", "/admin/audit", 403), row("auditor", "GET", "/api/v1/audit/verify", 200),
				row("office", "GET", "/api/v1/audit/verify", 403), row("unit_admin", "GET", "/api/v1/audit/verify", 403),
				// everyone knows who they are
				row("unit_staff", "GET", "/api/v1/me", 200), row("auditor", "GET", "/api/v1/me", 200));
	}

	static Stream<Arguments> changes() {
		return Stream.of(
				// a unit admin may not change units, not even its own; another unit is out of sight
				row("police_admin", "PATCH", "/api/v1/units/{JJ}", 403), row("unit_admin", "PATCH", "/api/v1/units/{JJ}", 404),
				row("district_office", "PATCH", "/api/v1/units/{CGJ}", 404), row("leader", "PATCH", "/api/v1/units/{CGJ}", 403),
				row("inspector", "PATCH", "/api/v1/units/{CGJ}", 403), row("auditor", "PATCH", "/api/v1/units/{CGJ}", 403),
				row("unit_admin", "POST", "/organisation/units/{JJ}/edit", 404),
				row("street_admin", "POST", "/organisation/units/{WEST_STREET}/edit", 404),
				row("unit_admin", "POST", "/api/v1/users", 403), row("leader", "POST", "/api/v1/users", 403),
				row("auditor", "PUT", "/api/v1/users/{POLICE_USER}/roles", 403),
				row("office", "PUT", "/api/v1/users/{SYSADMIN_USER}/roles", 404));
	}

	@ParameterizedTest(name = "{0} {1} {2} → {3}")
	@MethodSource("reads")
	void readsAreScoped(String who, String method, String path, int expected) throws Exception {
		int status = mvc.perform(request(HttpMethod.valueOf(method), resolve(path)).with(fixtures.signedInAs(who)))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).as("%s %s %s", who, method, path).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} {1} {2} → {3}")
	@MethodSource("changes")
	void changesAreRefusedOutsideRoleAndScope(String who, String method, String path, int expected) throws Exception {
		String before = jdbc.sql("select count(*) || ':' || coalesce(max(seq), 0) from audit_event").query(String.class).single();
		MockHttpServletRequestBuilder call = request(HttpMethod.valueOf(method), resolve(path)).with(fixtures.signedInAs(who))
			.with(csrf())
			.header("If-Match", "\"0\"");
		if (path.startsWith("/api/")) {
			call = call.contentType(MediaType.APPLICATION_JSON)
				.content(path.endsWith("/roles") ? "{\"version\":0,\"roles\":[\"OFFICE_ADMIN\"]}"
						: path.endsWith("/users") ? "{\"username\":\"intruder\",\"displayName\":\"x\",\"roles\":[\"LEADER\"]}"
								: "{\"phone\":\"0571-88886666\"}");
		}
		else {
			call = call.param("name", "改名").param("code", "X-1").param("version", "0");
		}
		int status = mvc.perform(call).andReturn().getResponse().getStatus();
		assertThat(status).as("%s %s %s", who, method, path).isEqualTo(expected);
		String after = jdbc.sql("select count(*) || ':' || coalesce(max(seq), 0) from audit_event").query(String.class).single();
		assertThat(after).as("a refused change writes nothing").isEqualTo(before);
	}

	@org.junit.jupiter.api.Test
	void listsHoldOnlyWhatIsInScope() throws Exception {
		String units = mvc.perform(request(HttpMethod.GET, "/api/v1/units?size=500").with(fixtures.signedInAs("unit_admin")))
			.andReturn().getResponse().getContentAsString();
		assertThat(units).contains(ids.get("{CGJ}")).doesNotContain(ids.get("{JJ}")).contains("\"total\":1");
		String district = mvc.perform(request(HttpMethod.GET, "/api/v1/units?size=500").with(fixtures.signedInAs("district_office")))
			.andReturn().getResponse().getContentAsString();
		assertThat(district).contains(ids.get("{EAST_STREET}")).doesNotContain(ids.get("{WEST_STREET}")).doesNotContain(ids.get("{CGJ}"));
	}

	private String resolve(String path) {
		String resolved = path;
		for (var entry : ids.entrySet()) {
			resolved = resolved.replace(entry.getKey(), entry.getValue());
		}
		return resolved;
	}

	private String unit(String code) {
		return directory.unitByCode(code).orElseThrow().id().toString();
	}

	private String user(String username) {
		return fixtures.actor(username).userId().toString();
	}

	private static Arguments row(String who, String method, String path, int expected) {
		return Arguments.of(who, method, path, expected);
	}
}
