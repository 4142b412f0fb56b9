package org.chuangwen.criteria;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.criteria.CriteriaManagement.CriterionChange;
import org.chuangwen.criteria.CriteriaManagement.FrameworkDetails;
import org.chuangwen.criteria.CriteriaManagement.NewCriterion;
import org.chuangwen.demo.CriteriaDemo;
import org.chuangwen.organisation.Actor;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@ChuangwenIntegrationTest
class CriteriaIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CriteriaDirectory directory;

	@Autowired
	CriteriaManagement management;

	@Autowired
	JdbcClient jdbc;

	private Campaign civilized() {
		return campaign(CriteriaDemo.CAMPAIGN_CIVILIZED);
	}

	private Campaign campaign(String code) {
		return directory.campaigns(fixtures.cityOffice(), PageRequest.of(0, 50))
			.items()
			.stream()
			.filter(c -> c.code().equals(code))
			.findFirst()
			.orElseThrow();
	}

	private Framework civilizedFramework() {
		return directory.activeFramework(civilized().id(), false).orElseThrow();
	}

	private long rows(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	@Test
	void theDemoFrameworkHasARealisticSizeAndMaximaThatAddUp() {
		Framework framework = civilizedFramework();
		CriterionTree tree = directory.tree(fixtures.cityOffice(), framework.id());

		assertThat(framework.name()).isEqualTo(CriteriaDemo.FRAMEWORK_CIVILIZED);
		assertThat(tree.counts().get(CriterionLevel.I)).isGreaterThanOrEqualTo(7);
		assertThat(tree.counts().get(CriterionLevel.III)).isGreaterThanOrEqualTo(50);
		assertThat(tree.counts().get(CriterionLevel.STANDARD)).isGreaterThanOrEqualTo(150);
		assertThat(tree.standards().stream().flatMap(s -> s.pointTypes().stream()).collect(Collectors.toSet()))
			.hasSize(26);
		assertThat(tree.maximaMismatches(framework.totalScore())).isEmpty();
		assertThat(directory.negativeItems(fixtures.cityOffice(), framework.id())).hasSize(30);
		Framework minors = directory.activeFramework(civilized().id(), true).orElseThrow();
		assertThat(minors.passThreshold()).isEqualByComparingTo("85");
		assertThat(minors.weightPercent()).isEqualByComparingTo("20");
		assertThat(directory.mappings(fixtures.cityOffice(), framework.id())).isNotEmpty()
			.allSatisfy(m -> assertThat(m.outgoing()).isFalse());
	}

	@Test
	void exportThenImportGivesTheSameTree() throws Exception {
		Actor office = fixtures.cityOffice();
		Framework original = civilizedFramework();
		byte[] workbook = directory.export(office, original.id());

		Framework copy = management.importFramework(office, civilized().id(),
				new FrameworkDetails("往返测试", "RT", original.totalScore(), false, null, null),
				new ByteArrayInputStream(workbook), workbook.length);

		assertThat(shape(directory.tree(office, copy.id()))).isEqualTo(shape(directory.tree(office, original.id())));
		assertThat(directory.negativeItems(office, copy.id())).extracting(i -> i.code() + i.effect() + i.deduction())
			.containsExactlyElementsOf(directory.negativeItems(office, original.id())
				.stream()
				.map(i -> i.code() + i.effect() + i.deduction())
				.toList());
		assertThat(copy.status()).isEqualTo(FrameworkStatus.DRAFT);
	}

	private static List<String> shape(CriterionTree tree) {
		return tree.toDraft(List.of())
			.nodes()
			.stream()
			.map(n -> String.join("|", n.level().name(), n.code(), String.valueOf(n.parentCode()), n.name(),
					n.maxScore() == null ? "-" : n.maxScore().stripTrailingZeros().toPlainString(), n.methods().toString(),
					n.pointTypes().toString(), String.valueOf(n.changeMarker()), String.valueOf(n.sortOrder())))
			.toList();
	}

	@Test
	void aSheetWithFiveBadRowsReportsEveryOneAndImportsNothing() throws Exception {
		byte[] workbook = sheet(new String[][] {
				{ "Ⅰ", "A-1", "", "公共服务", "10", "", "", "", "" },
				{ "Ⅱ", "A-2", "A-1", "公共交通", "10", "", "", "", "" },
				{ "Ⅲ", "A-3", "A-2", "公交站点", "10", "", "", "", "" },
				{ "标准", "A-3-1", "A-9", "缺少上级", "", "实地考察", "P05", "", "" },
				{ "标准", "A-3-1", "A-3", "重复编码", "", "实地考察", "P05", "", "" },
				{ "标准", "A-3-2", "A-3", "分值非数字", "五分", "实地考察", "P05", "", "" },
				{ "标准", "A-3-3", "A-3", "未知点位类型", "", "实地考察", "P99", "", "" },
				{ "标准", "A-3-4", "A-3", "未知方法", "", "飞行检查", "公交站点", "", "" } });
		long frameworks = rows("framework");
		long criteria = rows("criterion");
		long standards = rows("standard");

		mvc.perform(multipart("/api/v1/frameworks/import").file(new MockMultipartFile("file", "bad.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook))
			.param("campaignId", civilized().id().toString())
			.param("name", "五处错误")
			.with(fixtures.signedInAs("office")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(5)))
			.andExpect(jsonPath("$.errors[*].row", org.hamcrest.Matchers.contains(5, 6, 7, 8, 9)))
			.andExpect(jsonPath("$.errors[0].sheet").value("测评体系"))
			.andExpect(jsonPath("$.errors[0].message").value("上级编码“A-9”在表中不存在。"))
			.andExpect(jsonPath("$.errors[2].field").value("分值"));

		assertThat(rows("framework")).isEqualTo(frameworks);
		assertThat(rows("criterion")).isEqualTo(criteria);
		assertThat(rows("standard")).isEqualTo(standards);
	}

	@Test
	void aTextFileRenamedToXlsxIsRefusedWithAClearMessage() throws Exception {
		long frameworks = rows("framework");
		mvc.perform(multipart("/api/v1/frameworks/import")
			.file(new MockMultipartFile("file", "体系.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
					"层级,编码\nⅠ,A-1\n".getBytes(StandardCharsets.UTF_8)))
			.param("campaignId", civilized().id().toString())
			.with(fixtures.signedInAs("office")))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.reason").value("NOT_EXCEL"))
			.andExpect(jsonPath("$.detail").value(containsString("不是 Excel 工作簿")));
		assertThat(rows("framework")).isEqualTo(frameworks);
	}

	@Test
	void theApiGivesTheTreeWithCodesLevelsMaximaMethodsAndPointTypes() throws Exception {
		Framework framework = civilizedFramework();
		mvc.perform(get("/api/v1/frameworks/{id}/tree", framework.id()).with(fixtures.signedInAs("inspector")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.nodes[0].code").value("Ⅰ-1"))
			.andExpect(jsonPath("$.nodes[0].level").value(1))
			.andExpect(jsonPath("$.nodes[0].parentCode").doesNotExist())
			.andExpect(jsonPath("$.nodes[1].parentCode").value("Ⅰ-1"))
			.andExpect(jsonPath("$.nodes[2].code").value(CriteriaDemo.ITEM_BUS_STOPS))
			.andExpect(jsonPath("$.nodes[2].level").value(3))
			.andExpect(jsonPath("$.nodes[2].maxScore").value(2))
			.andExpect(jsonPath("$.nodes[2].methods", hasItem("FIELD")))
			.andExpect(jsonPath("$.nodes[2].pointTypes", hasItem("P05")))
			.andExpect(jsonPath("$.nodes[2].standards[0].code").value(CriteriaDemo.STANDARD_BUS_STOP_CLEAN));
		mvc.perform(get("/api/v1/frameworks").param("size", "500").with(fixtures.signedInAs("leader")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.size").value(500))
			.andExpect(jsonPath("$.items[*].name", hasItem(CriteriaDemo.FRAMEWORK_CIVILIZED)));
		mvc.perform(get("/api/v1/frameworks/{id}/checklist", framework.id()).param("pointType", "P08")
			.with(fixtures.signedInAs("inspector")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].code").value(CriteriaDemo.ITEM_PUBLIC_TOILETS))
			.andExpect(jsonPath("$[0].standards[0].pointTypes", hasItem("P08")));
		mvc.perform(get("/api/v1/frameworks/{id}/checklist", framework.id()).param("pointType", "P99")
			.with(fixtures.signedInAs("inspector"))).andExpect(status().isBadRequest());
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/v1/frameworks/import")))
			.andExpect(content().string(containsString("/api/v1/frameworks/{id}/tree")));
		mvc.perform(get("/api/v1/point-types").with(fixtures.signedInAs("grid_worker")))
			.andExpect(jsonPath("$", hasSize(26)))
			.andExpect(jsonPath("$[4].code").value("P05"));
	}

	@Test
	void onlyAnOfficeCoveringTheCampaignEditsIt() {
		Framework framework = civilizedFramework();
		CriterionTree tree = directory.tree(fixtures.cityOffice(), framework.id());
		Criterion item = tree.criterionByCode(CriteriaDemo.ITEM_PUBLIC_TOILETS).orElseThrow();
		CriterionChange change = new CriterionChange(item.code(), item.name() + "（改）", item.maxScore(), item.sortOrder(),
				item.version());

		assertThatThrownBy(() -> management.changeCriterion(fixtures.actor("unit_admin"), item.id(), change))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> management.changeCriterion(fixtures.districtOffice(), item.id(), change))
			.isInstanceOf(ForbiddenException.class);
		assertThat(directory.tree(fixtures.districtOffice(), framework.id()).criteria()).isNotEmpty();
		assertThat(directory.tree(fixtures.actor("unit_admin"), framework.id()).criteria()).isNotEmpty();
	}

	@Test
	void aStaleVersionIsAConflictAndEveryChangeIsAudited() {
		Actor office = fixtures.cityOffice();
		Framework framework = management.createFramework(office, civilized().id(),
				new FrameworkDetails("空白体系", "X", null, false, null, null), new FrameworkDraft(List.of(), List.of()));
		Criterion category = management.addCriterion(office, framework.id(),
				new NewCriterion(CriterionLevel.I, null, "X-1", "测试项目", new BigDecimal("5"), null));
		management.changeCriterion(office, category.id(), new CriterionChange("X-1", "改名", null, null, 0));

		assertThatThrownBy(() -> management.changeCriterion(office, category.id(),
				new CriterionChange("X-1", "再改", null, null, 0))).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> management.addCriterion(office, framework.id(),
				new NewCriterion(CriterionLevel.III, category.id(), "X-2", "错层", null, null)))
			.isInstanceOf(org.chuangwen.shared.RuleViolationException.class);
		assertThat(jdbc.sql("select count(*) from audit_event where object_id = :id")
			.param("id", category.id().toString())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void thePointTypeChecklistListsExactlyTheStandardsThatApply() throws Exception {
		Framework framework = civilizedFramework();
		CriterionTree tree = directory.tree(fixtures.cityOffice(), framework.id());
		Set<String> expected = tree.standards()
			.stream()
			.filter(s -> s.appliesTo("P08"))
			.map(Standard::code)
			.collect(Collectors.toSet());

		List<ChecklistGroup> checklist = directory.checklist(fixtures.actor("inspector"), framework.id(), "P08");

		assertThat(checklist.stream().flatMap(g -> g.standards().stream()).map(Standard::code))
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(checklist).allSatisfy(g -> assertThat(g.contentItem().level()).isEqualTo(CriterionLevel.III));
		assertThat(expected).contains(CriteriaDemo.ITEM_PUBLIC_TOILETS + "-1");
		mvc.perform(get("/criteria/frameworks/{id}/checklist", framework.id()).param("pointType", "P08")
			.with(fixtures.signedInAs("inspector")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("公共厕所管理")))
			.andExpect(content().string(not(containsString("公交站点规范有序"))));
	}

	@Test
	void thePagesShowTheTreeAndTheMaximaCheck() throws Exception {
		Framework framework = civilizedFramework();
		mvc.perform(get("/criteria/frameworks").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("全国文明城市")));
		mvc.perform(get("/criteria/frameworks/{id}", framework.id()).with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("各级分值均与下级分值之和一致")))
			.andExpect(content().string(containsString("公共服务")));
		mvc.perform(get("/criteria/frameworks/{id}/negative-list", framework.id()).with(fixtures.signedInAs("leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("累计扣分")));
		mvc.perform(get("/criteria/frameworks/{id}/export.xlsx", framework.id()).with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		mvc.perform(get("/criteria/frameworks/template.xlsx").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Content-Disposition", containsString("attachment")));
	}

	private static byte[] sheet(String[][] rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("测评体系");
			Row header = sheet.createRow(0);
			String[] columns = { "层级", "编码", "上级编码", "名称或标准内容", "分值", "测评方法", "适用点位类型", "变化标记", "排序" };
			for (int i = 0; i < columns.length; i++) {
				header.createCell(i).setCellValue(columns[i]);
			}
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < rows[r].length; c++) {
					if (!rows[r][c].isEmpty()) {
						row.createCell(c).setCellValue(rows[r][c]);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}
}
