package org.chuangwen.tasks;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.demo.DemoCity;
import org.chuangwen.organisation.ApiTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The task lifecycle through the API, with the refusals the campaign office relies on. */
@ChuangwenIntegrationTest
class TasksApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	String bearer(String username) {
		return "Bearer " + tokens.issue(fixtures.actor(username).userId()).token();
	}

	static String inDays(int days) {
		return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(days).toString();
	}

	/** Issues a key task for one responsible unit and answers the task's id. */
	String anIssuedTaskFor(String unitCode, String title) throws Exception {
		String body = """
				{"title": "%s", "leadUnitCode": "%s", "responsibleUnitCodes": ["%s"], "deadline": "%s",
				 "deliverables": "整治台账和照片", "weight": 2}
				""".formatted(title, unitCode, unitCode, inDays(30));
		String answer = mvc.perform(post("/api/v1/tasks").header("Authorization", bearer("office"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(answer, "$[0].id");
	}

	String aDeliverableUploadedBy(String username) throws Exception {
		byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".concat(UUID.randomUUID().toString()).getBytes();
		String answer = mvc.perform(multipart("/api/v1/blobs").file(new MockMultipartFile("file", "成果.pdf", null, pdf))
			.header("Authorization", bearer(username))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(answer, "$.id");
	}

	org.springframework.test.web.servlet.ResultActions act(String username, String taskId, String body, String ifMatch)
			throws Exception {
		var request = post("/api/v1/tasks/" + taskId + "/transitions").header("Authorization", bearer(username))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		if (ifMatch != null) {
			request = request.header("If-Match", ifMatch);
		}
		return mvc.perform(request);
	}

	@Test
	void aTaskGoesFromIssuedThroughClaimSubmitReturnAndResubmissionToAccepted() throws Exception {
		String id = anIssuedTaskFor(DemoCity.UNIT_URBAN_MANAGEMENT, "API 生命周期：公交站台整治");
		act("unit_admin", id, "{\"action\": \"claim\"}", "\"0\"").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLAIMED"))
			.andExpect(header().string("ETag", "\"1\""));
		act("unit_admin", id, "{\"action\": \"submit\", \"note\": \"无附件\"}", null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("files"));
		String file = aDeliverableUploadedBy("unit_admin");
		act("unit_admin", id, "{\"action\": \"submit\", \"note\": \"已完成\", \"files\": [\"" + file + "\"]}", null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.files", hasSize(1)));
		act("office", id, "{\"action\": \"return\"}", null).andExpect(status().isBadRequest());
		act("office", id, "{\"action\": \"return\", \"note\": \"照片不全，请补充\"}", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RETURNED"));
		mvc.perform(get("/api/v1/tasks/" + id).header("Authorization", bearer("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.returnReason").value("照片不全，请补充"));
		String second = aDeliverableUploadedBy("unit_admin");
		act("unit_admin", id, "{\"action\": \"submit\", \"files\": [\"" + second + "\"]}", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.submissions").value(2))
			.andExpect(jsonPath("$.files", hasSize(2)));
		act("office", id, "{\"action\": \"accept\"}", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCEPTED"));
		assertThat(jdbc.sql("select settled_at is not null from tracked_deadline where subject_type = 'task' and subject_id = :id")
			.param("id", id).query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'task' and object_id = :id")
			.param("id", id).query(Long.class).single()).isEqualTo(6); // issued, claim, submit, return, submit, accept
	}

	@Test
	void acceptingTwiceIsRefusedAndAStaleVersionIsAConflict() throws Exception {
		String id = anIssuedTaskFor(DemoCity.UNIT_URBAN_MANAGEMENT, "API 重复验收");
		act("unit_admin", id, "{\"action\": \"claim\"}", null).andExpect(status().isOk());
		act("unit_admin", id, "{\"action\": \"claim\"}", null).andExpect(status().isUnprocessableContent());
		String file = aDeliverableUploadedBy("unit_admin");
		act("unit_admin", id, "{\"action\": \"submit\", \"files\": [\"" + file + "\"]}", null).andExpect(status().isOk());
		act("office", id, "{\"action\": \"accept\"}", "\"1\"").andExpect(status().isConflict());
		act("office", id, "{\"action\": \"accept\"}", "\"2\"").andExpect(status().isOk());
		act("office", id, "{\"action\": \"accept\"}", "\"3\"").andExpect(status().isUnprocessableContent())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("application/problem+json")));
		act("office", id, "{\"action\": \"accept\"}", "\"2\"").andExpect(status().isConflict());
		act("office", id, "{\"action\": \"fly\"}", null).andExpect(status().isBadRequest());
	}

	@Test
	void aUnitCannotActOnAnotherUnitsTaskNorTheOfficeClaimForAUnit() throws Exception {
		String id = anIssuedTaskFor(DemoCity.UNIT_URBAN_MANAGEMENT, "API 他人任务");
		act("street_admin", id, "{\"action\": \"claim\"}", null).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/tasks/" + id).header("Authorization", bearer("street_admin"))).andExpect(status().isNotFound());
		act("office", id, "{\"action\": \"claim\"}", null).andExpect(status().isForbidden());
		act("unit_admin", id, "{\"action\": \"claim\"}", null).andExpect(status().isOk());
		String foreignFile = aDeliverableUploadedBy("street_admin");
		act("unit_admin", id, "{\"action\": \"submit\", \"files\": [\"" + foreignFile + "\"]}", null)
			.andExpect(status().isBadRequest());
		act("unit_admin", id, "{\"action\": \"accept\"}", null).andExpect(status().isForbidden());
	}

	@Test
	void issuingRefusesAPastDeadlineAnUnknownUnitAndAMissingTitleAllAtOnce() throws Exception {
		String body = """
				{"title": "", "leadUnitCode": "U-NOPE", "responsibleUnitCodes": ["U-LJ-CGJ", "U-GONE"],
				 "deadline": "2020-01-01", "weight": 2, "standardCode": "Ⅲ-1-1"}
				""";
		mvc.perform(post("/api/v1/tasks").header("Authorization", bearer("office")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("title")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("leadUnitCode")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("responsibleUnitCodes")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("deadline")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("standardCode")));
		mvc.perform(post("/api/v1/tasks").header("Authorization", bearer("unit_admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"x\", \"leadUnitCode\": \"U-LJ-CGJ\", \"responsibleUnitCodes\": [\"U-LJ-CGJ\"], \"deadline\": \""
					+ inDays(3) + "\", \"weight\": 1}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aUnitSeesOnlyItsTasksAndADistrictOfficeOnlyItsDistrict() throws Exception {
		anIssuedTaskFor(DemoCity.UNIT_STREET_EAST_1, "范围检查 东城");
		anIssuedTaskFor(DemoCity.UNIT_STREET_WEST_1, "范围检查 西城");
		mvc.perform(get("/api/v1/tasks?size=500").header("Authorization", bearer("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].unitCode", everyItem(is(DemoCity.UNIT_URBAN_MANAGEMENT))));
		mvc.perform(get("/api/v1/tasks?q=范围检查").header("Authorization", bearer("district_office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].unitCode").value(DemoCity.UNIT_STREET_EAST_1));
		mvc.perform(get("/api/v1/tasks?q=范围检查").header("Authorization", bearer("office")))
			.andExpect(jsonPath("$.total").value(2));
		mvc.perform(get("/api/v1/tasks?overdue=true&size=500").header("Authorization", bearer("office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].overdue", everyItem(is(true))));
		mvc.perform(get("/api/v1/tasks").header("Authorization", bearer("auditor"))).andExpect(status().isForbidden());
	}

	@Test
	void theOfficeMovesADeadlineWithAReasonAndTheReminderLadderFollows() throws Exception {
		String id = anIssuedTaskFor(DemoCity.UNIT_URBAN_MANAGEMENT, "API 调整时限");
		String later = inDays(60);
		mvc.perform(post("/api/v1/tasks/" + id + "/deadline").header("Authorization", bearer("office"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"deadline\": \"2020-01-01\", \"reason\": \"x\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/tasks/" + id + "/deadline").header("Authorization", bearer("unit_admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"deadline\": \"" + later + "\", \"reason\": \"x\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/tasks/" + id + "/deadline").header("Authorization", bearer("office")).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON).content("{\"deadline\": \"" + later + "\", \"reason\": \"市领导调整工作安排\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1));
		var due = jdbc.sql("select due_at from tracked_deadline where subject_type = 'task' and subject_id = :id")
			.param("id", id).query(java.time.OffsetDateTime.class).single();
		assertThat(due.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate().toString()).isEqualTo(later);
	}

	@Test
	void theTaskApiIsDocumented() throws Exception {
		mvc.perform(get("/v3/api-docs").header("Authorization", bearer("office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/tasks']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/tasks/{id}/transitions']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/blobs']").exists());
	}

	@Test
	void keyTasksOutsideTheFrameworkHaveTheirOwnDrillDown() throws Exception {
		anIssuedTaskFor(DemoCity.UNIT_URBAN_MANAGEMENT, "体系外重点任务 钻取");
		mvc.perform(get("/api/v1/tasks?criterionCode=-&size=500").header("Authorization", bearer("office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].standardCode", everyItem(org.hamcrest.Matchers.nullValue())))
			.andExpect(jsonPath("$.items[*].title", hasItem("体系外重点任务 钻取")));
	}

	@Test
	void theDemoCityHasTasksInEveryStateSomeOverdueAndSomeWithDeliverables() {
		var states = jdbc.sql("select distinct status from task").query(String.class).list();
		assertThat(states).contains("ISSUED", "CLAIMED", "IN_PROGRESS", "SUBMITTED", "ACCEPTED", "RETURNED")
			.isSubsetOf(java.util.Arrays.stream(TaskStatus.values()).map(Enum::name).toList()); // tests may cancel some
		assertThat(jdbc.sql("select count(*) from task where status <> 'ACCEPTED' and deadline < now()").query(Long.class).single())
			.isPositive();
		assertThat(jdbc.sql("select count(distinct task_id) from task_deliverable").query(Long.class).single()).isGreaterThan(10);
		assertThat(jdbc.sql("select count(distinct standard_id) from task").query(Long.class).single()).isGreaterThan(80);
	}
}
