package org.chuangwen.escalation;

import java.time.LocalDate;
import java.util.ArrayList;

import org.chuangwen.BrowserTestSupport;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.demo.DemoCity;
import org.chuangwen.problems.Problem;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** In a real browser: an overdue problem gets a copy notice on the sweep; the unit finds it on /notices and prints it. */
@ChuangwenIntegrationTest
class NoticeBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	EscalationFixtures escalation;

	@Autowired
	EscalationSweep sweep;

	@Test
	void anOverdueProblemGetsACopyNoticeTheUnitSeesAndPrints() {
		Problem problem = escalation.anOpenProblem(DemoCity.UNIT_URBAN_MANAGEMENT,
				EscalationLadderIntegrationTests.at(LocalDate.of(2037, 6, 1), 9, 0));
		sweep.sweep(EscalationLadderIntegrationTests.at(LocalDate.of(2037, 6, 3), 10, 0));
		Notice notice = escalation.noticesOf(problem.id()).get(0);
		assertThat(notice.kind()).isEqualTo(NoticeKind.COPY_NOTICE);

		try (BrowserTestSupport unit = BrowserTestSupport.chromium(port)) {
			unit.signIn("unit_admin", Fixtures.PASSWORD);
			unit.visible(By.linkText("督办通知")).click();
			unit.open("/notices?kind=COPY_NOTICE&year=2037");
			unit.visible(By.linkText(notice.number())).click();
			unit.waitForText(By.id("notice-number"), notice.number());
			assertThat(unit.visible(By.id("notice-problems")).getText()).contains(problem.number());

			String list = unit.driver().getWindowHandle();
			unit.visible(By.id("print")).click();
			unit.wait(d -> d.getWindowHandles().size() > 1);
			for (String handle : new ArrayList<>(unit.driver().getWindowHandles())) {
				if (!handle.equals(list)) {
					unit.driver().switchTo().window(handle);
				}
			}
			unit.waitForText(By.id("doc-number"), notice.number());
			assertThat(unit.visible(By.id("doc-title")).getText()).isEqualTo("督办抄告单");
			assertThat(unit.visible(By.id("doc-issuer")).getText()).endsWith("创建全国文明城市工作指挥部办公室");
			assertThat(unit.visible(By.id("doc-problems")).getText()).contains(problem.number());
			WebElement issuer = unit.visible(By.id("doc-issuer"));
			assertThat(issuer.getCssValue("color")).isIn("rgba(192, 0, 0, 1)", "rgb(192, 0, 0)");
			Object a4 = ((JavascriptExecutor) unit.driver()).executeScript("""
					return Array.from(document.styleSheets).some(sheet => Array.from(sheet.cssRules)
					    .some(rule => rule instanceof CSSPageRule && /size:\\s*a4/i.test(rule.cssText)));
					""");
			assertThat(a4).isEqualTo(Boolean.TRUE);
		}
	}
}
