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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
			// the small map of where the problem is, red while it is open
			.andExpect(content().string(containsString("id=\"point-map\"")))
			.andExpect(content().string(containsString("data-lat=\"")))
			.andExpect(content().string(containsString("data-state=\"problems\"")))
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

	@Autowired
	ProblemDirectory directory;

	@Autowired
	org.chuangwen.organisation.OrganisationDirectory organisation;

	@Test
	void theDisputeFormOffersTheCitysUnitsByNameAndTheServerChecksTheChoice() throws Exception {
		places.ready();
		var inspector = fixtures.actor("inspector");
		var at = places.spot(false);
		Problem p = management.report(inspector, new NewProblem("E03", "争议测试", null, at.lat(), at.lng(), null,
				java.util.List.of(places.photo(inspector)), true));
		String own = organisation.unit(p.unitId()).orElseThrow().name();
		var police = organisation.unit(places.trafficPolice).orElseThrow();
		String page = mvc.perform(get("/problems/" + p.id()).with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		// a select of units by name with a search box, not an id field; the unit's own name is not offered
		org.assertj.core.api.Assertions.assertThat(page)
			.contains("<select class=\"form-select mb-2\" id=\"dispute-unit\" name=\"suggestedUnitId\"")
			.contains("id=\"dispute-unit-filter\"")
			.contains("<option value=\"" + police.id() + "\">" + police.name() + "</option>")
			.doesNotContain("placeholder=\"UUID\"");
		String select = page.substring(page.indexOf("id=\"dispute-unit\""), page.indexOf("</select>", page.indexOf("id=\"dispute-unit\"")));
		org.assertj.core.api.Assertions.assertThat(select).doesNotContain(">" + own + "<").doesNotContain(p.unitId().toString());

		// the problem's own unit, an unknown unit and a malformed id are refused with a clear message
		mvc.perform(post("/problems/" + p.id() + "/dispute").param("note", "不归我们管")
				.param("suggestedUnitId", p.unitId().toString()).param("version", String.valueOf(p.version()))
				.with(fixtures.signedInAs("unit_admin")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("建议的责任单位不能是当前责任单位“" + own + "”")));
		mvc.perform(post("/problems/" + p.id() + "/dispute").param("note", "不归我们管")
				.param("suggestedUnitId", java.util.UUID.randomUUID().toString()).param("version", String.valueOf(p.version()))
				.with(fixtures.signedInAs("unit_admin")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("建议的责任单位不存在或已停用")));
		org.assertj.core.api.Assertions.assertThat(directory.problem(p.id()).orElseThrow().hasOpenDispute()).isFalse();

		// a unit of the city: recorded, and shown by name
		mvc.perform(post("/problems/" + p.id() + "/dispute").param("note", "应由交警负责")
				.param("suggestedUnitId", police.id().toString()).param("version", String.valueOf(p.version()))
				.with(fixtures.signedInAs("unit_admin")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		org.assertj.core.api.Assertions.assertThat(directory.problem(p.id()).orElseThrow().disputeSuggestedUnitId())
			.isEqualTo(police.id());
		mvc.perform(get("/problems/" + p.id()).with(fixtures.signedInAs("office")))
			.andExpect(content().string(containsString("（→ " + police.name() + "）")));
	}

	@Test
	void aLeaderCannotVerifyAndIsToldWhyOnTheProblemPage() throws Exception {
		places.ready();
		var inspector = fixtures.actor("inspector");
		var staff = fixtures.actor("unit_staff");
		var at = places.spot(false);
		Problem p = management.report(inspector, new NewProblem("E03", "核查权限测试", null, at.lat(), at.lng(), null,
				java.util.List.of(places.photo(inspector)), true));
		management.transition(staff, p.id(), ProblemCommand.of(ProblemAction.CLAIM));
		management.transition(staff, p.id(), ProblemCommand.of(ProblemAction.RECTIFY).photos(java.util.List.of(places.photo(staff))));
		// the verifier has the form; the leader reads the page without it
		mvc.perform(get("/problems/" + p.id()).with(fixtures.signedInAs("inspector")))
			.andExpect(content().string(containsString("id=\"verify-form\"")));
		mvc.perform(get("/problems/" + p.id()).with(fixtures.signedInAs("leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"verify-form\""))));
		// posting it anyway: 403, the page says which action was refused, and the problem waits for its verifier
		mvc.perform(post("/problems/" + p.id() + "/verify").param("result", "pass").param("note", "领导看过了")
				.with(fixtures.signedInAs("leader")).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("您无权对该问题执行“核查”")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("java.lang.Object"))));
		org.assertj.core.api.Assertions.assertThat(directory.problem(p.id()).orElseThrow().status())
			.isEqualTo(ProblemStatus.RECTIFIED);
		// an unknown problem: the error page names what is missing (its arguments filled in)
		mvc.perform(get("/problems/" + java.util.UUID.randomUUID()).with(fixtures.signedInAs("office")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("java.lang.Object"))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("{1}"))));
	}

	@Test
	void aReportWithoutPlaceIsShownAgainWithTheMessage() throws Exception {
		mvc.perform(multipart("/problems/new").file(new MockMultipartFile("photos", "", "application/octet-stream", new byte[0]))
			.param("categoryCode", "A01").param("description", "测试")
			.with(fixtures.signedInAs("inspector")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请选择点位或在地图上标出位置")));
		mvc.perform(multipart("/problems/new")
			.file(new MockMultipartFile("photos", "fake.png", "image/png", "not an image".getBytes()))
			.param("categoryCode", "A01").param("description", "测试").param("lat", "12.0001").param("lng", "25.0001")
			.with(fixtures.signedInAs("inspector")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不是图片")));
		// a photo cut off in the middle: 422 on the form, with the reason
		byte[] jpeg = org.chuangwen.blobs.TestPhotos.jpeg(org.chuangwen.blobs.TestPhotos.scene(5150, 320, 240), 0.9f);
		mvc.perform(multipart("/problems/new")
			.file(new MockMultipartFile("photos", "现场.jpg", "image/jpeg", java.util.Arrays.copyOf(jpeg, jpeg.length / 2)))
			.param("categoryCode", "A01").param("description", "测试").param("lat", "12.0001").param("lng", "25.0001")
			.with(fixtures.signedInAs("inspector")).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("“现场.jpg”看起来是图片，但内容已损坏或不完整")));
	}
}
