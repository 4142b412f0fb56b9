package org.chuangwen.publicportal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.BrowserTestSupport;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.organisation.Actor;
import org.chuangwen.points.LatLng;
import org.chuangwen.problems.ProblemAction;
import org.chuangwen.problems.ProblemCommand;
import org.chuangwen.problems.ProblemManagement;
import org.chuangwen.problems.ProblemTestPlaces;
import org.chuangwen.system.RequestThrottle;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone-sized window, without signing in: a citizen reports with a photo and the phone's position, gets a
 * tracking code, follows the report to closure (the office accepts it, the unit fixes it, the office verifies it) and
 * rates it.
 */
@ChuangwenIntegrationTest
class CitizenReportBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ProblemTestPlaces places;

	@Autowired
	ProblemManagement management;

	@Autowired
	Fixtures fixtures;

	@Autowired
	RequestThrottle throttle;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCitizenReportsFromAPhoneFollowsItToClosureAndRatesIt() throws Exception {
		places.ready();
		throttle.reset();
		LatLng at = places.spot(false);
		Path photo = Files.createTempFile("citizen", ".png");
		Files.write(photo, ProblemTestPlaces.png(737373));
		String code;
		try (BrowserTestSupport phone = BrowserTestSupport.chromium(port)) {
			ChromeDriver driver = (ChromeDriver) phone.driver();
			driver.manage().window().setSize(new Dimension(390, 844));
			driver.executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("geolocation")));
			driver.executeCdpCommand("Emulation.setGeolocationOverride",
					Map.of("latitude", at.lat(), "longitude", at.lng(), "accuracy", 10));
			phone.open("/public");
			phone.click(By.linkText("我要反映"));
			driver.findElement(By.id("photos")).sendKeys(photo.toString());
			phone.wait(d -> !d.findElements(By.cssSelector("#photo-preview img")).isEmpty());
			new Select(phone.visible(By.id("categoryCode"))).selectByValue("A05");
			phone.visible(By.id("description")).sendKeys("小区门口堆放建筑垃圾");
			phone.click(By.id("locate"));
			phone.waitForText(By.id("where-text"), "已定位");
			phone.visible(By.id("contactMobile")).sendKeys("13512345678");
			long width = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
			assertThat(width).as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
			phone.click(By.id("send"));
			phone.waitForText(By.id("received"), "已收到您的反映");
			code = phone.visible(By.id("tracking-code")).getText();
			assertThat(code).matches("[A-HJ-NP-Z2-9]{8}");
			phone.waitForText(By.id("stage"), "等待创文办审核受理");

			close(jdbc.sql("select problem_id from citizen_report where tracking_code = :c").param("c", code)
				.query(UUID.class).single());

			phone.open("/public/track");
			phone.visible(By.id("code")).sendKeys(code.toLowerCase());
			phone.visible(By.id("code")).submit();
			phone.waitForText(By.id("stage"), "已办结");
			assertThat(phone.visible(By.id("timeline")).getText()).contains("承办单位完成整改").doesNotContain("13512345678");
			phone.click(By.cssSelector("input[name=rating][value=SATISFIED]"));
			phone.visible(By.id("comment")).sendKeys("处理很快，谢谢");
			phone.click(By.cssSelector("#rating button[type=submit]"));
			phone.waitForText(By.id("rating"), "您的评价：满意");
		}
		assertThat(jdbc.sql("select rating from citizen_report where tracking_code = :c").param("c", code)
			.query(String.class).single()).isEqualTo("SATISFIED");
	}

	void close(UUID id) {
		Actor office = fixtures.cityOffice();
		management.transition(office, id, command(ProblemAction.REGISTER, null, List.of()));
		management.transition(office, id, new ProblemCommand(ProblemAction.DISPATCH, null, places.urbanManagement, null,
				null, null, List.of(), null, null, null));
		Actor unit = fixtures.actor("unit_admin");
		management.transition(unit, id, command(ProblemAction.CLAIM, null, List.of()));
		management.transition(unit, id, command(ProblemAction.RECTIFY, "已清运", List.of(places.photo(unit))));
		management.transition(office, id, new ProblemCommand(ProblemAction.VERIFY, "核查通过", null, null, null, true,
				List.of(), null, null, null));
	}

	static ProblemCommand command(ProblemAction action, String note, List<UUID> photos) {
		return new ProblemCommand(action, note, null, null, null, null, photos, null, null, null);
	}
}
