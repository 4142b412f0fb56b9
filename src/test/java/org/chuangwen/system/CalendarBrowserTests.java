package org.chuangwen.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.chuangwen.BrowserTestSupport;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.shared.WorkingCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city office keeps the working calendar in a real browser, on a phone-sized window: reads the year, gets its
 * refused form back with the message next to the field, adds an adjusted working day and removes it after confirming.
 */
@ChuangwenIntegrationTest
class CalendarBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	WorkingCalendar calendar;

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
	void theOfficeAddsAndRemovesAnAdjustedWorkingDayOnAPhone() throws Exception {
		browser.driver().manage().window().setSize(new Dimension(390, 844));
		browser.signIn("office", Fixtures.PASSWORD);
		browser.open("/admin/calendar?year=2026");
		browser.waitForText(By.id("m-2"), "春节调休上班");
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("2026 年工作日历");
		// no horizontal scrolling on a phone
		Number scrollWidth = (Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollWidth");
		assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(390);

		// a Tuesday cannot be an adjusted working day
		browser.open("/admin/calendar?year=2098");
		setValue("cal-date", "2098-03-04");
		press(By.cssSelector("#cal-kind option[value=WORKDAY]"));
		browser.driver().findElement(By.id("cal-name")).sendKeys("调休上班");
		press(By.cssSelector("#day-form button.btn-primary"));
		browser.waitForText(By.id("cal-kind-error"), "调休上班日必须是周六或周日");

		// a Saturday can
		setValue("cal-date", "2098-03-08");
		press(By.cssSelector("#day-form button.btn-primary"));
		try {
			browser.waitForText(By.id("m-3"), "调休上班");
		}
		catch (RuntimeException ex) {
			Files.writeString(Path.of("target", "calendar-failure.html"), browser.driver().getPageSource());
			throw ex;
		}
		assertThat(calendar.isWorkingDay(LocalDate.parse("2098-03-08"))).isTrue();
		Path shot = Path.of("target", "calendar-phone.png");
		Files.write(shot, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));

		// removing asks first
		press(By.cssSelector("#m-3 form[data-confirm] button"));
		browser.wait(ExpectedConditions.alertIsPresent()).accept();
		browser.waitForText(By.id("m-3"), "本月无节假日或调休");
		assertThat(calendar.isWorkingDay(LocalDate.parse("2098-03-08"))).isFalse();
	}

	/** Scrolls the element to the middle of the small window first, so no sticky part of the page covers it. */
	private void press(By locator) {
		var element = browser.visible(locator);
		((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		element.click();
	}

	private void setValue(String id, String value) {
		((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
	}
}
