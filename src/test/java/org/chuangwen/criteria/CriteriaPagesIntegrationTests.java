package org.chuangwen.criteria;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.criteria.CriteriaManagement.NewIncident;
import org.chuangwen.criteria.CriteriaManagement.NewIndicatorValue;
import org.chuangwen.demo.CriteriaDemo;
import org.chuangwen.organisation.Actor;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ChuangwenIntegrationTest
class CriteriaPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CriteriaDirectory directory;

	@Autowired
	CriteriaManagement management;

	private Campaign civilized() {
		return directory.campaigns(fixtures.cityOffice(), PageRequest.of(0, 50))
			.items()
			.stream()
			.filter(c -> c.code().equals(CriteriaDemo.CAMPAIGN_CIVILIZED))
			.findFirst()
			.orElseThrow();
	}

	private Framework civilizedFramework() {
		return directory.activeFramework(civilized().id(), false).orElseThrow();
	}

	@Test
	void everyCriteriaPageRendersForTheOfficeAndForReaders() throws Exception {
		Framework framework = civilizedFramework();
		String base = "/criteria/frameworks/" + framework.id();
		for (String user : new String[] { "office", "leader", "inspector", "unit_admin" }) {
			for (String path : new String[] { "/criteria/frameworks", "/criteria/campaigns/" + civilized().id(), base,
					base + "/checklist?pointType=P05", base + "/negative-list", base + "/indicators", base + "/mappings" }) {
				mvc.perform(get(path).with(fixtures.signedInAs(user))).andExpect(status().isOk());
			}
		}
		mvc.perform(get(base).with(fixtures.signedInAs("leader")))
			.andExpect(content().string(not(containsString("/criteria/criteria/"))));
		mvc.perform(get(base).param("lang", "en").with(fixtures.signedInAs("office")))
			.andExpect(content().string(containsString("Every maximum equals the sum of its children")));
	}

	@Test
	void expandingANodeLoadsItsChildrenAndAContentItemShowsItsStandardsWithMarkers() throws Exception {
		Framework framework = civilizedFramework();
		CriterionTree tree = directory.tree(framework.id());
		Criterion category = tree.roots().get(0);
		Criterion item = tree.criterionByCode(CriteriaDemo.ITEM_BUS_STOPS).orElseThrow();

		mvc.perform(get("/criteria/frameworks/{f}/nodes/{n}", framework.id(), category.id())
			.header("HX-Request", "true")
			.with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("公共交通")))
			.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(get("/criteria/frameworks/{f}/nodes/{n}", framework.id(), item.id()).with(fixtures.signedInAs("office")))
			.andExpect(content().string(containsString(CriteriaDemo.STANDARD_BUS_STOP_CLEAN)))
			.andExpect(content().string(containsString("实地考察")));
	}

	@Test
	void aRefusedInlineFormOpensTheTreeAtTheNodeAndShowsTheErrorNextToTheField() throws Exception {
		Actor office = fixtures.cityOffice();
		Framework draft = management.newEdition(office, civilizedFramework().id(), "错误提示测试", "T1");
		CriterionTree tree = directory.tree(draft.id());
		Criterion item = tree.criterionByCode(CriteriaDemo.ITEM_PUBLIC_TOILETS).orElseThrow();

		MvcResult result = mvc.perform(post("/criteria/frameworks/{id}/standards", draft.id()).with(csrf())
			.with(fixtures.signedInAs("office"))
			.param("criterionId", item.id().toString())
			.param("code", CriteriaDemo.STANDARD_BUS_STOP_CLEAN)
			.param("content", "")
			.param("pointTypes", "P08"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("refusedForm", "add-standard-" + item.id()))
			.andReturn();

		// the flash attributes travel in the (database-backed) session: follow the redirect with its cookie
		mvc.perform(get("/criteria/frameworks/{id}", draft.id()).with(fixtures.signedInAs("office"))
			.cookie(result.getResponse().getCookies()))
			.andExpect(content().string(containsString("该编码已被使用")))
			.andExpect(content().string(containsString("测评标准至少要有一种测评方法")))
			.andExpect(content().string(containsString("invalid-feedback d-block")))
			.andExpect(content().string(containsString("室外公共厕所")));
	}

	@Test
	void theTreePageListsNodesWhoseMaximaDoNotAddUpWithLinksThatOpenThem() throws Exception {
		Actor office = fixtures.cityOffice();
		Framework draft = management.newEdition(office, civilizedFramework().id(), "分值检查测试", "T3");
		Criterion item = directory.tree(draft.id()).criterionByCode(CriteriaDemo.ITEM_BUS_STOPS).orElseThrow();
		management.changeCriterion(office, item.id(), new CriteriaManagement.CriterionChange(item.code(), item.name(),
				new BigDecimal("3"), item.sortOrder(), item.version()));

		mvc.perform(get("/criteria/frameworks/{id}", draft.id()).with(fixtures.signedInAs("office")))
			.andExpect(content().string(containsString("以下 1 个节点的分值与下级分值之和不一致")))
			.andExpect(content().string(containsString("open=" + item.parentId())));
		mvc.perform(get("/criteria/frameworks/{id}", draft.id()).param("open", item.id().toString())
			.with(fixtures.signedInAs("office")))
			.andExpect(content().string(containsString(CriteriaDemo.STANDARD_BUS_STOP_CLEAN)))
			.andExpect(content().string(containsString("复制为新版本")));
	}

	@Test
	void theImportPageListsEveryBadRow() throws Exception {
		byte[] bad = FrameworkWorkbook.write(new FrameworkDraft(java.util.List.of(
				new FrameworkDraft.Node(2, CriterionLevel.II, "Z-2", "Z-1", "无上级", null, java.util.List.of(),
						java.util.List.of(), null, 1)), java.util.List.of()), directory.pointTypes());
		mvc.perform(multipart("/criteria/campaigns/{id}/import", civilized().id())
			.file(new MockMultipartFile("file", "bad.xlsx", "application/octet-stream", bad))
			.param("name", "坏文件")
			.param("edition", "X")
			.with(csrf())
			.with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("上级编码“Z-1”在表中不存在")))
			.andExpect(content().string(containsString("测评体系")));
		mvc.perform(multipart("/criteria/campaigns/{id}/import", civilized().id())
			.file(new MockMultipartFile("file", "notes.xlsx", "application/octet-stream", "hello".getBytes()))
			.param("name", "坏文件")
			.param("edition", "X")
			.with(csrf())
			.with(fixtures.signedInAs("office")))
			.andExpect(content().string(containsString("不是 Excel 工作簿")));
	}

	@Test
	void aUnitAdminCannotEditOrImportAndADistrictOfficeCannotEditACityCampaign() throws Exception {
		Framework framework = civilizedFramework();
		Criterion item = directory.tree(framework.id()).criterionByCode(CriteriaDemo.ITEM_BUS_STOPS).orElseThrow();
		mvc.perform(post("/criteria/criteria/{id}", item.id()).with(csrf())
			.with(fixtures.signedInAs("unit_admin"))
			.param("frameworkId", framework.id().toString())
			.param("code", item.code())
			.param("name", "改名")
			.param("version", String.valueOf(item.version()))).andExpect(status().isForbidden());
		mvc.perform(post("/criteria/criteria/{id}", item.id()).with(csrf())
			.with(fixtures.signedInAs("district_office"))
			.param("frameworkId", framework.id().toString())
			.param("code", item.code())
			.param("name", "改名")
			.param("version", String.valueOf(item.version()))).andExpect(status().isForbidden());
		mvc.perform(multipart("/api/v1/frameworks/import")
			.file(new MockMultipartFile("file", "t.xlsx", "application/octet-stream",
					FrameworkWorkbook.template(directory.pointTypes())))
			.param("campaignId", civilized().id().toString())
			.with(fixtures.signedInAs("unit_admin"))).andExpect(status().isForbidden());
		assertThat(directory.tree(framework.id()).criterionByCode(CriteriaDemo.ITEM_BUS_STOPS).orElseThrow().name())
			.isEqualTo(item.name());
	}

	@Test
	void anIncidentAppliesItsEffectAndTheResponsibleUnitReportsItsIndicator() throws Exception {
		Actor office = fixtures.cityOffice();
		Framework copy = management.newEdition(office, civilizedFramework().id(), "事件测试", "T2");
		NegativeListItem veto = directory.negativeItems(office, copy.id())
			.stream()
			.filter(i -> i.code().equals(CriteriaDemo.NEGATIVE_VETO))
			.findFirst()
			.orElseThrow();

		management.recordIncident(office, copy.id(),
				new NewIncident(veto.id(), LocalDate.of(2026, 10, 1), "重大安全生产事故", "事故调查报告"));

		assertThat(directory.standing(office, copy.id()).vetoed()).isTrue();
		mvc.perform(get("/criteria/frameworks/{id}/negative-list", copy.id()).with(fixtures.signedInAs("leader")))
			.andExpect(content().string(containsString("已被一票否决")));

		Framework demo = civilizedFramework();
		QuantitativeIndicator waste = directory.indicators(office, demo.id())
			.stream()
			.filter(q -> q.code().equals(CriteriaDemo.INDICATOR_WASTE_TREATMENT))
			.findFirst()
			.orElseThrow();
		IndicatorValue value = management.reportValue(fixtures.actor("unit_admin"), waste.id(),
				new NewIndicatorValue("2026-10", new BigDecimal("94.5"), "10月统计报表", null));
		assertThat(value.met()).isFalse();
		assertThat(value.reportedByName()).contains("赵强");
		assertThatThrownBy(() -> management.reportValue(fixtures.actor("police_admin"), waste.id(),
				new NewIndicatorValue("2026-10", new BigDecimal("99"), null, null))).isInstanceOf(ForbiddenException.class);
	}

	@Test
	void mappingsAreVisibleFromBothCampaigns() throws Exception {
		Actor office = fixtures.cityOffice();
		Framework civilized = civilizedFramework();
		Campaign sanitary = directory.campaigns(office, PageRequest.of(0, 50))
			.items()
			.stream()
			.filter(c -> c.code().equals(CriteriaDemo.CAMPAIGN_SANITARY))
			.findFirst()
			.orElseThrow();
		Framework sanitaryFramework = directory.activeFramework(sanitary.id(), false).orElseThrow();

		assertThat(directory.mappings(office, sanitaryFramework.id())).extracting(StandardMapping::otherCode)
			.contains("Ⅲ-5-2", "Ⅲ-23-1");
		assertThat(directory.mappings(office, civilized.id())).extracting(StandardMapping::otherCode)
			.contains("WS-Ⅲ-3-1");
		mvc.perform(get("/criteria/frameworks/{id}/mappings", civilized.id()).with(fixtures.signedInAs("office")))
			.andExpect(content().string(containsString("国家卫生城市")))
			.andExpect(content().string(containsString("WS-Ⅲ-3-1")));
	}
}
