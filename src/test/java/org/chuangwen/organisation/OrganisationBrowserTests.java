package org.chuangwen.organisation;

import java.nio.file.Files;
import java.nio.file.Path;

import org.chuangwen.BrowserTestSupport;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.demo.DemoCity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The campaign office at work in a real browser: signs in, walks the jurisdiction tree, gets a unit form back with
 * its errors, imports a spreadsheet with bad rows and sees every one of them (and nothing imported), then reads the
 * same page in English.
 */
@ChuangwenIntegrationTest
class OrganisationBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private BrowserTestSupport browser;

	@BeforeEach
	void startBrowser() {
		browser = BrowserTestSupport.chromium(port);
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
	}

	@Test
	void theOfficeMaintainsUnitsAndSeesEveryBadImportRow() throws Exception {
		browser.signIn("office", Fixtures.PASSWORD);

		// the jurisdiction tree expands lazily
		browser.open("/organisation/jurisdictions");
		browser.visible(By.cssSelector("li[data-code='" + DemoCity.CITY + "'] > details > summary")).click();
		browser.visible(By.cssSelector("li[data-code='" + DemoCity.DISTRICT_EAST + "']"));
		assertThat(browser.driver().findElement(By.cssSelector("li[data-code='" + DemoCity.DISTRICT_EAST + "']")).getText()).contains("东湖区");

		// an invalid unit comes back with a message next to each bad field
		browser.open("/organisation/units");
		browser.visible(By.id("unit-new")).click();
		browser.visible(By.id("code")).sendKeys(DemoCity.UNIT_URBAN_MANAGEMENT);
		new Select(browser.driver().findElement(By.id("type"))).selectByValue("DEPARTMENT");
		browser.driver().findElement(By.id("unit-save")).click();
		browser.waitForText(By.id("name-error"), "此项必填");
		browser.waitForText(By.id("code-error"), "该编码已被使用");
		browser.waitForText(By.id("jurisdictionId-error"), "此项必填");

		// an import with two bad rows lists both, and imports nothing
		byte[] workbook = SpreadsheetFileTests.workbook(OrganisationSpreadsheets.UNIT_HEADER.toArray(String[]::new),
				new String[] { "BRW-1", "浏览器导入单位一", "DEPARTMENT", DemoCity.DISTRICT_EAST, "", "", "" },
				new String[] { "BRW-2", "", "DEPARTMENT", DemoCity.DISTRICT_EAST, "", "", "" },
				new String[] { "BRW-3", "浏览器导入单位三", "DEPARTMENT", "LJ-NOWHERE", "", "", "" });
		Path file = Files.createTempFile("units-", ".xlsx");
		Files.write(file, workbook);
		try {
			browser.open("/organisation/units/import");
			browser.visible(By.id("file")).sendKeys(file.toAbsolutePath().toString());
			browser.driver().findElement(By.id("import-submit")).click();
			browser.visible(By.id("import-problems"));
			assertThat(browser.driver().findElements(By.cssSelector("#import-problems tr[data-row='3']"))).hasSize(1);
			assertThat(browser.driver().findElements(By.cssSelector("#import-problems tr[data-row='4']"))).hasSize(1);
			assertThat(browser.driver().findElements(By.cssSelector("#import-problems tr[data-row='2']"))).isEmpty();
			assertThat(browser.driver().findElement(By.id("import-problems")).getText()).contains("LJ-NOWHERE");
		}
		finally {
			Files.deleteIfExists(file);
		}
		assertThat(jdbc.sql("select count(*) from unit where code like 'BRW-%'").query(Long.class).single()).isZero();

		// the same page in English
		browser.open("/organisation/units/import?lang=en");
		browser.waitForText(By.tagName("h1"), "Import units");
		browser.open("/organisation/units");
		browser.wait(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Units"));
		assertThat(browser.driver().findElement(By.id("unit-new")).getText()).isEqualTo("New unit");
	}
}
