package org.chuangwen.points;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.chuangwen.BrowserTestSupport;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.audit.AuditTrail;
import org.chuangwen.demo.DemoCity;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.JurisdictionLevel;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationManagement;
import org.chuangwen.organisation.OrganisationManagement.NewJurisdiction;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Editing a grid's boundary: the page in a real browser at phone width without map tiles (click to add a vertex, save;
 * paste a crossing outline and read the Chinese error), and the server's checks through the page and the API
 * (closed, simple, inside the city, optimistic locking, audit, scope). Works on grids of its own around 14°N 30°E.
 */
@ChuangwenIntegrationTest
class GridBoundaryEditingBrowserTests {

	static final double CELL = 0.01;

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PointManagement management;

	@Autowired
	GridLocator locator;

	@Autowired
	OrganisationManagement organisationManagement;

	@Autowired
	OrganisationDirectory organisation;

	@Autowired
	AuditTrail audit;

	/** A new grid with a square boundary at (south, west), plus a neighbour to its east. */
	UUID aGrid(double south, double west) {
		Actor office = fixtures.cityOffice();
		UUID street = organisation.jurisdictionByCode(DemoCity.STREET_EAST_1).orElseThrow().id();
		String code = "GB-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
		UUID community = organisationManagement.createJurisdiction(office,
				new NewJurisdiction(street, JurisdictionLevel.COMMUNITY, code, "边界测试社区", 99)).id();
		UUID grid = organisationManagement.createJurisdiction(office,
				new NewJurisdiction(community, JurisdictionLevel.GRID, code + "-01", "边界测试网格", 0)).id();
		UUID neighbour = organisationManagement.createJurisdiction(office,
				new NewJurisdiction(community, JurisdictionLevel.GRID, code + "-02", "相邻网格", 1)).id();
		management.defineGridBoundary(office, grid, GeoTests.square(south, west, CELL));
		management.defineGridBoundary(office, neighbour, GeoTests.square(south, west + CELL, CELL));
		return grid;
	}

	static String polygon(double[][] lngLat) {
		StringBuilder s = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
		for (int i = 0; i < lngLat.length; i++) {
			s.append(i > 0 ? "," : "").append('[').append(lngLat[i][0]).append(',').append(lngLat[i][1]).append(']');
		}
		return s.append("]]}").toString();
	}

