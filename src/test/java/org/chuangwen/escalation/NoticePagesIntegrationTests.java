package org.chuangwen.escalation;

import java.time.Instant;
import java.time.LocalDate;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.demo.DemoCity;
import org.chuangwen.problems.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The notice pages: list, detail, printable document, the explanation form and the office's hand-issue form. */
@ChuangwenIntegrationTest
class NoticePagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	EscalationFixtures escalation;

	@Autowired
	EscalationManagement management;

	@Autowired
	NoticeDirectory notices;

	@Autowired
	EscalationSweep sweep;

	Notice aCopyNotice() {
		Problem problem = escalation.anOpenProblem(DemoCity.UNIT_URBAN_MANAGEMENT,
				EscalationLadderIntegrationTests.at(LocalDate.of(2036, 3, 3), 9, 0));
		sweep.sweep(EscalationLadderIntegrationTests.at(LocalDate.of(2036, 3, 5), 10, 0));
		return escalation.noticesOf(problem.id()).get(0);
	}

	Notice anAdmonition() {
		Problem problem = escalation.anOpenProblem(DemoCity.UNIT_URBAN_MANAGEMENT, Instant.now());
		return management.issueByHand(fixtures.actor("office"), problem.id(), NoticeKind.ADMONITION, "多次督办未改");
	}

	@Test
	void theProblemPageListsTheNoticesIssuedForItThroughAnEscalationFragment() throws Exception {
		Problem problem = escalation.anOpenProblem(DemoCity.UNIT_URBAN_MANAGEMENT,
				EscalationLadderIntegrationTests.at(LocalDate.of(2038, 4, 6), 9, 0));
		String fragment = "/notices/for-problem/" + problem.id();
		// no notice yet: the fragment is empty, so the page shows nothing
		String empty = mvc.perform(get(fragment).with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(empty).doesNotContain("problem-notices").doesNotContain("督办通知");

		sweep.sweep(EscalationLadderIntegrationTests.at(LocalDate.of(2038, 4, 8), 10, 0));
		Notice notice = escalation.noticesOf(problem.id()).get(0);
		// the problem page (problems module) loads the fragment for roles that read notices
		mvc.perform(get("/problems/" + problem.id()).with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hx-get=\"" + fragment + "\"")));
		mvc.perform(get("/problems/" + problem.id()).with(fixtures.signedInAs("inspector")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(fragment))));
		for (String reader : new String[] { "unit_admin", "unit_staff", "office", "leader" }) {
			mvc.perform(get(fragment).with(fixtures.signedInAs(reader)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("本问题的督办通知（1）")))
				.andExpect(content().string(containsString(notice.number())))
				.andExpect(content().string(containsString("抄告单")))
				.andExpect(content().string(containsString("href=\"/notices/" + notice.id() + "\"")))
				.andExpect(content().string(containsString("href=\"/notices/" + notice.id() + "/print\"")));
		}
		// a unit that does not handle the problem: not found; a role that reads no notices: refused
		mvc.perform(get(fragment).with(fixtures.signedInAs("police_admin"))).andExpect(status().isNotFound());
		mvc.perform(get(fragment).with(fixtures.signedInAs("auditor"))).andExpect(status().isForbidden());
		mvc.perform(get("/notices/for-problem/" + java.util.UUID.randomUUID()).with(fixtures.signedInAs("office")))
			.andExpect(status().isNotFound());
	}

	@Autowired
	org.chuangwen.problems.ProblemManagement problems;

	@Test
	void aUnitAProblemIsReassignedToSeesItsEarlierNoticesOnTheProblemPageButNotInItsList() throws Exception {
		Problem problem = escalation.anOpenProblem(DemoCity.UNIT_URBAN_MANAGEMENT,
				EscalationLadderIntegrationTests.at(LocalDate.of(2039, 5, 9), 9, 0));
		sweep.sweep(EscalationLadderIntegrationTests.at(LocalDate.of(2039, 5, 11), 10, 0));
		Notice notice = escalation.noticesOf(problem.id()).get(0);
		String fragment = "/notices/for-problem/" + problem.id();
		// the office sends the problem to the traffic police
		java.util.UUID police = fixtures.actor("police_admin").unitId();
		problems.transition(fixtures.actor("office"), problem.id(),
				org.chuangwen.problems.ProblemCommand.of(org.chuangwen.problems.ProblemAction.DISPATCH).unit(police)
					.note("职责调整，改派交警"));
		// the new unit sees the notice issued before, named with the unit that received it, not as its own
		mvc.perform(get(fragment).with(fixtures.signedInAs("police_admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("本问题的督办通知（1）")))
			.andExpect(content().string(containsString(notice.number())))
			.andExpect(content().string(containsString("下发给：" + notice.unitName())))
			.andExpect(content().string(not(containsString("href=\"/notices/" + notice.id() + "\""))));
		// the lists stay per recipient
		mvc.perform(get("/notices").param("problemId", problem.id().toString()).with(fixtures.signedInAs("police_admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(notice.number()))));
		mvc.perform(get("/notices").param("problemId", problem.id().toString()).with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(notice.number())));
		mvc.perform(get(fragment).with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/notices/" + notice.id() + "\"")));
	}

	@Test
	void theUnitListsOpensAndPrintsItsNotice() throws Exception {
		Notice notice = aCopyNotice();
		mvc.perform(get("/notices").with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(notice.number())));
		mvc.perform(get("/notices/" + notice.id()).with(fixtures.signedInAs("unit_staff")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(notice.number())))
			.andExpect(content().string(containsString(notice.problems().get(0).number())))
			.andExpect(content().string(containsString("/notices/" + notice.id() + "/print")));
		mvc.perform(get("/notices/" + notice.id() + "/print").with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"doc-number\">" + notice.number())))
			.andExpect(content().string(containsString("创建全国文明城市工作指挥部办公室")))
			.andExpect(content().string(containsString("督办抄告单")))
			.andExpect(content().string(containsString("/css/notice-print.css")));
		mvc.perform(get("/css/notice-print.css"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("size: A4")));
		// another unit: not found; the audit administrator: refused
		mvc.perform(get("/notices/" + notice.id()).with(fixtures.signedInAs("police_admin"))).andExpect(status().isNotFound());
		mvc.perform(get("/notices/" + notice.id() + "/print").with(fixtures.signedInAs("police_admin")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/notices").with(fixtures.signedInAs("police_admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(notice.number()))));
		mvc.perform(get("/notices").with(fixtures.signedInAs("auditor"))).andExpect(status().isForbidden());
	}

	@Test
	void theOfficeFiltersNoticesByKindAndYear() throws Exception {
		Notice notice = aCopyNotice();
		mvc.perform(get("/notices").param("kind", "COPY_NOTICE").param("year", "2036").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(notice.number())));
		mvc.perform(get("/notices").param("kind", "ADMONITION").param("year", "2036").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(notice.number()))));
		mvc.perform(get("/notices").param("unitId", notice.unitId().toString()).with(fixtures.signedInAs("leader")))
			.andExpect(status().isOk());
	}

	@Test
	void theUnitUploadsItsWrittenExplanationOnTheNoticePage() throws Exception {
		Notice notice = anAdmonition();
		mvc.perform(get("/notices/" + notice.id()).with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("explanation-form")))
			.andExpect(content().string(containsString("待提交书面说明")));
		// the office sees that it waits, but has no form
		mvc.perform(get("/notices/" + notice.id()).with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("explanation-form"))));

		// a text file is refused, nothing is kept
		mvc.perform(multipart("/notices/" + notice.id() + "/explanation")
			.file(new MockMultipartFile("file", "说明.txt", "text/plain", "只是文字".getBytes()))
			.with(csrf()).with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不是 PDF、Word 文档或图片")));
		assertThat(notices.notice(null, notice.id()).hasExplanation()).isFalse();

		mvc.perform(multipart("/notices/" + notice.id() + "/explanation")
			.file(new MockMultipartFile("file", "情况说明.pdf", "application/pdf", EscalationFixtures.aPdf()))
			.with(csrf()).with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().is3xxRedirection());
		Notice answered = notices.notice(null, notice.id());
		assertThat(answered.state()).isEqualTo(NoticeState.ANSWERED);
		assertThat(answered.explanationFilename()).isEqualTo("情况说明.pdf");

		// the office downloads it
		mvc.perform(get("/notices/" + notice.id() + "/explanation").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().bytes(EscalationFixtures.aPdf()));
	}

	@Test
	void theOfficeIssuesANoticeByHandFromItsForm() throws Exception {
		Problem problem = escalation.anOpenProblem(DemoCity.UNIT_TRAFFIC_POLICE, Instant.now());
		mvc.perform(get("/notices/new").with(fixtures.signedInAs("office"))).andExpect(status().isOk());
		mvc.perform(get("/notices/new").with(fixtures.signedInAs("unit_admin"))).andExpect(status().isForbidden());

		mvc.perform(post("/notices/new").param("problem", problem.number()).param("kind", "COPY_NOTICE").param("reason", "")
			.with(csrf()).with(fixtures.signedInAs("office")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请填写下发理由")));
		mvc.perform(post("/notices/new").param("problem", "2099-999999").param("kind", "COPY_NOTICE").param("reason", "测试")
			.with(csrf()).with(fixtures.signedInAs("office")))
			.andExpect(status().isBadRequest());

		mvc.perform(post("/notices/new").param("problem", problem.number()).param("kind", "COPY_NOTICE")
			.param("reason", "媒体曝光，立即督办").with(csrf()).with(fixtures.signedInAs("office")))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/notices/*"));
		assertThat(escalation.noticesOf(problem.id())).singleElement()
			.satisfies(n -> assertThat(n.reason()).isEqualTo("媒体曝光，立即督办"));
	}
}
