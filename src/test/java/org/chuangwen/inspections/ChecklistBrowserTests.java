package org.chuangwen.inspections;

import java.util.List;

import org.chuangwen.BrowserTestSupport;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.criteria.Standard;
import org.chuangwen.problems.Problem;
import org.chuangwen.problems.ProblemDirectory;
import org.chuangwen.problems.ProblemStatus;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser on a phone-sized window: an inspector completes a point's checklist; the failure is a problem in
 * the inbox of the point's unit; once the office closes the round, its same-day report shows the score.
 */
@ChuangwenIntegrationTest
class ChecklistBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	InspectionTestRounds rounds;

	@Autowired
	InspectionDirectory directory;

	@Autowired
	ProblemDirectory problems;

	@Autowired
	InspectionManagement inspections;

	@Autowired
	org.chuangwen.organisation.UserAccounts accounts;

	@Test
	void anInspectorCompletesAChecklistOnAPhone() {
		InspectionRound round = rounds.open(new SamplingQuota("P09", null, 1));
		SampledPoint point = rounds.points(round).get(0);
		List<Standard> standards = rounds.standards(round, "P09");
		try (BrowserTestSupport phone = BrowserTestSupport.chromium(port)) {
			phone.driver().manage().window().setSize(new Dimension(390, 844));
			phone.signIn("inspector", Fixtures.PASSWORD);
			phone.open("/inspections/today");
			phone.waitForText(By.cssSelector("[data-round='" + round.id() + "']"), round.name());
			phone.click(By.cssSelector("[data-round='" + round.id() + "'] a[data-point]"));
			phone.waitForText(By.id("point-name"), point.name());
			for (int i = 0; i < standards.size(); i++) {
				String key = standards.get(i).id().toString();
				phone.click(By.cssSelector("label[for='" + (i == 0 ? "fail-" : "pass-") + key + "']"));
			}
			String first = standards.get(0).id().toString();
			phone.visible(By.id("note-" + first)).sendKeys("广场地面有积存垃圾");
			phone.click(By.id("save-all"));
			phone.waitForText(By.id("checklist-saved"), "已保存 " + standards.size() + " 项");
			phone.waitForText(By.id("checklist-progress"), standards.size() + " / " + standards.size());
			long scrollWidth = (Long) ((JavascriptExecutor) phone.driver())
				.executeScript("return document.documentElement.scrollWidth");
			assertThat(scrollWidth).isLessThanOrEqualTo(390);
			assertThat(phone.visible(By.cssSelector("#item-" + first + " a[data-problem]")).getText()).isEqualTo("查看生成的问题");
		}
		List<Observation> saved = directory.observations(rounds.office(), round.id());
		assertThat(saved).hasSize(standards.size());
		Observation fail = saved.stream().filter(o -> o.result() == ObservationResult.NON_COMPLIANT).findFirst().orElseThrow();
		assertThat(fail.note()).isEqualTo("广场地面有积存垃圾");
		Problem problem = problems.problem(fail.problemId()).orElseThrow();
		assertThat(problem.unitId()).isEqualTo(point.unitId());
		assertThat(problem.status()).isEqualTo(ProblemStatus.DISPATCHED);
		assertThat(problem.categoryCode()).isEqualTo(DefaultCategories.forStandard(standards.get(0).content(), "P09"));

		// the point's unit finds the problem in its inbox
		String username = "ck" + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
		accounts.createBySystem(new org.chuangwen.organisation.UserAccounts.NewUser(username, "督查单位 " + username,
				Fixtures.PASSWORD, java.util.EnumSet.of(org.chuangwen.organisation.Role.UNIT_ADMIN), point.unitId(), null,
				null), false);
		try (BrowserTestSupport unit = BrowserTestSupport.chromium(port)) {
			unit.driver().manage().window().setSize(new Dimension(390, 844));
			unit.signIn(username, Fixtures.PASSWORD);
			unit.open("/problems/inbox");
			unit.click(By.cssSelector("[data-number='" + problem.number() + "']"));
			unit.waitForText(By.id("problem-number"), problem.number());
		}

		// closed by the office, the round's same-day report shows one point, one problem, one unit, and a score below
		// the maximum (one item failed)
		inspections.close(rounds.office(), round.id());
		try (BrowserTestSupport office = BrowserTestSupport.chromium(port)) {
			office.signIn("office", Fixtures.PASSWORD);
			office.open("/scores/rounds/" + round.id());
			office.waitForText(By.id("report-headline"), "共测评 1 个点位、发现 1 个问题、涉及 1 个责任单位");
			String score = office.visible(By.id("report-score")).getText().trim();
			assertThat(new java.math.BigDecimal(score)).isNotNegative(); // a number, not the "—" of a round without scores
			assertThat(office.visible(By.id("report-rate")).getText()).doesNotContain("100");
		}
	}

	@Test
	void anInspectorTakesOffAPickedPhotoBeforeSaving() throws Exception {
		InspectionRound round = rounds.open(new SamplingQuota("P09", null, 1));
		SampledPoint point = rounds.points(round).get(0);
		String key = rounds.standards(round, "P09").get(0).id().toString();
		java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("checklist-photos");
		java.nio.file.Path one = folder.resolve("one.png");
		java.nio.file.Path two = folder.resolve("two.png");
		java.nio.file.Files.write(one, org.chuangwen.blobs.TestPhotos.png(org.chuangwen.blobs.TestPhotos.scene(1, 40, 30)));
		java.nio.file.Files.write(two, org.chuangwen.blobs.TestPhotos.png(org.chuangwen.blobs.TestPhotos.scene(2, 40, 30)));
		try (BrowserTestSupport phone = BrowserTestSupport.chromium(port)) {
			phone.driver().manage().window().setSize(new Dimension(390, 844));
			phone.signIn("inspector", Fixtures.PASSWORD);
			phone.open("/inspections/rounds/" + round.id() + "/points/" + point.pointId());
			phone.click(By.cssSelector("label[for='fail-" + key + "']"));
			phone.driver().findElement(By.id("photos-" + key)).sendKeys(one + "\n" + two);
			phone.wait(d -> d.findElements(By.cssSelector("#item-" + key + " [data-picked]")).size() == 2);
			// the first picked photo is taken off: the input keeps only the second
			phone.click(By.cssSelector("#item-" + key + " [data-remove-picked='0']"));
			phone.wait(d -> d.findElements(By.cssSelector("#item-" + key + " [data-picked]")).size() == 1);
			assertThat(phone.visible(By.cssSelector("#item-" + key + " [data-picked]")).getAttribute("data-picked"))
				.isEqualTo("two.png");
			long files = (Long) ((JavascriptExecutor) phone.driver())
				.executeScript("return document.getElementById('photos-' + arguments[0]).files.length", key);
			assertThat(files).isEqualTo(1);
			phone.click(By.cssSelector("#item-" + key + " button[name='only']"));
			phone.visible(By.id("checklist-saved"));
		}
		Observation saved = directory.observations(rounds.office(), round.id()).stream()
			.filter(o -> o.standardId().toString().equals(key)).findFirst().orElseThrow();
		assertThat(saved.photos()).hasSize(1);
	}
}