	@Test
	void theOfficeAddsAVertexOnAPhoneAndSavesThenACrossingOutlineIsRefusedInChinese() {
		UUID grid = aGrid(14.0, 30.0);
		try (BrowserTestSupport office = BrowserTestSupport.chromium(port)) {
			office.driver().manage().window().setSize(new Dimension(390, 844));
			office.signIn("office", Fixtures.PASSWORD);
			office.open("/grids/" + grid + "/boundary/edit");
			WebElement map = office.visible(By.id("grid-edit-map"));
			office.wait(d -> "4".equals(map.getDomAttribute("data-vertices")));
			office.wait(d -> map.getDomAttribute("data-neighbours") != null
					&& Integer.parseInt(map.getDomAttribute("data-neighbours")) >= 1);
			assertThat(office.driver().findElements(By.cssSelector("#grid-edit-map .cw-vertex"))).hasSize(4);
			// no tiles are configured: the map draws without any
			assertThat(office.driver().findElements(By.cssSelector(".leaflet-tile"))).isEmpty();
			// a click on the map, below the square's centre, adds a vertex on the nearest (southern) edge
			((org.openqa.selenium.JavascriptExecutor) office.driver())
				.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", map);
			new Actions(office.driver()).moveToElement(map, 0, map.getSize().getHeight() / 4).click().perform();
			office.wait(d -> "5".equals(map.getDomAttribute("data-vertices")));
			assertThat(office.driver().findElement(By.id("geojson")).getDomProperty("value")).contains("\"Polygon\"");
			office.driver().findElement(By.id("note")).sendKeys("按实地勘测调整南侧边界");
			office.click(By.id("save-boundary"));
			office.waitForText(By.cssSelector("main .alert-success"), "网格边界已保存");
			GridBoundary saved = locator.boundary(grid).orElseThrow();
			assertThat(saved.ring()).hasSize(5);
			assertThat(saved.version()).isEqualTo(1);
			assertThat(audit.historyOf("grid", grid, 10))
				.anyMatch(e -> e.action().equals("grid.boundaryDefined") && "按实地勘测调整南侧边界".equals(e.reason()));

			// a crossing outline pasted as GeoJSON: previewed, then refused by the server with a clear message
			office.wait(d -> "5".equals(d.findElement(By.id("grid-edit-map")).getDomAttribute("data-vertices")));
			String bowTie = polygon(new double[][] { { 30.0, 14.0 }, { 30.01, 14.01 }, { 30.01, 14.0 }, { 30.0, 14.01 },
					{ 30.0, 14.0 } });
			WebElement text = office.driver().findElement(By.id("geojson"));
			((org.openqa.selenium.JavascriptExecutor) office.driver()).executeScript("arguments[0].value = arguments[1];", text, bowTie);
			office.click(By.id("preview-geojson"));
			office.wait(d -> "4".equals(d.findElement(By.id("grid-edit-map")).getDomAttribute("data-vertices")));
			office.click(By.id("save-boundary"));
			office.waitForText(By.id("save-error"), "边界自相交");
			assertThat(locator.boundary(grid).orElseThrow().version()).isEqualTo(1); // nothing written
			// what the office pasted is still there to correct
			assertThat(office.driver().findElement(By.id("geojson")).getDomProperty("value")).contains("30.01");
			Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) office.driver())
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(overflow).isLessThanOrEqualTo(0L);
		}
	}

	@Test
	void theServerChecksTheOutlineTheVersionAndWhoMayEdit() throws Exception {
		UUID grid = aGrid(14.2, 30.2);
		String url = "/grids/" + grid + "/boundary/edit";
		mvc.perform(get(url).with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("边界测试网格")))
			.andExpect(content().string(containsString("&quot;Polygon&quot;")));
		// outside the city
		String far = polygon(new double[][] { { -60.0, -30.0 }, { -59.99, -30.0 }, { -59.99, -29.99 }, { -60.0, -30.0 } });
		mvc.perform(post(url).param("geojson", far).param("version", "0").with(fixtures.signedInAs("office")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不在本市范围内")));
		// not closed
		String open = polygon(new double[][] { { 30.2, 14.2 }, { 30.21, 14.2 }, { 30.21, 14.21 } });
		mvc.perform(post(url).param("geojson", open).param("version", "0").with(fixtures.signedInAs("office")).with(csrf()))
			.andExpect(content().string(containsString("多边形未闭合")));
		// a good outline with a stale version
		String good = polygon(new double[][] { { 30.2, 14.2 }, { 30.212, 14.2 }, { 30.212, 14.21 }, { 30.2, 14.21 }, { 30.2, 14.2 } });
		mvc.perform(post(url).param("geojson", good).param("version", "7").with(fixtures.signedInAs("office")).with(csrf()))
			.andExpect(content().string(containsString("已被他人修改")));
		mvc.perform(post(url).param("geojson", good).param("version", "0").with(fixtures.signedInAs("office")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(locator.gridAt(14.205, 30.211)).contains(grid);
		// the API: ETag and If-Match
		mvc.perform(get("/api/v1/grids/" + grid + "/boundary").with(fixtures.signedInAs("office")))
			.andExpect(header().string("ETag", "\"1\""));
		String body = "{\"ring\": [[14.2, 30.2], [14.2, 30.21], [14.21, 30.21], [14.21, 30.2]]}";
		mvc.perform(put("/api/v1/grids/" + grid + "/boundary").header("If-Match", "\"0\"")
			.contentType("application/json").content(body).with(fixtures.signedInAs("office")))
			.andExpect(status().isConflict());
		mvc.perform(put("/api/v1/grids/" + grid + "/boundary").header("If-Match", "\"1\"")
			.contentType("application/json").content(body).with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version", is(2)));
		String crossing = "{\"ring\": [[14.2, 30.2], [14.21, 30.21], [14.2, 30.21], [14.21, 30.2]]}";
		mvc.perform(put("/api/v1/grids/" + grid + "/boundary").contentType("application/json").content(crossing)
			.with(fixtures.signedInAs("office")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message", containsString("自相交")));
		// only the office maintaining the grid: others may not even open the page
		mvc.perform(get(url).with(fixtures.signedInAs("inspector"))).andExpect(status().is4xxClientError());
		mvc.perform(get(url).with(fixtures.signedInAs("unit_admin"))).andExpect(status().is4xxClientError());
		mvc.perform(post(url).param("geojson", good).with(fixtures.signedInAs("leader")).with(csrf()))
			.andExpect(status().isForbidden());
		// the picker finds a grid by its code
		String code = organisation.jurisdiction(grid).orElseThrow().code();
		mvc.perform(get("/grids/boundary?code=" + code).with(fixtures.signedInAs("office")))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/grids/boundary?code=NO-SUCH-GRID").with(fixtures.signedInAs("office")))
			.andExpect(content().string(containsString("找不到网格")));
		assertThat(List.of(locator.boundary(grid).orElseThrow().version())).containsExactly(2);
	}
}
