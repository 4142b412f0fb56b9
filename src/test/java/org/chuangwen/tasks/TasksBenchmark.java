package org.chuangwen.tasks;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.criteria.Standard;
import org.chuangwen.demo.CriteriaDemo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Measures (does not assert) the two figures of issue 3: importing a 2,000-line breakdown table, and the office's
 * overview pages at 20,000 tasks (p50/p95 of the server-side page time through MockMvc: controller, queries and
 * Thymeleaf rendering). Not part of the test suite (the name does not end in Tests); run with bench/tasks-bench.sh.
 */
@ChuangwenIntegrationTest
class TasksBenchmark {

	private static final int SHEET_ROWS = 2_000;

	private static final int TASKS = 20_000;

	private static final int WARMUP = 20;

	private static final int RUNS = 200;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TaskSheets sheets;

	@Autowired
	CriteriaDirectory criteria;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void measure() throws Exception {
		var office = fixtures.cityOffice();
		var campaign = criteria.campaigns(office, new org.chuangwen.shared.PageRequest(0, 50)).items().stream()
			.filter(c -> c.code().equals(CriteriaDemo.CAMPAIGN_CIVILIZED)).findFirst().orElseThrow();
		UUID framework = criteria.activeFramework(campaign.id(), false).orElseThrow().id();
		List<Standard> standards = criteria.tree(framework).standards();
		List<String> units = jdbc.sql("select code from unit where active and code like 'U-LJ-%' order by code").query(String.class).list();

		// warm up the import path on a small sheet, then time the 2,000-line sheet
		sheets.importSheet(office, framework, sheet(standards, units, 50, 1));
		byte[] big = sheet(standards, units, SHEET_ROWS, 2);
		long started = System.nanoTime();
		TaskSheets.ImportResult result = sheets.importSheet(office, framework, big);
		double importSeconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("BENCH import: %d lines (%d tasks, %d KB) in %.2f s%n", result.items(), result.tasks(),
				big.length / 1024, importSeconds);

		// grow to 20,000 tasks by copying the existing ones with fresh ids and shifted deadlines
		long count = jdbc.sql("select count(*) from task").query(Long.class).single();
		while (count < TASKS) {
			long missing = TASKS - count;
			transactions.executeWithoutResult(s -> jdbc.sql("""
					insert into task (id, item_id, framework_id, standard_id, standard_code, criterion_code, criterion_name,
					       title, lead_unit_id, lead_unit_code, unit_id, unit_code, unit_name, responsible_unit_codes,
					       supporting_unit_codes, jurisdiction_path, responsible_leader_id, responsible_leader_name, deadline,
					       deliverables, weight, status, last_note, return_reason, submissions, issued_at, issued_by,
					       claimed_at, submitted_at, accepted_at, version)
					select gen_random_uuid(), gen_random_uuid(), framework_id, standard_id, standard_code, criterion_code,
					       criterion_name, title, lead_unit_id, lead_unit_code, unit_id, unit_code, unit_name,
					       responsible_unit_codes, supporting_unit_codes, jurisdiction_path, responsible_leader_id,
					       responsible_leader_name, deadline + (random() * 60 - 30) * interval '1 day', deliverables, weight,
					       status, last_note, return_reason, submissions, issued_at, issued_by, claimed_at, submitted_at,
					       accepted_at, 0
					from task limit :missing
					""").param("missing", missing).update());
			count = jdbc.sql("select count(*) from task").query(Long.class).single();
		}
		jdbc.sql("analyze task").update();
		System.out.printf("BENCH tasks in the database: %d%n", count);

		measure("overview by unit (office)", get("/tasks/overview").param("by", "unit").with(fixtures.signedInAs("office")));
		measure("overview by criterion (office)", get("/tasks/overview").param("by", "criterion").with(fixtures.signedInAs("office")));
		measure("overview by status (office)", get("/tasks/overview").param("by", "status").with(fixtures.signedInAs("office")));
		measure("overview by unit (district office)", get("/tasks/overview").param("by", "unit").with(fixtures.signedInAs("district_office")));
		measure("drill-down: overdue tasks (office)", get("/tasks").param("overdue", "true").with(fixtures.signedInAs("office")));
		measure("unit task page (unit_admin)", get("/tasks").with(fixtures.signedInAs("unit_admin")));
		measure("GET /api/v1/tasks?size=50 (office)", get("/api/v1/tasks").with(fixtures.signedInAs("office")));
	}

	private void measure(String name, MockHttpServletRequestBuilder request) throws Exception {
		for (int i = 0; i < WARMUP; i++) {
			mvc.perform(request).andExpect(status().isOk());
		}
		long[] nanos = new long[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long t = System.nanoTime();
			mvc.perform(request).andExpect(status().isOk());
			nanos[i] = System.nanoTime() - t;
		}
		Arrays.sort(nanos);
		System.out.printf("BENCH %-40s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  (%d runs)%n", name, nanos[RUNS / 2] / 1e6,
				nanos[(int) (RUNS * 0.95) - 1] / 1e6, nanos[RUNS - 1] / 1e6, RUNS);
	}

	/** A breakdown table of {@code rows} lines over the framework's standards and the city's units. */
	static byte[] sheet(List<Standard> standards, List<String> units, int rows, int seed) throws Exception {
		String deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("任务分解表");
			Row header = sheet.createRow(0);
			for (int c = 0; c < TaskSheets.HEADER.size(); c++) {
				header.createCell(c).setCellValue(TaskSheets.HEADER.get(c));
			}
			for (int r = 1; r <= rows; r++) {
				Standard s = standards.get((r * seed) % standards.size());
				String unit = units.get((r * 7 + seed) % units.size());
				String second = units.get((r * 13 + seed) % units.size());
				List<String> cells = new ArrayList<>(List.of(s.code(), "分解任务 " + seed + "-" + r + "：" + s.code(), unit,
						r % 4 == 0 && !second.equals(unit) ? unit + "、" + second : unit, "", "", deadline, "工作台账", "1.5"));
				Row row = sheet.createRow(r);
				for (int c = 0; c < cells.size(); c++) {
					row.createCell(c).setCellValue(cells.get(c));
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}
}
