package org.chuangwen.problems;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The problem pages render for the roles that use them, and refuse the others. */
@ChuangwenIntegrationTest
class ProblemPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ProblemTestPlaces places;

	@Test
	void theBoardCategoriesRechecksAndIntakeRender() throws Exception {
		mvc.perform(get("/problems/board").with(fixtures.signedInAs("office"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("问题调度台")));
		mvc.perform(get("/problems/board").param("overdue", "true").with(fixtures.signedInAs("leader"))).andExpect(status().isOk());
		mvc.perform(get("/problems/categories").with(fixtures.signedInAs("office"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("车辆乱停放")))
			.andExpect(content().string(containsString("工作小时")));
		mvc.perform(get("/problems/rechecks").with(fixtures.signedInAs("inspector"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("随机种子")));
		mvc.perform(get("/problems/new").with(fixtures.signedInAs("grid_worker"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("公益广告缺失")));
		mvc.perform(get("/problems/inbox").with(fixtures.signedInAs("unit_admin"))).andExpect(status().isOk());
		mvc.perform(get("/problems/new").with(fixtures.signedInAs("unit_admin"))).andExpect(status().isForbidden());
	}

	@Autowired
	ProblemManagement management;

	@Test
	void theDetailPageOffersEachRoleItsActions() throws Exception {
		places.ready();
		var inspector = fixtures.actor("inspector");
		var at = places.spot(false);
		Problem p = management.report(inspector, new NewProblem("E03", "页面测试", null, at.lat(), at.lng(), null,
				java.util.List.of(places.photo(inspector)), true));
		mvc.perform(get("/problems/" + p.id()).with(fixtures.signedInAs("unit_admin"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"claim\"")))
			.andExpect(content().string(containsString("id=\"dispute-form\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"dispatch-form\""))));
		mvc.perform(get("/problems/" + p.id()).with(fixtures.signedInAs("office"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"dispatch-form\"")))
			.andExpect(content().string(containsString("id=\"reject-form\"")));
		var staff = fixtures.actor("unit_staff");
		management.transition(staff, p.id(), ProblemCommand.of(ProblemAction.CLAIM));
		management.transition(staff, p.id(), ProblemCommand.of(ProblemAction.RECTIFY).photos(java.util.List.of(places.photo(staff))));
		mvc.perform(get("/problems/" + p.id()).with(fixtures.signedInAs("inspector"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"verify-fail\"")))
			.andExpect(content().string(containsString("id=\"verify-form\"")));
	}

	@Test
	void aReportWithoutPlaceIsShownAgainWithTheMessage() throws Exception {
		mvc.perform(multipart("/problems/new").file(new MockMultipartFile("photos", "", "application/octet-stream", new byte[0]))
			.param("categoryCode", "A01").param("description", "测试")
			.with(fixtures.signedInAs("inspector")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请选择点位或在地图上标出位置")));
		mvc.perform(multipart("/problems/new")
			.file(new MockMultipartFile("photos", "fake.png", "image/png", "not an image".getBytes()))
			.param("categoryCode", "A01").param("description", "测试").param("lat", "12.0001").param("lng", "25.0001")
			.with(fixtures.signedInAs("inspector")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不是图片")));
	}
}
