package org.chuangwen.inspections;

import java.util.List;
import java.util.UUID;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.criteria.Standard;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The inspection pages: list, plan with preview, today, checklist saves, unannounced visibility, rules. */
@ChuangwenIntegrationTest
class InspectionPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	InspectionTestRounds rounds;

	@Autowired
	InspectionDirectory directory;

	@Test
	void theOfficePlansARoundWithAPreview() throws Exception {
		mvc.perform(get("/inspections").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("安排督查")));
		mvc.perform(get("/inspections/new").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("督查员 钱明")));
		SamplingRule rule = rounds.rule(new SamplingQuota("P11", null, 2));
		mvc.perform(post("/inspections/new").with(fixtures.signedInAs("office")).with(csrf())
			.param("samplingRuleId", rule.id().toString()).param("seed", "5").param("action", "preview"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("抽中 2 个点位")));
		String name = "页面周检查 " + System.nanoTime();
		String location = mvc.perform(post("/inspections/new").with(fixtures.signedInAs("office")).with(csrf())
			.param("name", name).param("kind", "WEEKLY_CHECK").param("plannedOn", "2026-11-25")
			.param("samplingRuleId", rule.id().toString()).param("seed", "5")
			.param("a1", rounds.inspector().userId().toString()).param("a2", rounds.inspector2().userId().toString())
			.param("action", "plan"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(location).with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("开始督查")));
		// a missing team member: the form again, 400, with the message
		mvc.perform(post("/inspections/new").with(fixtures.signedInAs("office")).with(csrf())
			.param("name", "缺人").param("kind", "WEEKLY_CHECK").param("plannedOn", "2026-11-25")
			.param("samplingRuleId", rule.id().toString()).param("a1", rounds.inspector().userId().toString())
			.param("action", "plan"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("每个督查组必须是两名督查员")));
		mvc.perform(get("/inspections/new").with(fixtures.signedInAs("inspector"))).andExpect(status().isForbidden());
		mvc.perform(get("/inspections/rules").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("官方规则")));
	}

	@Test
	void anInspectorSavesTheChecklistOnThePageAndUnitsSeeNothingUntilClosed() throws Exception {
		InspectionRound round = rounds.open(new SamplingQuota("P21", null, 1));
		SampledPoint point = rounds.points(round).get(0);
		List<Standard> standards = rounds.standards(round, "P21");
		mvc.perform(get("/inspections/today").with(fixtures.signedInAs("inspector")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(round.name())));
		String page = "/inspections/rounds/" + round.id() + "/points/" + point.pointId();
		mvc.perform(get(page).with(fixtures.signedInAs("inspector")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(standards.get(0).content())));
		byte[] png = java.util.Base64.getDecoder().decode(
				"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
		String s0 = standards.get(0).id().toString();
		String s1 = standards.get(1).id().toString();
		mvc.perform(multipart(page).file(new MockMultipartFile("photos_" + s0, "p.png", "image/png", png))
			.with(fixtures.signedInAs("inspector")).with(csrf())
			.param("result_" + s0, "fail").param("note_" + s0, "店外经营").param("category_" + s0, "B02")
			.param("result_" + s1, "pass").param("fraction_" + s1, "0.9"))
			.andExpect(status().is3xxRedirection());
		List<Observation> saved = directory.observations(rounds.office(), round.id());
		assertThat(saved).hasSize(2);
		Observation fail = saved.stream().filter(o -> o.result() == ObservationResult.NON_COMPLIANT).findFirst().orElseThrow();
		assertThat(fail.photos()).hasSize(1);
		assertThat(fail.problemId()).isNotNull();
		// the saved photo shows on the checklist with a "移除" box; ticking it takes the photo off with the next save
		UUID photo = fail.photos().get(0);
		mvc.perform(get(page).with(fixtures.signedInAs("inspector")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"removePhoto_" + s0 + "\" value=\"" + photo + "\"")))
			.andExpect(content().string(containsString("data-photo-picker")));
		String etag = mvc.perform(get(page + "/photos/" + photo).with(fixtures.signedInAs("inspector")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Cache-Control", containsString("max-age")))
			.andReturn().getResponse().getHeader("ETag");
		assertThat(etag).isNotBlank();
		// the browser's copy is still good: 304, no body
		mvc.perform(get(page + "/photos/" + photo).header("If-None-Match", etag).with(fixtures.signedInAs("inspector")))
			.andExpect(status().isNotModified())
			.andExpect(content().bytes(new byte[0]));
		mvc.perform(get(page + "/photos/" + UUID.randomUUID()).with(fixtures.signedInAs("inspector")))
			.andExpect(status().isNotFound());
		mvc.perform(multipart(page).with(fixtures.signedInAs("inspector")).with(csrf())
			.param("result_" + s0, "fail").param("note_" + s0, "店外经营").param("category_" + s0, "B02")
			.param("removePhoto_" + s0, photo.toString()).param("only", s0))
			.andExpect(status().is3xxRedirection());
		Observation afterRemoval = directory.observations(rounds.office(), round.id()).stream()
			.filter(o -> o.id().equals(fail.id())).findFirst().orElseThrow();
		assertThat(afterRemoval.photos()).isEmpty();
		assertThat(afterRemoval.problemId()).isEqualTo(fail.problemId());
		// a bad fraction: 400, the page again with the message, nothing saved for it
		mvc.perform(multipart(page).with(fixtures.signedInAs("inspector")).with(csrf())
			.param("result_" + s1, "pass").param("fraction_" + s1, "1.5").param("only", s1))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("0 到 1")));
		assertThat(directory.observations(rounds.office(), round.id()))
			.filteredOn(o -> o.standardId().toString().equals(s1)).singleElement()
			.satisfies(o -> assertThat(o.recordedFraction()).isEqualByComparingTo("0.9"));

		mvc.perform(get("/inspections/rounds/" + round.id()).with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/inspections").with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(round.name()))));
		mvc.perform(post("/inspections/rounds/" + round.id() + "/close").with(fixtures.signedInAs("office")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(multipart(page).with(fixtures.signedInAs("inspector")).with(csrf()).param("result_" + s1, "pass"))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void aProblemFromAnInspectionLinksBackToItsRoundOnceTheUnitMaySeeTheRound() throws Exception {
		InspectionRound round = rounds.open(new SamplingQuota("P21", null, 1));
		SampledPoint point = rounds.points(round).get(0);
		Standard standard = rounds.standards(round, "P21").get(0);
		Observation fail = rounds.management.record(rounds.inspector(), round.id(), point.pointId(),
				List.of(InspectionTestRounds.item(standard.id(), ObservationResult.NON_COMPLIANT, null))).get(0);
		UUID problem = fail.problemId();
		assertThat(problem).isNotNull();
		String fragment = "/inspections/for-problem/" + problem;
		// the problem page (problems module) loads the fragment of the inspections module
		mvc.perform(get("/problems/" + problem).with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hx-get=\"" + fragment + "\"")));
		for (String who : List.of("office", "inspector")) {
			mvc.perform(get(fragment).with(fixtures.signedInAs(who)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("来自督查")))
				.andExpect(content().string(containsString(round.name())))
				.andExpect(content().string(containsString("href=\"/inspections/rounds/" + round.id() + "\"")))
				.andExpect(content().string(containsString(standard.code())))
				.andExpect(content().string(containsString(point.code())))
				// the report exists only once the round is closed
				.andExpect(content().string(not(containsString("/scores/rounds/" + round.id()))));
		}
		// the point's unit handles the problem but may not know of the unannounced round while it is open
		org.chuangwen.organisation.Actor template = fixtures.actor("unit_admin");
		org.chuangwen.organisation.Actor unit = new org.chuangwen.organisation.Actor(template.userId(),
				template.username(), template.displayName(), template.roles(), point.unitId(), null, null);
		mvc.perform(get(fragment).with(Fixtures.signedIn(unit)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("来自督查"))))
			.andExpect(content().string(not(containsString(round.name()))));
		rounds.management.close(rounds.office(), round.id());
		mvc.perform(get(fragment).with(Fixtures.signedIn(unit)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(round.name())))
			.andExpect(content().string(containsString("href=\"/inspections/rounds/" + round.id() + "\"")))
			.andExpect(content().string(containsString("href=\"/scores/rounds/" + round.id() + "\"")));
		// another unit does not see the problem at all; an unknown problem is 404
		mvc.perform(get(fragment).with(fixtures.signedInAs("police_admin"))).andExpect(status().isNotFound());
		mvc.perform(get("/inspections/for-problem/" + UUID.randomUUID()).with(fixtures.signedInAs("office")))
			.andExpect(status().isNotFound());
	}
}
