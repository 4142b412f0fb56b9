package org.chuangwen.scoring;

import org.chuangwen.BrowserTestSupport;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scores page on a phone (390 × 844): the criterion tree shows levels Ⅰ and Ⅱ and folds what lies below each
 * Ⅱ item, so the page stays a few screens tall; a fold opens on a tap (a plain {@code <details>}).
 */
@ChuangwenIntegrationTest
class ScoresBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void theCriterionTreeFoldsBelowLevelTwoOnAPhone() {
		try (BrowserTestSupport phone = BrowserTestSupport.chromium(port)) {
			phone.driver().manage().window().setSize(new Dimension(390, 844));
			phone.signIn("office", Fixtures.PASSWORD);
			phone.open("/scores");
			phone.visible(By.id("criteria-scores"));
			JavascriptExecutor js = (JavascriptExecutor) phone.driver();
			long rows = ((Number) js.executeScript("return document.querySelectorAll('#criteria-scores tr[data-code]').length"))
				.longValue();
			long folds = ((Number) js.executeScript("return document.querySelectorAll('#criteria-scores details').length"))
				.longValue();
			long open = ((Number) js.executeScript("return document.querySelectorAll('#criteria-scores details[open]').length"))
				.longValue();
			assertThat(rows).as("every row of the tree is on the page").isGreaterThan(100);
			assertThat(folds).isPositive();
			assertThat(open).isZero();
			long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
			System.out.printf("BENCH /scores on a 390x844 window: %d px tall, %d rows, %d folds%n", height, rows, folds);
			assertThat(height).as("page height on a 390 px phone").isLessThan(4000);

			WebElement summary = phone.visible(By.cssSelector("#criteria-scores details > summary"));
			String firstBelow = (String) js.executeScript(
					"return document.querySelector('#criteria-scores details tr[data-code]').getAttribute('data-code')");
			assertThat(phone.driver().findElement(By.cssSelector("#criteria-scores details tr[data-code='" + firstBelow + "']"))
				.isDisplayed()).isFalse();
			js.executeScript("arguments[0].scrollIntoView({block: 'center'})", summary);
			phone.wait(d -> summary.isDisplayed());
			js.executeScript("arguments[0].click()", summary);
			phone.wait(d -> d.findElement(By.cssSelector("#criteria-scores details tr[data-code='" + firstBelow + "']"))
				.isDisplayed());
			long taller = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
			assertThat(taller).isGreaterThan(height);
		}
	}
}
