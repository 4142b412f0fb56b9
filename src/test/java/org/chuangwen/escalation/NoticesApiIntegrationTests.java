package org.chuangwen.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.audit.AuditEvent;
import org.chuangwen.audit.AuditTrail;
import org.chuangwen.demo.DemoCity;
import org.chuangwen.organisation.ApiTokens;
import org.chuangwen.problems.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** GET /api/v1/notices and the admonition's explanation over the API: scoping, filters, errors, hand-issued notices. */
@ChuangwenIntegrationTest
class NoticesApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	EscalationFixtures escalation;

	@Autowired
	EscalationSweep sweep;

	@Autowired
	ApiTokens tokens;

	@Autowired
	AuditTrail audit;

	String bearer(String username) {
		return "Bearer " + tokens.issue(fixtures.actor(username).userId()).token();
	}

	/** A copy notice to the urban management bureau (unit_admin's unit) about a fresh problem, issued by a sweep. */
	/** The problem of the last {@link #aCopyNotice()} (the notice may list other overdue problems of the unit). */
	Problem problem;

	Notice aCopyNotice() {
		problem = escalation.anOpenProblem(DemoCity.UNIT_URBAN_MANAGEMENT,
				EscalationLadderIntegrationTests.at(LocalDate.of(2035, 4, 2), 9, 0));
		sweep.sweep(EscalationLadderIntegrationTests.at(LocalDate.of(2035, 4, 4), 10, 0));
		return escalation.noticesOf(problem.id()).get(0);
	}

	/** An admonition issued by hand by the city office about a fresh problem of the urban management bureau. */
	String anAdmonition() throws Exception {
		Problem problem = escalation.anOpenProblem(DemoCity.UNIT_URBAN_MANAGEMENT, Instant.now());
		String answer = mvc.perform(post("/api/v1/notices").header("Authorization", bearer("office"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"problemId": "%s", "kind": "ADMONITION", "reason": "群众反映强烈，直接约谈"}
					""".formatted(problem.id())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("ADMONITION"))
			.andExpect(jsonPath("$.awaitingExplanation").value(true))
			.andExpect(jsonPath("$.issuedByHand").value(true))
			.andExpect(jsonPath("$.number", containsString("创文约〔")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(answer, "$.id");
	}

	String aFileUploadedBy(String username, String name, byte[] content) throws Exception {
		String answer = mvc.perform(multipart("/api/v1/blobs").file(new MockMultipartFile("file", name, null, content))
			.header("Authorization", bearer(username))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(answer, "$.id");
	}

	@Test
	void theUnitSeesItsNoticeWithItsProblemsAndAnotherUnitDoesNot() throws Exception {
		Notice notice = aCopyNotice();
		String problemNumber = problem.number();

		mvc.perform(get("/api/v1/notices/" + notice.id()).header("Authorization", bearer("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.number").value(notice.number()))
			.andExpect(jsonPath("$.kind").value("COPY_NOTICE"))
			.andExpect(jsonPath("$.state").value("ISSUED"))
			.andExpect(jsonPath("$.problems[*].number", hasItem(problemNumber)));
		mvc.perform(get("/api/v1/notices").param("problemId", problem.id().toString())
			.header("Authorization", bearer("unit_staff")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(notice.id().toString()));

		// the traffic police (another unit) do not know it exists
		mvc.perform(get("/api/v1/notices/" + notice.id()).header("Authorization", bearer("police_admin")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404));
		mvc.perform(get("/api/v1/notices").param("problemId", problem.id().toString())
			.header("Authorization", bearer("police_admin"))).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));

		// the office and the leader see it; the audit administrator reads no notices
		mvc.perform(get("/api/v1/notices/" + notice.id()).header("Authorization", bearer("office"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/notices/" + notice.id()).header("Authorization", bearer("leader"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/notices").header("Authorization", bearer("auditor"))).andExpect(status().isForbidden());
	}

	@Test
	void filtersByKindUnitYearAndStateAndRefusesBadOnes() throws Exception {
		Notice notice = aCopyNotice();
		String problem = this.problem.id().toString();
		mvc.perform(get("/api/v1/notices").param("problemId", problem).param("kind", "COPY_NOTICE").param("year", "2035")
			.param("state", "ISSUED").param("unitId", notice.unitId().toString())
			.header("Authorization", bearer("office"))).andExpect(jsonPath("$.total").value(1));
		mvc.perform(get("/api/v1/notices").param("problemId", problem).param("kind", "ADMONITION")
			.header("Authorization", bearer("office"))).andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/notices").param("problemId", problem).param("year", "2034")
			.header("Authorization", bearer("office"))).andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/notices").param("year", "2035").param("page_size", "1")
			.header("Authorization", bearer("office"))).andExpect(status().isOk()).andExpect(jsonPath("$.size").value(1));

		mvc.perform(get("/api/v1/notices").param("kind", "MEMO").header("Authorization", bearer("office")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("kind"))
			.andExpect(jsonPath("$.errors[0].message", containsString("MEMO")));
		mvc.perform(get("/api/v1/notices").param("kind", "MEMO").header("Authorization", bearer("office"))
			.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("There is no notice kind \"MEMO\""));
		mvc.perform(get("/api/v1/notices").param("year", "next").header("Authorization", bearer("office")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/notices").param("size", "501").header("Authorization", bearer("office")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/notices/not-an-id").header("Authorization", bearer("office")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theOfficeIssuesANoticeByHandWithAReasonOnceAndItIsAudited() throws Exception {
		String id = anAdmonition();
		List<AuditEvent> history = audit.historyOf("notice", id, 10);
		assertThat(history).extracting(AuditEvent::action).contains("notice.issued");
		assertThat(history).extracting(AuditEvent::reason).contains("群众反映强烈，直接约谈");
		String problem = JsonPath.read(mvc.perform(get("/api/v1/notices/" + id).header("Authorization", bearer("office")))
			.andReturn().getResponse().getContentAsString(), "$.problems[0].id");

		String body = """
				{"problemId": "%s", "kind": "%s", "reason": "%s"}
				""";
		// this step or an earlier one again: 409
		mvc.perform(post("/api/v1/notices").header("Authorization", bearer("office")).contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(problem, "ADMONITION", "再次约谈"))).andExpect(status().isConflict());
		mvc.perform(post("/api/v1/notices").header("Authorization", bearer("office")).contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(problem, "COPY_NOTICE", "补发抄告"))).andExpect(status().isConflict());
		// no reason: 400; a unit: 403; an unknown problem: 404
		mvc.perform(post("/api/v1/notices").header("Authorization", bearer("office")).contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(problem, "ADMONITION", " "))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(post("/api/v1/notices").header("Authorization", bearer("unit_admin")).contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(problem, "COPY_NOTICE", "自己抄告自己"))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/notices").header("Authorization", bearer("office")).contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(UUID.randomUUID(), "COPY_NOTICE", "不存在的问题"))).andExpect(status().isNotFound());
	}

	@Test
	void theUnitAnswersAnAdmonitionWithAWrittenExplanationOnce() throws Exception {
		String id = anAdmonition();
		String pdf = aFileUploadedBy("unit_admin", "情况说明.pdf", EscalationFixtures.aPdf());

		// nobody but an admin of the unit submits it
		mvc.perform(post("/api/v1/notices/" + id + "/explanation").header("Authorization", bearer("police_admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"blobId\": \"" + pdf + "\"}")).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/notices/" + id + "/explanation").header("Authorization", bearer("office"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"blobId\": \"" + pdf + "\"}")).andExpect(status().isForbidden());
		// a file of somebody else is unknown; a spreadsheet is not an explanation
		String others = aFileUploadedBy("office", "别人的.pdf", EscalationFixtures.aPdf());
		mvc.perform(post("/api/v1/notices/" + id + "/explanation").header("Authorization", bearer("unit_admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"blobId\": \"" + others + "\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("blobId"));

		mvc.perform(post("/api/v1/notices/" + id + "/explanation").header("Authorization", bearer("unit_admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"blobId\": \"" + pdf + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("ANSWERED"))
			.andExpect(jsonPath("$.awaitingExplanation").value(false))
			.andExpect(jsonPath("$.explanation.filename").value("情况说明.pdf"));
		assertThat(audit.historyOf("notice", id, 10)).extracting(AuditEvent::action).contains("notice.explained");

		// once only
		String again = aFileUploadedBy("unit_admin", "补充说明.pdf", EscalationFixtures.aPdf());
		mvc.perform(post("/api/v1/notices/" + id + "/explanation").header("Authorization", bearer("unit_admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"blobId\": \"" + again + "\"}")).andExpect(status().isConflict());
	}

	@Test
	void aCopyNoticeNeedsNoExplanation() throws Exception {
		Notice notice = aCopyNotice();
		String pdf = aFileUploadedBy("unit_admin", "说明.pdf", EscalationFixtures.aPdf());
		mvc.perform(post("/api/v1/notices/" + notice.id() + "/explanation").header("Authorization", bearer("unit_admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"blobId\": \"" + pdf + "\"}"))
			.andExpect(status().is(422))
			.andExpect(jsonPath("$.detail", containsString(notice.number())));
	}
}
