package org.chuangwen.tasks;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.organisation.OrganisationManagement;
import org.chuangwen.organisation.OrganisationManagement.UnitChange;
import org.chuangwen.organisation.Unit;
import org.chuangwen.tasks.ReportFixtures.TestUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chuangwen.tasks.ReportFixtures.at;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Small promises of the task breakdown: the office cancels a task; names follow a renamed unit; a refused submission
 * leaves no file behind.
 */
@ChuangwenIntegrationTest
class TaskGapsIntegrationTests {

	@Autowired
	ReportFixtures reports;

	@Autowired
	OrganisationManagement organisation;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TaskManagement tasks;

	@Autowired
	org.chuangwen.audit.AuditTrail audit;

	@Test
	void aRenamedUnitIsRenamedOnItsTasksAndReports() {
		TestUnit u = reports.aUnit();
		UUID task = reports.aTask(u, "改名测试任务", LocalDate.of(2031, 3, 5));
		reports.draft(u, LocalDate.of(2031, 3, 7), at(LocalDate.of(2031, 3, 7), 8, 0));
		Unit before = u.unit();
		String newCode = before.code() + "-N";
		transactions.executeWithoutResult(tx -> organisation.updateUnit(fixtures.cityOffice(), before.id(),
				new UnitChange(newCode, "改名后的单位", before.type(), before.jurisdictionId(), before.parentId(), null, null,
						null, null, before.version())));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(jdbc.sql("select unit_name || '|' || unit_code || '|' || lead_unit_code || '|' || responsible_unit_codes from task where id = :id")
				.param("id", task).query(String.class).single())
				.isEqualTo("改名后的单位|" + newCode + "|" + newCode + "|" + newCode);
			assertThat(jdbc.sql("select unit_name from weekly_report where unit_id = :unit").param("unit", before.id())
				.query(String.class).list()).containsOnly("改名后的单位");
		});
	}

	@Test
	void aRefusedSubmissionLeavesNoFileBehind() throws Exception {
		TestUnit u = reports.aUnit();
		UUID task = transactions.execute(tx -> tasks.issue(fixtures.cityOffice(), new NewBreakdownItem(null, null, "上传测试任务",
				u.unit().code(), java.util.List.of(u.unit().code()), java.util.List.of(), null, LocalDate.now().plusDays(30),
				"台账", java.math.BigDecimal.ONE)).get(0).id());
		reports.claim(u, task, java.time.Instant.now());
		String name = "refused-" + UUID.randomUUID() + ".pdf";
		byte[] pdf = ("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n" + UUID.randomUUID()).getBytes();
		mvc.perform(multipart("/tasks/" + task + "/submit").file(new MockMultipartFile("files", name, null, pdf))
			.param("note", "长".repeat(Task.MAX_NOTE + 1))
			.with(Fixtures.signedIn(u.admin()))
			.with(csrf())).andExpect(status().isOk());
		assertThat(blobsNamed(name)).as("the refused submission's file is gone with it").isZero();
		assertThat(jdbc.sql("select status from task where id = :id").param("id", task).query(String.class).single())
			.isEqualTo("CLAIMED");

		mvc.perform(multipart("/tasks/" + task + "/submit").file(new MockMultipartFile("files", name, null, pdf))
			.param("note", "已完成")
			.with(Fixtures.signedIn(u.admin()))
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(blobsNamed(name)).isOne();
	}

	@Test
	void theOfficeCancelsATaskWithAReasonAndItIsNoLongerRemindedOrReportedAsUnfinished() throws Exception {
		TestUnit u = reports.aUnit();
		UUID task = reports.aTask(u, "撤销测试任务", LocalDate.of(2031, 3, 4));
		String path = "/api/v1/tasks/" + task + "/transitions";
		mvc.perform(post(path).header("Authorization", bearer(u.admin())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"action\": \"cancel\", \"note\": \"不做了\"}")).andExpect(status().isForbidden());
		mvc.perform(post(path).header("Authorization", bearer(fixtures.cityOffice())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"action\": \"cancel\"}")).andExpect(status().isBadRequest());
		mvc.perform(post(path).header("Authorization", bearer(fixtures.cityOffice())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"action\": \"cancel\", \"note\": \"测评标准调整，本任务取消\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status", is("CANCELLED")))
			.andExpect(jsonPath("$.overdue", is(false)));
		mvc.perform(post(path).header("Authorization", bearer(fixtures.cityOffice())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"action\": \"cancel\", \"note\": \"再撤销\"}")).andExpect(status().isUnprocessableContent());
		assertThat(jdbc.sql("select settled_at is not null from tracked_deadline where subject_type = 'task' and subject_id = :id")
			.param("id", task.toString()).query(Boolean.class).single()).as("no more reminders").isTrue();
		assertThat(audit.historyOf("task", task, 5).get(0).reason()).isEqualTo("测评标准调整，本任务取消");
		mvc.perform(get("/tasks").param("status", "CANCELLED").param("q", "撤销测试任务").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("撤销测试任务")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("已撤销")));
		WeeklyReport report = reports.draft(u, LocalDate.of(2031, 3, 7), at(LocalDate.of(2031, 3, 7), 8, 0));
		assertThat(report.items()).as("a cancelled task is not unfinished").isEmpty();
	}

	@Autowired
	org.chuangwen.organisation.ApiTokens tokens;

	private String bearer(org.chuangwen.organisation.Actor actor) {
		return "Bearer " + tokens.issue(actor.userId()).token();
	}

	private long blobsNamed(String name) {
		return jdbc.sql("select count(*) from blob where original_filename = :name").param("name", name)
			.query(Long.class).single();
	}
}
