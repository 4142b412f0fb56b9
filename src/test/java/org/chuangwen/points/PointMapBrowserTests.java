package org.chuangwen.points;

import org.chuangwen.BrowserTestSupport;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** In a real browser, without map tiles: the office opens the map, sees the pins and grids, and opens a point. */
@ChuangwenIntegrationTest
class PointMapBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void theOfficeSeesPinsOnTheMapAndOpensAPoint() {
		try (BrowserTestSupport office = BrowserTestSupport.chromium(port)) {
			office.signIn("office", Fixtures.PASSWORD);
			office.visible(By.linkText("点位")).click();
			office.visible(By.id("points-map")).click();
			office.visible(By.id("points-map-canvas"));
			office.wait(ExpectedConditions.attributeToBeNotEmpty(office.driver().findElement(By.id("points-map-canvas")),
					"data-loaded"));
			int loaded = Integer.parseInt(office.driver().findElement(By.id("points-map-canvas")).getAttribute("data-loaded"));
			assertThat(loaded).isGreaterThan(1_000); // the whole demo city is in view
			assertThat(office.driver().findElements(By.cssSelector("path.cw-pin-marker"))).hasSizeGreaterThan(1_000);
			office.wait(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".leaflet-overlay-pane path"), 1_500));
			assertThat(office.driver().findElement(By.id("map-count")).getText()).contains("个点位");
			// only bus stops
			new org.openqa.selenium.support.ui.Select(office.driver().findElement(By.id("m-type"))).selectByValue("P05");
			office.wait(d -> "200".equals(d.findElement(By.id("points-map-canvas")).getAttribute("data-loaded"))
					|| Integer.parseInt(d.findElement(By.id("points-map-canvas")).getAttribute("data-loaded")) < 300);
			WebElement pin = office.driver().findElements(By.cssSelector("path.cw-pin-marker")).get(0);
			new org.openqa.selenium.interactions.Actions(office.driver()).moveToElement(pin).click().perform();
			office.visible(By.cssSelector("a.cw-pin-link")).click();
			office.visible(By.id("point-name"));
			assertThat(office.driver().getCurrentUrl()).contains("/points/");
			assertThat(office.visible(By.id("point-facts")).getText()).contains("公交站点");
			office.visible(By.cssSelector("#point-map path.cw-pin-marker"));
		}
	}
}
