package org.chuangwen.problems;

import java.nio.file.Files;
import java.nio.file.Path;

import org.chuangwen.BrowserTestSupport;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.points.LatLng;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser, the whole loop: an inspector reports with a photo → the unit claims and rectifies with an
 * after-photo → the inspector fails it → rework → the unit rectifies again → the inspector passes it → closed.
 */
@ChuangwenIntegrationTest
class ProblemBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ProblemTestPlaces places;

	@Autowired
	ProblemDirectory directory;

	@Autowired
	Fixtures fixtures;

	@Test
	void anInspectorReportsTheUnitFixesTheInspectorFailsThenPassesIt() throws Exception {
		places.ready();
		LatLng at = places.spot(false);
		Path before = Files.createTempFile("before", ".png");
		Path after1 = Files.createTempFile("after1", ".png");
		Path after2 = Files.createTempFile("after2", ".png");
		Files.write(before, ProblemTestPlaces.png(424242));
		Files.write(after1, ProblemTestPlaces.png(424243));
		Files.write(after2, ProblemTestPlaces.png(424244));
		String path;
		try (BrowserTestSupport inspector = BrowserTestSupport.chromium(port)) {
			inspector.signIn("inspector", Fixtures.PASSWORD);
			inspector.open("/problems/new");
			new Select(inspector.visible(By.id("categoryCode"))).selectByValue("E02");
			inspector.visible(By.id("description")).sendKeys("浏览器测试：公益广告牌破损褪色");
			inspector.visible(By.id("lat")).sendKeys(Double.toString(at.lat()));
			inspector.visible(By.id("lng")).sendKeys(Double.toString(at.lng()));
			inspector.driver().findElement(By.id("photos")).sendKeys(before.toString());
			press(inspector, "submit-report");
			inspector.waitForText(By.id("problem-done"), "已上报");
			inspector.waitForText(By.id("problem-status"), "已派遣待签收");
			assertThat(inspector.visible(By.id("photos-before")).findElements(By.tagName("img"))).hasSize(1);
			path = new java.net.URI(inspector.driver().getCurrentUrl()).getPath();
		}
		String number;
		try (BrowserTestSupport unit = BrowserTestSupport.chromium(port)) {
			unit.signIn("unit_admin", Fixtures.PASSWORD);
			unit.open("/problems/inbox");
			number = directory.problem(fixtures.actor("office"), java.util.UUID.fromString(path.substring(path.lastIndexOf('/') + 1))).number();
			unit.click(By.cssSelector("[data-number='" + number + "']"));
			// the handling unit does not learn who reported
			assertThat(unit.visible(By.id("timeline")).getText()).doesNotContain("郑洁").contains("上报人（不向责任单位显示）");
			press(unit, "claim");
			unit.waitForText(By.id("problem-status"), "整改中");
			unit.visible(By.id("rectify-photos")).sendKeys(after1.toString());
			unit.visible(By.id("rectify-note")).sendKeys("已更换广告画面");
			press(unit, "rectify");
			unit.waitForText(By.id("problem-status"), "已整改待核查");
		}
		try (BrowserTestSupport inspector = BrowserTestSupport.chromium(port)) {
			inspector.signIn("inspector", Fixtures.PASSWORD);
			inspector.open(path);
			assertThat(inspector.visible(By.id("photos-after")).findElements(By.tagName("img"))).hasSize(1);
			press(inspector, "verify-fail");
			inspector.visible(By.id("verify-note")).sendKeys("边角仍有破损，请返工");
			press(inspector, "verify");
			inspector.waitForText(By.id("problem-status"), "返工");
		}
		try (BrowserTestSupport staff = BrowserTestSupport.chromium(port)) {
			staff.signIn("unit_staff", Fixtures.PASSWORD);
			staff.open(path);
			staff.waitForText(By.id("last-note"), "边角仍有破损");
			staff.visible(By.id("rectify-photos")).sendKeys(after2.toString());
			press(staff, "rectify");
			staff.waitForText(By.id("problem-status"), "已整改待核查");
		}
		try (BrowserTestSupport inspector = BrowserTestSupport.chromium(port)) {
			inspector.signIn("inspector", Fixtures.PASSWORD);
			inspector.open(path);
			press(inspector, "verify-pass");
			press(inspector, "verify");
			inspector.waitForText(By.id("problem-status"), "已销号");
			assertThat(inspector.visible(By.id("photos-after")).findElements(By.tagName("img"))).hasSize(2);
			assertThat(inspector.visible(By.id("timeline")).findElements(By.cssSelector("[data-action='verify']"))).hasSize(2);
		}
		finally {
			Files.deleteIfExists(before);
			Files.deleteIfExists(after1);
			Files.deleteIfExists(after2);
		}
	}

	/** Clicks a visible element the way a tap does, wherever it is on the (long, phone-layout) page. */
	static void press(BrowserTestSupport browser, String id) {
		var element = browser.visible(By.id(id));
		((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();", element);
	}
}
