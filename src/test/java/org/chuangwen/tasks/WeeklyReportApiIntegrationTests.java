package org.chuangwen.tasks;

import java.time.LocalDate;
import java.util.UUID;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.ApiTokens;
import org.chuangwen.tasks.ReportFixtures.TestUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.chuangwen.tasks.ReportFixtures.at;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The report API (/api/v1/weekly-reports) and pages (/reports) with their refusals. */
@ChuangwenIntegrationTest
class WeeklyReportApiIntegrationTests {

	static final LocalDate FRIDAY = LocalDate.of(2031, 5, 9);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ReportFixtures reports;

	@Autowired
	ApiTokens tokens;

	String bearer(Actor actor) {
		return "Bearer " + tokens.issue(actor.userId()).token();
	}

	@Test
	void aUnitEditsAndSubmitsItsReportThroughTheApiWithOptimisticLocking() throws Exception {
		TestUnit u = reports.aUnit();
		UUID open = reports.aTask(u, "接口未完成任务", FRIDAY.minusDays(1));
		WeeklyReport draft = reports.draft(u, FRIDAY, at(FRIDAY, 8, 0));
		String path = "/api/v1/weekly-reports/" + draft.id();

		mvc.perform(get(path).header("Authorization", bearer(u.admin())))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.status", is("DRAFT")))
			.andExpect(jsonPath("$.undone[0].taskId", is(open.toString())));
		mvc.perform(get("/api/v1/weekly-reports?period=" + FRIDAY).header("Authorization", bearer(u.admin())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].id", is(draft.id().toString())));

		String edit = """
				{"summary": "本周开展整治", "suggestions": "建议协调资金", "reasons": {"%s": "资金未到位"}}
				""".formatted(open);
		mvc.perform(put(path).header("Authorization", bearer(u.admin())).header("If-Match", "\"7\"")
			.contentType(MediaType.APPLICATION_JSON).content(edit)).andExpect(status().isConflict());
		mvc.perform(post(path + "/submit").header("Authorization", bearer(u.admin())).header("If-Match", "\"0\""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field", is("reason." + open)));
		mvc.perform(put(path).header("Authorization", bearer(u.admin())).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON).content(edit))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.undone[0].reason", is("资金未到位")));
		mvc.perform(post(path + "/submit").header("Authorization", bearer(u.admin())).header("If-Match", "\"1\""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status", is("SUBMITTED")))
			.andExpect(jsonPath("$.late", is(false)));
		mvc.perform(put(path).header("Authorization", bearer(u.admin())).contentType(MediaType.APPLICATION_JSON)
			.content(edit)).andExpect(status().isUnprocessableContent());
		mvc.perform(post(path + "/return").header("Authorization", bearer(fixtures.actor("leader")))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"请细化\"}")).andExpect(status().isForbidden());
		mvc.perform(post(path + "/return").header("Authorization", bearer(fixtures.cityOffice()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"请细化\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status", is("RETURNED")));
	}

	@Test
	void otherUnitsGetNotFoundAndRolesThatDoNotReadReportsAreRefused() throws Exception {
		TestUnit u = reports.aUnit();
		WeeklyReport draft = reports.draft(u, FRIDAY, at(FRIDAY, 8, 0));
		String path = "/api/v1/weekly-reports/" + draft.id();
		mvc.perform(get(path).header("Authorization", bearer(fixtures.urbanManagementAdmin()))).andExpect(status().isNotFound());
		mvc.perform(get(path).header("Authorization", bearer(fixtures.districtOffice()))).andExpect(status().isNotFound());
		mvc.perform(get(path).header("Authorization", bearer(fixtures.actor("inspector")))).andExpect(status().isForbidden());
		mvc.perform(get(path).header("Authorization", bearer(fixtures.actor("leader")))).andExpect(status().isOk());
		mvc.perform(put(path).header("Authorization", bearer(fixtures.urbanManagementAdmin()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"summary\": \"x\"}")).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/weekly-reports?period=" + FRIDAY).header("Authorization",
				bearer(fixtures.urbanManagementAdmin()))).andExpect(jsonPath("$.items", hasSize(0)));
		mvc.perform(get("/api/v1/weekly-reports?period=nope").header("Authorization", bearer(u.admin())))
			.andExpect(status().isBadRequest());
	}

	@Test
	void thePagesShowTheDraftRefuseAnIncompleteSubmissionAndGiveTheOfficeItsSummary() throws Exception {
		TestUnit u = reports.aUnit();
		UUID open = reports.aTask(u, "页面未完成任务", FRIDAY.minusDays(1));
		WeeklyReport draft = reports.draft(u, FRIDAY, at(FRIDAY, 8, 0));
		mvc.perform(get("/reports/" + draft.id()).with(Fixtures.signedIn(u.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("页面未完成任务")))
			.andExpect(content().string(containsString("name=\"reason." + open + "\"")));
		mvc.perform(post("/reports/" + draft.id()).with(Fixtures.signedIn(u.admin())).with(csrf())
			.param("action", "submit").param("version", "0").param("summary", "情况").param("reason." + open, ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请填写未完成原因")));
		mvc.perform(post("/reports/" + draft.id()).with(Fixtures.signedIn(u.admin())).with(csrf())
			.param("action", "submit").param("version", "0").param("summary", "情况").param("reason." + open, "人手不足"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/reports/summary?period=" + FRIDAY).with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("人手不足")))
			.andExpect(content().string(containsString("data-unit=\"" + u.unit().code() + "\" data-standing=\"ON_TIME\"")));
		mvc.perform(get("/reports/summary/export?period=" + FRIDAY).with(fixtures.signedInAs("leader")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("spreadsheetml")));
		mvc.perform(get("/reports/summary?period=" + FRIDAY).with(Fixtures.signedIn(u.admin()))).andExpect(status().isForbidden());
		mvc.perform(get("/reports/settings").with(fixtures.signedInAs("leader"))).andExpect(status().isForbidden());
		mvc.perform(get("/reports/settings").with(fixtures.signedInAs("office"))).andExpect(status().isOk());
		mvc.perform(get("/reports").with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"current-period\"")));
	}
}
