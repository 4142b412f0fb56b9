package org.chuangwen.organisation;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.demo.DemoCity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ChuangwenIntegrationTest
class OrganisationApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApiTokens tokens;

	@Autowired
	OrganisationDirectory directory;

	private String bearer(String username) {
		return "Bearer " + tokens.issue(fixtures.actor(username).userId()).token();
	}

	@Test
	void jurisdictionsComeAsAFlatPagedListWithinTheCallersScope() throws Exception {
		mvc.perform(get("/api/v1/jurisdictions?size=500").header("Authorization", bearer("office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total", greaterThan(740)))
			.andExpect(jsonPath("$.items", hasSize(500)))
			.andExpect(jsonPath("$.items[0].code").value(DemoCity.CITY))
			.andExpect(jsonPath("$.items[0].parentId").isEmpty());
		Jurisdiction east = directory.jurisdictionByCode(DemoCity.DISTRICT_EAST).orElseThrow();
		mvc.perform(get("/api/v1/jurisdictions?parentId=" + east.id()).header("Authorization", bearer("district_office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(6)))
			.andExpect(jsonPath("$.items[*].level", everyItem(is("STREET"))));
		Jurisdiction west = directory.jurisdictionByCode(DemoCity.DISTRICT_WEST).orElseThrow();
		mvc.perform(get("/api/v1/jurisdictions/" + west.id()).header("Authorization", bearer("district_office")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aUnitAccountGetsOnlyItsOwnUnitAnd404ForAnyOther() throws Exception {
		Unit own = directory.unitByCode(DemoCity.UNIT_URBAN_MANAGEMENT).orElseThrow();
		Unit other = directory.unitByCode(DemoCity.UNIT_TRAFFIC_POLICE).orElseThrow();
		mvc.perform(get("/api/v1/units").header("Authorization", bearer("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(own.id().toString()));
		mvc.perform(get("/api/v1/units/" + other.id()).header("Authorization", bearer("unit_admin")))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")));
	}

	@Test
	void unitsCanBeFilteredByTypeAndSubtree() throws Exception {
		Jurisdiction east = directory.jurisdictionByCode(DemoCity.DISTRICT_EAST).orElseThrow();
		mvc.perform(get("/api/v1/units?type=STREET_OFFICE&jurisdictionId=" + east.id()).header("Authorization", bearer("office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(6))
			.andExpect(jsonPath("$.items[*].type", everyItem(is("STREET_OFFICE"))));
		mvc.perform(get("/api/v1/units?q=U-LJ-CG").header("Authorization", bearer("office")))
			.andExpect(jsonPath("$.items[*].code", hasItem(DemoCity.UNIT_URBAN_MANAGEMENT)));
	}

	@Test
	void createThenChangeAUnitWithOptimisticLocking() throws Exception {
		Jurisdiction east = directory.jurisdictionByCode(DemoCity.DISTRICT_EAST).orElseThrow();
		String body = """
				{"code": "API-U-1", "name": "接口单位", "type": "ENTERPRISE", "jurisdictionId": "%s"}
				""".formatted(east.id());
		String location = mvc.perform(post("/api/v1/units").header("Authorization", bearer("district_office"))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"0\""))
			.andReturn().getResponse().getHeader("Location");
		mvc.perform(patch(location).header("Authorization", bearer("district_office")).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"接口单位（改）\", \"phone\": \"0571-8888\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("接口单位（改）"))
			.andExpect(jsonPath("$.code").value("API-U-1"))
			.andExpect(header().string("ETag", "\"1\""));
		mvc.perform(patch(location).header("Authorization", bearer("district_office")).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"过期修改\"}"))
			.andExpect(status().isConflict());
		mvc.perform(put(location).header("Authorization", bearer("district_office"))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("If-Match"));
	}

	@Test
	void aRetriedCreateWithTheSameIdempotencyKeyCreatesOneUnit() throws Exception {
		Jurisdiction east = directory.jurisdictionByCode(DemoCity.DISTRICT_EAST).orElseThrow();
		String body = """
				{"code": "API-IDEM-1", "name": "重试单位", "type": "OTHER", "jurisdictionId": "%s"}
				""".formatted(east.id());
		String token = bearer("office");
		for (int attempt = 0; attempt < 2; attempt++) {
			mvc.perform(post("/api/v1/units").header("Authorization", token).header("Idempotency-Key", "org-test-idem-1")
				.contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.code").value("API-IDEM-1"));
		}
		mvc.perform(get("/api/v1/units?q=API-IDEM-").header("Authorization", token)).andExpect(jsonPath("$.total").value(1));
	}

	@Test
	void theOrganisationApiIsDocumented() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/units/import']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/people/import']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/jurisdictions']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/units/{id}'].patch").exists());
	}

	@Test
	void invalidAndDuplicateUnitsAreRefusedWithEveryFieldError() throws Exception {
		String body = """
				{"code": "%s", "name": "", "type": "DEPARTMENT"}
				""".formatted(DemoCity.UNIT_URBAN_MANAGEMENT);
		mvc.perform(post("/api/v1/units").header("Authorization", bearer("office")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("code")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("jurisdictionId")));
	}

	@Test
	void aDistrictOfficeCannotChangeAUnitInAnotherDistrictThroughTheApi() throws Exception {
		Unit west = directory.unitByCode(DemoCity.UNIT_STREET_WEST_1).orElseThrow();
		mvc.perform(patch("/api/v1/units/" + west.id()).header("Authorization", bearer("district_office"))
			.header("If-Match", "\"" + west.version() + "\"").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"越权\"}"))
			.andExpect(status().isNotFound());
	}
}
