package org.chuangwen.tasks;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.criteria.CriterionTree;
import org.chuangwen.demo.CriteriaDemo;
import org.chuangwen.demo.DemoCity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The task pages: the unit's list, the office's overview and drill-downs, the detail, bulk assignment. */
@ChuangwenIntegrationTest
class TaskPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CriteriaDirectory criteria;

	@Test
	void aUnitSeesItsTasksByDeadlineAndTheOfficeItsOverviewInEveryGrouping() throws Exception {
		mvc.perform(get("/tasks").with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"tasks\"")))
			.andExpect(content().string(containsString("临江市城市管理局")))
			.andExpect(content().string(not(containsString("临江市公安局交通警察支队</td>"))));
		for (String by : new String[] { "unit", "criterion", "status" }) {
			mvc.perform(get("/tasks/overview").param("by", by).with(fixtures.signedInAs("office")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"overview\"")));
		}
		mvc.perform(get("/tasks/overview").param("by", "weather").with(fixtures.signedInAs("office")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/tasks").param("overdue", "true").param("status", "RETURNED").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk());
		mvc.perform(get("/tasks/overview").param("lang", "en").with(fixtures.signedInAs("office")))
			.andExpect(content().string(containsString("Task overview")));
	}

	@Test
	void aTaskPageShowsItsReturnReasonFilesAndHistory() throws Exception {
		// a returned task with files (other tests return tasks of their own without any)
		String withFiles = "status = 'RETURNED' and exists (select 1 from task_deliverable d where d.task_id = task.id)";
		UUID returned = jdbc.sql("select id from task where " + withFiles + " and unit_code = :u order by id limit 1")
			.param("u", DemoCity.UNIT_URBAN_MANAGEMENT).query(UUID.class).optional()
			.orElseGet(() -> jdbc.sql("select id from task where " + withFiles + " order by id limit 1").query(UUID.class).single());
		String unit = jdbc.sql("select unit_code from task where id = :id").param("id", returned).query(String.class).single();
		mvc.perform(get("/tasks/" + returned).with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"return-reason\"")))
			.andExpect(content().string(containsString("id=\"deliverables\"")))
			.andExpect(content().string(containsString("history-heading")));
		if (!unit.equals(DemoCity.UNIT_URBAN_MANAGEMENT)) {
			mvc.perform(get("/tasks/" + returned).with(fixtures.signedInAs("unit_admin"))).andExpect(status().isNotFound());
		}
	}

	@Test
	void aReturnWithoutReasonShowsTheMessageNextToTheField() throws Exception {
		UUID submitted = jdbc.sql("select id from task where status = 'SUBMITTED' limit 1").query(UUID.class).single();
		mvc.perform(post("/tasks/" + submitted + "/return").param("note", " ").with(csrf()).with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"return-error\"")))
			.andExpect(content().string(containsString("请填写说明或原因")));
	}

	@Test
	void bulkAssignmentIssuesOneTaskPerStandardAndResponsibleUnit() throws Exception {
		var campaign = criteria.campaigns(fixtures.cityOffice(), new org.chuangwen.shared.PageRequest(0, 50)).items().stream()
			.filter(c -> c.code().equals(CriteriaDemo.CAMPAIGN_CIVILIZED)).findFirst().orElseThrow();
		UUID framework = criteria.activeFramework(campaign.id(), false).orElseThrow().id();
		CriterionTree tree = criteria.tree(framework);
		String prefix = "批量" + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(get("/tasks/assign").with(fixtures.signedInAs("office"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"assign-form\"")));
		mvc.perform(post("/tasks/assign").with(csrf()).with(fixtures.signedInAs("office"))
			.param("frameworkId", framework.toString())
			.param("standardIds", tree.standards().get(0).id().toString(), tree.standards().get(1).id().toString())
			.param("titlePrefix", prefix)
			.param("leadUnitCode", "U-LJ-CGJ")
			.param("responsibleUnitCodes", "U-LJ-CGJ, U-LJ-01-01")
			.param("deadline", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10).toString()))
			.andExpect(redirectedUrlPattern("/tasks/overview*"));
		assertThat(jdbc.sql("select count(*) from task where title like :p").param("p", prefix + "%").query(Long.class).single())
			.isEqualTo(4);
		mvc.perform(post("/tasks/assign").with(csrf()).with(fixtures.signedInAs("office"))
			.param("frameworkId", framework.toString())
			.param("standardIds", tree.standards().get(0).id().toString())
			.param("leadUnitCode", "U-LJ-CGJ")
			.param("responsibleUnitCodes", "U-XX")
			.param("deadline", "2020-01-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"e-resp\"")))
			.andExpect(content().string(containsString("U-XX")));
		mvc.perform(get("/tasks/assign").with(fixtures.signedInAs("unit_admin"))).andExpect(status().isForbidden());
	}
}
