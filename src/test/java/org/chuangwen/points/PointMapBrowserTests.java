package org.chuangwen.points;

import java.util.List;

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
			// find a pin, open its popup and follow the link (retried if a reload redraws the pins meanwhile)
			office.wait(d -> {
				try {
					WebElement pin = d.findElements(By.cssSelector("path.cw-pin-marker")).get(0);
					new org.openqa.selenium.interactions.Actions(d).moveToElement(pin).click().perform();
					List<WebElement> links = d.findElements(By.cssSelector("a.cw-pin-link"));
					if (links.isEmpty() || !links.get(0).isDisplayed()) {
						return null;
					}
					links.get(0).click();
					return true;
				}
				catch (org.openqa.selenium.StaleElementReferenceException | IndexOutOfBoundsException ex) {
					return null;
				}
			});
			office.visible(By.id("point-name"));
			assertThat(office.driver().getCurrentUrl()).contains("/points/");
			assertThat(office.visible(By.id("point-facts")).getText()).contains("公交站点");
			office.visible(By.cssSelector("#point-map path.cw-pin-marker"));
		}
	}
}
