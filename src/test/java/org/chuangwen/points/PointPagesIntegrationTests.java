package org.chuangwen.points;

import java.util.UUID;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.demo.DemoCity;
import org.chuangwen.organisation.OrganisationDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The point pages in Chinese: list with filters, detail, the form with its errors, retire, import, the map page. */
@ChuangwenIntegrationTest
class PointPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PointDirectory points;

	@Autowired
	OrganisationDirectory organisation;

	@Test
	void theListFiltersByTypeAndShowsChineseNames() throws Exception {
		mvc.perform(get("/points?typeCode=P08").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("室外公共厕所")))
			.andExpect(content().string(containsString("LJ-P08-0001")))
			.andExpect(content().string(not(containsString("LJ-P05-0001"))))
			.andExpect(content().string(containsString("新增点位")));
		// a unit's admin sees its own points, read-only: no "new" button
		mvc.perform(get("/points").with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"point-new\""))));
		mvc.perform(get("/points").with(fixtures.signedInAs("auditor"))).andExpect(status().isForbidden());
	}

	@Test
	void aPointPageShowsItsPlaceAndWhoAnswersForIt() throws Exception {
		PointRef p = points.pointByCode("LJ-P05-0001").orElseThrow();
		mvc.perform(get("/points/" + p.id()).with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("临江市公共交通集团有限公司")))
			.andExpect(content().string(containsString("id=\"point-map\"")))
			.andExpect(content().string(containsString("/dist/leaflet.js")))
			.andExpect(content().string(containsString("id=\"point-edit\"")));
		mvc.perform(get("/points/" + p.id()).with(fixtures.signedInAs("police_admin"))).andExpect(status().isNotFound());
		mvc.perform(get("/points/" + UUID.randomUUID() + "/edit").with(fixtures.signedInAs("office")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theFormShowsEveryErrorAndSavesAGoodPoint() throws Exception {
		String community = organisation.jurisdictionByCode(DemoCity.COMMUNITY_EAST_1_1).orElseThrow().id().toString();
		String unit = organisation.unitByCode(DemoCity.UNIT_URBAN_MANAGEMENT).orElseThrow().id().toString();
		mvc.perform(post("/points").with(fixtures.signedInAs("office")).with(csrf())
			.param("code", "坏编码").param("name", "").param("typeCode", "").param("latitude", "abc")
			.param("jurisdictionId", community).param("unitId", unit))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"form-summary\"")))
			.andExpect(content().string(containsString("点位编码只能包含字母")))
			.andExpect(content().string(containsString("此项必填")));
		PointRef inside = points.pointByCode("LJ-P12-0001").orElseThrow();
		mvc.perform(post("/points").with(fixtures.signedInAs("office")).with(csrf())
			.param("code", "PAGE-PT-1").param("name", "页面新增点位").param("typeCode", "P09")
			.param("latitude", String.valueOf(inside.latitude())).param("longitude", String.valueOf(inside.longitude()))
			.param("jurisdictionId", inside.jurisdictionId().toString()).param("unitId", unit))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/points/*"));
		PointRef created = points.pointByCode("PAGE-PT-1").orElseThrow();
		assertThat(created.gridId()).isEqualTo(inside.gridId());
		// a second save from the same (now stale) form is refused and says so
		mvc.perform(post("/points/" + created.id() + "/edit").with(fixtures.signedInAs("office")).with(csrf())
			.param("code", "PAGE-PT-1").param("name", "改名").param("typeCode", "P09").param("version", "7")
			.param("latitude", String.valueOf(inside.latitude())).param("longitude", String.valueOf(inside.longitude()))
			.param("jurisdictionId", inside.jurisdictionId().toString()).param("unitId", unit))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已被他人修改")));
		mvc.perform(post("/points/" + created.id() + "/status").with(fixtures.signedInAs("office")).with(csrf())
			.param("action", "retire").param("reason", "测试停用").param("version", "0"))
			.andExpect(status().is3xxRedirection());
		assertThat(points.point(created.id()).orElseThrow().active()).isFalse();
		// the bureau answers for the point and sees it, but only the office changes it
		mvc.perform(post("/points/" + created.id() + "/status").with(fixtures.signedInAs("unit_admin")).with(csrf())
			.param("action", "reactivate").param("reason", "x"))
			.andExpect(status().isForbidden());
		// the traffic police do not answer for it: it does not exist for them
		mvc.perform(post("/points/" + created.id() + "/status").with(fixtures.signedInAs("police_admin")).with(csrf())
			.param("action", "reactivate").param("reason", "x"))
			.andExpect(status().isNotFound());
		assertThat(points.point(created.id()).orElseThrow().active()).isFalse();
	}

	@Test
	void theImportPageListsEveryBadRow() throws Exception {
		byte[] file = PointsApiIntegrationTests.sheet(java.util.List.of(
				java.util.List.of("PAGE-IMP-1", "名称", "P99", "", "28.2", "112.9", "LJ-NOPE", "", "U-LJ-GJ", "", "", "")));
		mvc.perform(multipart("/points/import").file(new MockMultipartFile("file", "p.xlsx", null, file))
			.with(fixtures.signedInAs("office")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"import-problems\"")))
			.andExpect(content().string(containsString("未知的点位类型：P99")))
			.andExpect(content().string(containsString("未知的辖区编码：LJ-NOPE")));
	}

	@Test
	void theMapPageWorksWithoutTiles() throws Exception {
		mvc.perform(get("/points/map").with(fixtures.signedInAs("inspector")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"points-map-canvas\"")))
			.andExpect(content().string(not(containsString("data-tiles="))))
			.andExpect(content().string(containsString("data-pins=\"/points/map/pins\"")))
			.andExpect(content().string(containsString("/js/points-map.js")));
		mvc.perform(get("/webjars/leaflet/dist/leaflet.js")).andExpect(status().isOk());
		mvc.perform(get("/points/map/pins?typeCode=P11").with(fixtures.signedInAs("inspector")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"FeatureCollection\"")))
			.andExpect(content().string(containsString("\"typeCode\":\"P11\"")))
			.andExpect(content().string(not(containsString("\"typeCode\":\"P05\""))));
		mvc.perform(get("/points/map/outlines").with(fixtures.signedInAs("inspector")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"Polygon\"")));
		mvc.perform(get("/js/points-map.js")).andExpect(status().isOk());
	}
}
