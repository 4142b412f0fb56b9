package org.chuangwen.tasks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.demo.CriteriaDemo;
import org.chuangwen.organisation.ApiTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The breakdown table: whole-file validation, every bad row reported, nothing half-imported, export → import. */
@ChuangwenIntegrationTest
class TaskImportIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CriteriaDirectory criteria;

	String bearer(String username) {
		return "Bearer " + tokens.issue(fixtures.actor(username).userId()).token();
	}

	UUID civilizedFramework() {
		var campaign = criteria.campaigns(fixtures.cityOffice(), new org.chuangwen.shared.PageRequest(0, 50)).items().stream()
			.filter(c -> c.code().equals(CriteriaDemo.CAMPAIGN_CIVILIZED)).findFirst().orElseThrow();
		return criteria.activeFramework(campaign.id(), false).orElseThrow().id();
	}

	static String inDays(int days) {
		return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(days).toString();
	}

	static byte[] aSheet(List<List<String>> rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("任务分解表");
			Row header = sheet.createRow(0);
			for (int c = 0; c < TaskSheets.HEADER.size(); c++) {
				header.createCell(c).setCellValue(TaskSheets.HEADER.get(c));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

	long tasks() {
		return jdbc.sql("select count(*) from task").query(Long.class).single();
	}

	@Test
	void aSheetWithBadRowsReportsEveryRowWithItsNumberAndImportsNothing() throws Exception {
		byte[] sheet = aSheet(List.of(
				List.of("Ⅲ-1-1", "好的一行", "U-LJ-CGJ", "U-LJ-CGJ", "", "", inDays(20), "台账", "2"),
				List.of("Ⅲ-1-1", "未知单位", "U-LJ-CGJ", "U-LJ-NOPE", "", "", inDays(20), "", "2"),
				List.of("Ⅲ-999-9", "未知标准", "U-LJ-CGJ", "U-LJ-CGJ", "", "", inDays(20), "", "2"),
				List.of("Ⅲ-1-1", "过期时限", "U-LJ-CGJ", "U-LJ-CGJ", "", "", "2020-01-01", "", "2"),
				List.of("Ⅲ-1-1", "", "U-LJ-CGJ", "U-LJ-CGJ", "", "", inDays(20), "", "2"),
				List.of("Ⅲ-1-1", "分值不是数字", "U-LJ-CGJ", "U-LJ-CGJ", "", "", "明天", "", "两分")));
		long before = tasks();
		mvc.perform(multipart("/api/v1/tasks/import").file(new MockMultipartFile("file", "分解表.xlsx", null, sheet))
			.param("frameworkId", civilizedFramework().toString())
			.header("Authorization", bearer("office")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(6)))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].field").value("responsibleUnitCodes"))
			.andExpect(jsonPath("$.errors[1].row").value(4))
			.andExpect(jsonPath("$.errors[1].field").value("standardCode"))
			.andExpect(jsonPath("$.errors[2].row").value(5))
			.andExpect(jsonPath("$.errors[2].field").value("deadline"))
			.andExpect(jsonPath("$.errors[3].row").value(6))
			.andExpect(jsonPath("$.errors[3].field").value("title"))
			.andExpect(jsonPath("$.errors[4].row").value(7))
			.andExpect(jsonPath("$.errors[5].row").value(7));
		assertThat(tasks()).isEqualTo(before);
	}

	@Test
	void theImportPageListsTheBadRowsToo() throws Exception {
		byte[] sheet = aSheet(List.of(List.of("", "页面导入", "U-LJ-CGJ", "U-LJ-NOPE", "", "", inDays(20), "", "1")));
		mvc.perform(multipart("/tasks/import").file(new MockMultipartFile("file", "分解表.xlsx", null, sheet))
			.with(csrf()).with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"import-problems\"")))
			.andExpect(content().string(containsString("U-LJ-NOPE")));
	}

	@Test
	void aFileThatIsNotAWorkbookIsRefusedWhateverItsName() throws Exception {
		mvc.perform(multipart("/api/v1/tasks/import").file(new MockMultipartFile("file", "分解表.xlsx", null, "不是表格".getBytes()))
			.header("Authorization", bearer("office")))
			.andExpect(status().isBadRequest());
		mvc.perform(multipart("/api/v1/tasks/import").file(new MockMultipartFile("file", "x.xlsx", null, aSheet(List.of())))
			.header("Authorization", bearer("unit_admin")))
			.andExpect(status().isForbidden());
	}

	@Test
	void anExportedSheetImportsBackToTheSameBreakdown() throws Exception {
		String marker = "往返" + UUID.randomUUID().toString().substring(0, 8);
		byte[] sheet = aSheet(List.of(
				List.of("Ⅲ-1-1", marker + " 公交站台保洁", "U-LJ-CGJ", "U-LJ-CGJ、U-LJ-01-01", "U-LJ-JJ", "", inDays(25), "保洁台账；整治照片", "2.5"),
				List.of("", marker + " 重点任务：背街小巷提升", "U-LJ-ZJJ", "U-LJ-ZJJ", "", "", inDays(40), "提升方案", "10")));
		UUID framework = civilizedFramework();
		mvc.perform(multipart("/api/v1/tasks/import").file(new MockMultipartFile("file", "a.xlsx", null, sheet))
			.param("frameworkId", framework.toString()).header("Authorization", bearer("office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items").value(2))
			.andExpect(jsonPath("$.tasks").value(3));
		byte[] exported = mvc.perform(get("/tasks/export").param("q", marker).with(fixtures.signedInAs("office")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		List<List<String>> first = rows(exported);
		assertThat(first).hasSize(2);
		mvc.perform(multipart("/api/v1/tasks/import").file(new MockMultipartFile("file", "b.xlsx", null, exported))
			.param("frameworkId", framework.toString()).header("Authorization", bearer("office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.tasks").value(3));
		List<List<String>> both = rows(mvc.perform(get("/tasks/export").param("q", marker).with(fixtures.signedInAs("office")))
			.andReturn().getResponse().getContentAsByteArray());
		assertThat(both).hasSize(4);
		assertThat(new java.util.HashSet<>(both)).containsExactlyInAnyOrderElementsOf(first);
		assertThat(first.get(0)).containsSubsequence("Ⅲ-1-1", marker + " 公交站台保洁", "U-LJ-CGJ", "U-LJ-CGJ、U-LJ-01-01", "U-LJ-JJ");
	}

	@Test
	void theTemplateCanBeDownloaded() throws Exception {
		byte[] template = mvc.perform(get("/tasks/import/template").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo(TaskSheets.HEADER.get(0));
		}
	}

	static List<List<String>> rows(byte[] workbook) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
			Sheet sheet = book.getSheetAt(0);
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < TaskSheets.HEADER.size(); c++) {
					var cell = sheet.getRow(r).getCell(c);
					cells.add(cell == null ? "" : cell.getStringCellValue());
				}
				rows.add(cells);
			}
		}
		return rows;
	}
}
