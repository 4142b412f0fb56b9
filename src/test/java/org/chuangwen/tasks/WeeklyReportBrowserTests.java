package org.chuangwen.tasks;

import java.math.BigDecimal;
import java.util.List;

import org.chuangwen.BrowserTestSupport;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.demo.DemoCity;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: the unit admin opens this week's draft, brings it up to date, gives the reasons and submits; the
 * office sees the unit as submitted on time in the summary.
 */
@ChuangwenIntegrationTest
class WeeklyReportBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TaskManagement tasks;

	@Autowired
	WeeklyReportDirectory reports;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TransactionTemplate transactions;

	private static void scrollTo(BrowserTestSupport browser, WebElement element) {
		((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
	}

	private static void click(BrowserTestSupport browser, WebElement element) {
		scrollTo(browser, element);
		element.click();
	}

	@Test
	void aUnitAdminSubmitsTheDraftAndTheOfficeSeesItSubmitted() {
		ReportPeriod period = reports.currentPeriod(fixtures.urbanManagementAdmin());
		String title = "周报告浏览器测试：本周到期的整治任务";
		Task task = transactions.execute(s -> tasks.issue(fixtures.cityOffice(), new NewBreakdownItem(null, null, title,
				DemoCity.UNIT_URBAN_MANAGEMENT, List.of(DemoCity.UNIT_URBAN_MANAGEMENT), List.of(), null, period.date(),
				"整治台账", BigDecimal.ONE)).get(0));
		String reason = "施工队伍周五才能进场，预计下周二完成。";
		try (BrowserTestSupport unit = BrowserTestSupport.chromium(port)) {
			unit.signIn("unit_admin", Fixtures.PASSWORD);
			unit.open("/reports");
			List<WebElement> draft = unit.driver().findElements(By.id("draft"));
			if (!draft.isEmpty()) {
				click(unit, draft.get(0));
			}
			else {
				click(unit, unit.visible(By.id("open-current")));
			}
			click(unit, unit.visible(By.id("refresh")));
			unit.waitForText(By.id("report-done"), "已按最新任务数据更新");
			WebElement own = unit.driver().findElement(By.id("reason-" + task.id()));
			scrollTo(unit, own);
			own.sendKeys(reason);
			for (WebElement field : unit.driver().findElements(By.cssSelector("textarea[name^='reason.']"))) {
				if (field.getAttribute("value").isBlank()) {
					scrollTo(unit, field);
				field.sendKeys("正在推进，下周完成。");
				}
			}
			unit.driver().findElement(By.id("suggestions")).sendKeys("建议协调交警部门配合夜间施工。");
			click(unit, unit.driver().findElement(By.id("submit")));
			unit.waitForText(By.id("report-done"), "报告已提交");
			assertThat(unit.visible(By.id("undone-view")).getText()).contains(reason);
			assertThat(unit.driver().findElements(By.id("report-form"))).as("read-only once submitted").isEmpty();
		}
		try (BrowserTestSupport office = BrowserTestSupport.chromium(port)) {
			office.signIn("office", Fixtures.PASSWORD);
			office.open("/reports/summary?period=" + period.date());
			WebElement line = office.visible(By.cssSelector("tr[data-unit='" + DemoCity.UNIT_URBAN_MANAGEMENT + "']"));
			assertThat(line.getAttribute("data-standing")).isEqualTo("ON_TIME");
			assertThat(line.getText()).contains("按时提交");
			assertThat(office.visible(By.id("summary-unfinished")).getText()).contains(reason);
		}
	}
}
