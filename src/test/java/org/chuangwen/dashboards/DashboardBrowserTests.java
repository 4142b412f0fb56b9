package org.chuangwen.dashboards;

import java.util.List;
import java.util.Map;

import org.chuangwen.BrowserTestSupport;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser with the demo city: the dashboard's panels load, their charts are drawn (canvas), a click on a bar
 * opens the problems board filtered by that state, a panel's Excel export downloads, the map shows the points, the
 * panels stack on a phone, and the big screen fits 1920×1080 without scrolling.
 */
@ChuangwenIntegrationTest
class DashboardBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void theDashboardDrawsItsChartsAndAClickOnABarOpensTheListBehindIt() {
		try (BrowserTestSupport office = BrowserTestSupport.chromium(port)) {
			office.signIn("office", Fixtures.PASSWORD);
			office.click(By.id("home-dashboard"));
			office.wait(ExpectedConditions.urlContains("/dashboard"));
			for (String panel : List.of("states", "lights", "trend", "worst-points")) {
				office.wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#panel-" + panel + " .cw-chart canvas")));
			}
			office.wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#panel-map .leaflet-container")));
			office.wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#panel-map path.cw-pin-marker")));
			office.wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#panel-overdue table, #panel-overdue .cw-empty")));

			// the Excel export of a panel downloads (fetched with the page's session)
			JavascriptExecutor js = (JavascriptExecutor) office.driver();
			@SuppressWarnings("unchecked")
			Map<String, Object> download = (Map<String, Object>) js.executeAsyncScript("""
					var done = arguments[arguments.length - 1];
					var href = document.querySelector('#panel-states a.cw-export').getAttribute('href');
					fetch(href, { credentials: 'same-origin' }).then(function (r) {
					  return r.arrayBuffer().then(function (b) {
					    done({ status: r.status, type: r.headers.get('content-type'),
					           disposition: r.headers.get('content-disposition'), bytes: b.byteLength,
					           zip: new Uint8Array(b.slice(0, 2)).join(',') });
					  });
					});
					""");
			assertThat(download.get("status")).isEqualTo(200L);
			assertThat((String) download.get("type")).contains("spreadsheetml");
			assertThat((String) download.get("disposition")).contains("attachment");
			assertThat((Long) download.get("bytes")).isGreaterThan(1000L);
			assertThat(download.get("zip")).as("an xlsx is a zip: PK").isEqualTo("80,75");

			// a click on the tallest bar of "problems by state" opens the board filtered by that state
			WebElement chart = office.visible(By.cssSelector("#panel-states .cw-chart"));
			js.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", chart);
			@SuppressWarnings("unchecked")
			List<Object> target = (List<Object>) js.executeScript("""
					var el = arguments[0];
					var chart = echarts.getInstanceByDom(el);
					var data = chart.getOption().series[0].data.map(function (d) { return typeof d === 'object' ? d.value : d; });
					var best = 0;
					data.forEach(function (v, i) { if (v > data[best]) { best = i; } });
					var px = chart.convertToPixel({ seriesIndex: 0 }, [best, data[best] / 2]);
					var rows = document.querySelectorAll('#table-states tbody tr');
					return [px[0], px[1], el.clientWidth, el.clientHeight, rows[best].querySelector('td a').getAttribute('href')];
					""", chart);
			int x = ((Number) target.get(0)).intValue() - ((Number) target.get(2)).intValue() / 2;
			int y = ((Number) target.get(1)).intValue() - ((Number) target.get(3)).intValue() / 2;
			String expected = (String) target.get(4);
			assertThat(expected).startsWith("/problems/board?status=");
			new Actions(office.driver()).moveToElement(chart, x, y).click().perform();
			office.wait(ExpectedConditions.urlContains(expected));
			office.visible(By.cssSelector("form[role=search]"));

			// on a phone (390 px) the panels stack
			office.driver().manage().window().setSize(new Dimension(390, 844));
			office.open("/dashboard");
			WebElement states = office.visible(By.id("panel-states"));
			WebElement lights = office.visible(By.id("panel-lights"));
			assertThat(states.getRect().getX()).isEqualTo(lights.getRect().getX());
			assertThat(lights.getRect().getY()).isGreaterThan(states.getRect().getY());
			Object overflow = js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1;");
			assertThat(overflow).as("no sideways scrolling at 390 px").isEqualTo(Boolean.TRUE);
		}
	}

	@Test
	void theBigScreenFitsWithoutScrollingInTheDark() {
		try (BrowserTestSupport leader = BrowserTestSupport.chromium(port)) {
			leader.signIn("leader", Fixtures.PASSWORD);
			leader.driver().manage().window().setSize(new Dimension(1920, 1080));
			leader.open("/dashboard/screen");
			leader.wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#panel-trend .cw-chart canvas")));
			leader.wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#panel-states .cw-chart canvas")));
			JavascriptExecutor js = (JavascriptExecutor) leader.driver();
			assertThat(js.executeScript("return document.documentElement.scrollHeight <= window.innerHeight + 1;")).isEqualTo(Boolean.TRUE);
			assertThat(js.executeScript("return getComputedStyle(document.body).overflow;")).isEqualTo("hidden");
			assertThat(js.executeScript("return getComputedStyle(document.body).backgroundColor;")).isEqualTo("rgb(11, 18, 32)");
			assertThat(leader.driver().findElement(By.cssSelector(".cw-screen-states")).getAttribute("hx-trigger"))
				.contains("every 60s");
		}
	}
}
