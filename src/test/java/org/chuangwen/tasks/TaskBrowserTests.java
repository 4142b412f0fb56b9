package org.chuangwen.tasks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.chuangwen.BrowserTestSupport;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.demo.DemoCity;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** In a real browser: the unit claims a task and submits a deliverable; the office returns it; the unit sees why. */
@ChuangwenIntegrationTest
class TaskBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TaskManagement tasks;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aUnitSubmitsADeliverableTheOfficeReturnsItAndTheUnitSeesTheReason() throws Exception {
		String title = "浏览器测试：背街小巷环境整治";
		Task task = transactions.execute(s -> tasks.issue(fixtures.cityOffice(), new NewBreakdownItem(null, null, title,
				DemoCity.UNIT_URBAN_MANAGEMENT, List.of(DemoCity.UNIT_URBAN_MANAGEMENT), List.of(), null,
				LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(14), "整治前后对比照片", java.math.BigDecimal.TEN)).get(0));
		Path pdf = Files.createTempFile("deliverable", ".pdf");
		Files.writeString(pdf, "%PDF-1.4\n% browser test deliverable\n%%EOF\n");
		String reason = "整治后照片不清晰，请补充白天拍摄的照片。";
		try (BrowserTestSupport unit = BrowserTestSupport.chromium(port)) {
			unit.signIn("unit_admin", Fixtures.PASSWORD);
			unit.open("/tasks?q=" + java.net.URLEncoder.encode("浏览器测试", java.nio.charset.StandardCharsets.UTF_8));
			unit.click(By.linkText(title));
			unit.click(By.id("claim"));
			unit.waitForText(By.id("task-done"), "已签收");
			unit.visible(By.id("files")).sendKeys(pdf.toString());
			unit.click(By.id("submit"));
			unit.waitForText(By.id("task-done"), "成果已提交");
			assertThat(unit.visible(By.id("deliverables")).getText()).contains(pdf.getFileName().toString());
		}
		try (BrowserTestSupport office = BrowserTestSupport.chromium(port)) {
			office.signIn("office", Fixtures.PASSWORD);
			office.open("/tasks/" + task.id());
			office.visible(By.id("return-note")).sendKeys(reason);
			office.click(By.id("return"));
			office.waitForText(By.id("task-done"), "已退回");
		}
		try (BrowserTestSupport unit = BrowserTestSupport.chromium(port)) {
			unit.signIn("unit_admin", Fixtures.PASSWORD);
			unit.open("/tasks?status=RETURNED");
			unit.click(By.linkText(title));
			unit.waitForText(By.id("return-reason"), reason);
			assertThat(unit.visible(By.id("submit-form")).isDisplayed()).isTrue();
		}
		finally {
			Files.deleteIfExists(pdf);
		}
	}
}
