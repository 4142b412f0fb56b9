package org.chuangwen.problems;

import com.jayway.jsonpath.JsonPath;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.organisation.ApiTokens;
import org.chuangwen.points.LatLng;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The problem API (API.md): intake, lists, transitions and their errors with the right status, in Chinese. */
@ChuangwenIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemsApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApiTokens tokens;

	@Autowired
	ProblemTestPlaces places;

	@BeforeAll
	void places() {
		places.ready();
	}

	String bearer(String username) {
		return "Bearer " + tokens.issue(fixtures.actor(username).userId()).token();
	}

	String photoBy(String username) throws Exception {
		String answer = mvc.perform(multipart("/api/v1/blobs")
			.file(new MockMultipartFile("file", "现场.png", null, ProblemTestPlaces.png((int) (Math.random() * 1_000_000))))
			.param("use", "photo")
			.header("Authorization", bearer(username))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(answer, "$.id");
	}

	ResultActions report(String username, String body) throws Exception {
		return mvc.perform(post("/api/v1/problems").header("Authorization", bearer(username))
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	ResultActions act(String username, String id, String body, String ifMatch) throws Exception {
		var request = post("/api/v1/problems/" + id + "/transitions").header("Authorization", bearer(username))
			.contentType(MediaType.APPLICATION_JSON).content(body);
		if (ifMatch != null) {
			request = request.header("If-Match", ifMatch);
		}
		return mvc.perform(request);
	}

	@Test
	void theTaxonomyHasMajorAndMinorClassesWithDefaultDeadlines() throws Exception {
		mvc.perform(get("/api/v1/problem-categories").header("Authorization", bearer("grid_worker")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(greaterThanOrEqualTo(48)))
			.andExpect(jsonPath("$[?(@.code == 'A01')].deadlineValue").value(hasItem(4)))
			.andExpect(jsonPath("$[?(@.code == 'A01')].deadlineUnit").value(hasItem("WORKING_HOURS")))
			.andExpect(jsonPath("$[?(@.code == 'C01')].name").value(hasItem("车辆乱停放")))
			.andExpect(jsonPath("$[?(@.code == 'B05')].deadlineValue").value(hasItem(20)))
			.andExpect(jsonPath("$[?(@.code == 'A')].level").value(hasItem(1)));
	}

	@Test
	void reportAndWorkTheLoopWithEtagsAndTheRightErrors() throws Exception {
		LatLng at = places.spot(false);
		String photo = photoBy("inspector");
		String answer = report("inspector", """
				{"categoryCode": "D04", "description": "健身器材损坏", "lat": %s, "lng": %s, "photos": ["%s"]}
				""".formatted(at.lat(), at.lng(), photo))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.number").value(matchesPattern("20\\d\\d-\\d{6}")))
			.andExpect(jsonPath("$.status").value("dispatched"))
			.andExpect(jsonPath("$.slaLight").value("green"))
			.andExpect(jsonPath("$.deadline").exists())
			.andExpect(jsonPath("$.photos[0].kind").value("before"))
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(answer, "$.id");
		// a grid worker reports only inside his own grid's community
		report("grid_worker", """
				{"categoryCode": "D04", "description": "健身器材坏了", "lat": %s, "lng": %s}
				""".formatted(at.lat(), at.lng()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("不在您的辖区")));
		// the same again nearby: 409 with the candidate
		report("office", """
				{"categoryCode": "D04", "description": "健身器材坏了", "lat": %s, "lng": %s}
				""".formatted(at.lat(), at.lng()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.candidates[0].id").value(id));
		// a transition the state does not allow: 422
		act("inspector", id, "{\"action\": \"verify\", \"result\": \"pass\"}", null).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value(containsString("核查")));
		// somebody else's unit: 404
		act("police_admin", id, "{\"action\": \"claim\"}", null).andExpect(status().isNotFound());
		// a stale version: 409
		act("unit_admin", id, "{\"action\": \"claim\"}", "\"7\"").andExpect(status().isConflict());
		act("unit_admin", id, "{\"action\": \"claim\"}", "\"0\"").andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.status").value("claimed"));
		// rectify without a photo: 400, in Chinese
		act("unit_staff", id, "{\"action\": \"rectify\", \"note\": \"已修好\"}", null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("photos"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("整改后照片")));
		String after = photoBy("unit_staff");
		act("unit_staff", id, "{\"action\": \"rectify\", \"note\": \"已修好\", \"photos\": [\"%s\"]}".formatted(after), "\"1\"")
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("rectified"));
		act("inspector", id, "{\"action\": \"verify\", \"result\": \"fail\", \"note\": \"仍有一处损坏\"}", null)
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("rework"));
		String again = photoBy("unit_staff");
		act("unit_staff", id, "{\"action\": \"rectify\", \"photos\": [\"%s\"]}".formatted(again), null).andExpect(status().isOk());
		act("inspector", id, "{\"action\": \"verify\", \"result\": \"pass\"}", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("closed"))
			.andExpect(jsonPath("$.recheckDue").exists())
			.andExpect(jsonPath("$.slaLight").doesNotExist());
		mvc.perform(get("/api/v1/problems/" + id + "/history").header("Authorization", bearer("office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].action").value(org.hamcrest.Matchers.contains("report", "register", "dispatch",
					"claim", "rectify", "verify", "rectify", "verify")));
		mvc.perform(get("/api/v1/problems/" + id + "/photos/" + after).header("Authorization", bearer("office")))
			.andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"));
		mvc.perform(get("/api/v1/problems").param("status", "closed").param("categoryCode", "D04")
			.header("Authorization", bearer("office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id").value(hasItem(id)))
			.andExpect(jsonPath("$.total").value(greaterThanOrEqualTo(1)));
		// a unit sees its own problems only
		mvc.perform(get("/api/v1/problems/" + id).header("Authorization", bearer("street_admin"))).andExpect(status().isNotFound());
	}

	@Test
	void badInputIsA400WithEveryFieldInChinese() throws Exception {
		report("inspector", "{\"categoryCode\": \"Z9\", \"description\": \"\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("categoryCode", "description", "location")))
			.andExpect(jsonPath("$.errors[?(@.field == 'categoryCode')].message").value(hasItem(containsString("问题分类不存在"))));
		report("inspector", "{\"categoryCode\": \"A01\", \"description\": \"x\", \"lat\": -40, \"lng\": -70}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("不在本市")));
		report("inspector", "{not json").andExpect(status().isBadRequest());
		report("unit_admin", "{\"categoryCode\": \"A01\", \"description\": \"x\", \"lat\": 12.0, \"lng\": 25.0}")
			.andExpect(status().isForbidden());
		act("office", "00000000-0000-7000-8000-000000000000", "{\"action\": \"claim\"}", null).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/problems").param("status", "nonsense").header("Authorization", bearer("office")))
			.andExpect(status().isBadRequest());
	}
}
