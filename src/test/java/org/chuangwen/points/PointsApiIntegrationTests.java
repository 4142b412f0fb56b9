package org.chuangwen.points;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.demo.DemoCity;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.shared.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The demo city's points and the points API: list, one point, create, change with If-Match, map, Excel. */
@ChuangwenIntegrationTest
class PointsApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PointDirectory points;

	@Autowired
	GridLocator locator;

	@Autowired
	OrganisationDirectory organisation;

	@Autowired
	JdbcClient jdbc;

	String id(String code) {
		return organisation.jurisdictionByCode(code).orElseThrow().id().toString();
	}

	String unit(String code) {
		return organisation.unitByCode(code).orElseThrow().id().toString();
	}

	/** A position inside the demo grid LJ-01-01-01-01 (its boundary's centre). */
	double[] insideFirstGrid() {
		GridBoundary b = locator.boundary(UUID.fromString(id(DemoCity.GRID_EAST_1_1_1))).orElseThrow();
		double lat = b.ring().stream().mapToDouble(LatLng::lat).average().orElseThrow();
		double lng = b.ring().stream().mapToDouble(LatLng::lng).average().orElseThrow();
		return new double[] { lat, lng };
	}

	String body(String code, String type, double lat, double lng) {
		return """
				{"code": "%s", "name": "接口测试点位", "typeCode": "%s", "address": "人民路 1 号", "lat": %s, "lng": %s,
				 "jurisdictionId": "%s", "unitId": "%s"}
				""".formatted(code, type, lat, lng, id(DemoCity.COMMUNITY_EAST_1_1), unit(DemoCity.UNIT_URBAN_MANAGEMENT));
	}

	@Test
	void theDemoCityHasAboutFifteenHundredPointsOfAllTypesEachInsideItsGrid() {
		long count = jdbc.sql("select count(*) from point where code like 'LJ-P%'").query(Long.class).single();
		assertThat(count).isBetween(1_400L, 1_600L);
		assertThat(jdbc.sql("select count(distinct type_code) from point where code like 'LJ-P%'").query(Long.class).single())
			.isEqualTo(26);
		assertThat(jdbc.sql("select count(*) from grid_boundary where grid_code like 'LJ-%'").query(Long.class).single())
			.isEqualTo(600);
		// every demo point lies in the grid it names, and that grid is inside its community
		List<Point> demo = points.search(fixtures.cityOffice(), new PointFilter(null, null, null, null, "LJ-P"),
				PageRequest.of(0, 500)).items();
		assertThat(demo).hasSize(500);
		for (Point p : demo) {
			assertThat(p.gridId()).as(p.code()).isNotNull();
			assertThat(locator.gridAt(p.latitude(), p.longitude())).as(p.code()).contains(p.gridId());
			assertThat(p.gridCode()).startsWith(p.jurisdictionCode());
		}
		// bus stops answer to the bus company, toilets to the district's urban management bureau
		assertThat(points.ofType("P05")).filteredOn(p -> p.code().startsWith("LJ-P05-"))
			.hasSize(200)
			.allSatisfy(p -> assertThat(p.unitId().toString()).isEqualTo(unit("U-LJ-GJ")));
		assertThat(points.ofType("P12")).filteredOn(p -> p.code().startsWith("LJ-P12-")).hasSize(120);
	}

	@Test
	void listsPointsOfTheCallersScopePaged() throws Exception {
		mvc.perform(get("/api/v1/points?typeCode=P05&size=20").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(20)))
			.andExpect(jsonPath("$.size", is(20)))
			.andExpect(jsonPath("$.total", greaterThan(100)))
			.andExpect(jsonPath("$.items[*].typeCode", everyItem(is("P05"))))
			.andExpect(jsonPath("$.items[0].lat").isNumber())
			.andExpect(jsonPath("$.items[0].lng").isNumber());
		// the urban management bureau's accounts see only the bureau's points
		mvc.perform(get("/api/v1/points?size=500").with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].unitCode", everyItem(is(DemoCity.UNIT_URBAN_MANAGEMENT))));
		// the east district's office sees only east-district points
		mvc.perform(get("/api/v1/points?q=LJ-P&size=500").with(fixtures.signedInAs("district_office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].jurisdictionCode", everyItem(org.hamcrest.Matchers.startsWith("LJ-01"))));
		mvc.perform(get("/api/v1/points").with(fixtures.signedInAs("auditor"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/points?status=LOST").with(fixtures.signedInAs("office"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/points?size=501").with(fixtures.signedInAs("office"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/points")).andExpect(status().isUnauthorized());
	}

	@Test
	void createsChangesWithIfMatchAndRefusesAStaleVersion() throws Exception {
		double[] at = insideFirstGrid();
		String created = mvc.perform(post("/api/v1/points").with(fixtures.signedInAs("office"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("API-PT-1", "P05", at[0], at[1])))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.gridCode", is(DemoCity.GRID_EAST_1_1_1)))
			.andReturn().getResponse().getContentAsString();
		String pointId = JsonPath.read(created, "$.id");
		mvc.perform(get("/api/v1/points/" + pointId).with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.code", is("API-PT-1")));
		mvc.perform(put("/api/v1/points/" + pointId).with(fixtures.signedInAs("office"))
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("API-PT-1", "P19", at[0], at[1])))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.typeCode", is("P19")));
		mvc.perform(put("/api/v1/points/" + pointId).with(fixtures.signedInAs("office"))
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("API-PT-1", "P21", at[0], at[1])))
			.andExpect(status().isConflict())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("application/problem+json")));
		mvc.perform(post("/api/v1/points").with(fixtures.signedInAs("office"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("API-PT-1", "P05", at[0], at[1])))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/v1/points").with(fixtures.signedInAs("office"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("API-PT-2", "P77", 200, at[1])))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("typeCode")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("latitude")));
		mvc.perform(post("/api/v1/points").with(fixtures.signedInAs("unit_admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("API-PT-3", "P05", at[0], at[1])))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/points/" + pointId + "/retire").with(fixtures.signedInAs("office"))
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"站台迁移\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status", is("RETIRED")));
		mvc.perform(post("/api/v1/points/" + pointId + "/retire").with(fixtures.signedInAs("office"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"again\"}"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(get("/api/v1/points/" + UUID.randomUUID()).with(fixtures.signedInAs("office")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/points/not-an-id").with(fixtures.signedInAs("office"))).andExpect(status().isNotFound());
	}

	@Test
	void theMapAnswersGeoJsonPinsInTheViewAndGridOutlines() throws Exception {
		double[] at = insideFirstGrid();
		String bbox = (at[1] - 0.01) + "," + (at[0] - 0.01) + "," + (at[1] + 0.01) + "," + (at[0] + 0.01);
		String answer = mvc.perform(get("/api/v1/points/map?bbox=" + bbox).with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.type", is("FeatureCollection")))
			.andExpect(jsonPath("$.features[0].type", is("Feature")))
			.andExpect(jsonPath("$.features[0].geometry.type", is("Point")))
			.andExpect(jsonPath("$.truncated", is(false)))
			.andReturn().getResponse().getContentAsString();
		List<List<Double>> coordinates = JsonPath.read(answer, "$.features[*].geometry.coordinates");
		assertThat(coordinates).isNotEmpty().allSatisfy(c -> {
			assertThat(c.get(0)).isBetween(at[1] - 0.01, at[1] + 0.01); // [lng, lat]
			assertThat(c.get(1)).isBetween(at[0] - 0.01, at[0] + 0.01);
		});
		List<String> states = JsonPath.read(answer, "$.features[*].properties.state");
		assertThat(states).isNotEmpty().allMatch(s -> s.equals("active") || s.equals("retired") || s.equals("problems"));
		List<Object> openProblems = JsonPath.read(answer, "$.features[*].properties.openProblems");
		assertThat(openProblems).isEmpty(); // no provider in this build: the count is left out
		mvc.perform(get("/api/v1/grids/outlines?bbox=" + bbox).with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.features[0].geometry.type", is("Polygon")))
			.andExpect(jsonPath("$.features[*].properties.code", hasItem(DemoCity.GRID_EAST_1_1_1)));
		mvc.perform(get("/api/v1/points/map?bbox=1,2,3").with(fixtures.signedInAs("office")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/points/map?bbox=10,50,5,40").with(fixtures.signedInAs("office")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/grids/locate?lat=" + at[0] + "&lng=" + at[1]).with(fixtures.signedInAs("inspector")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.gridId", is(id(DemoCity.GRID_EAST_1_1_1))));
		mvc.perform(get("/api/v1/points/near?lat=" + at[0] + "&lng=" + at[1] + "&radius=800").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].distanceMetres").isNumber());
	}

	@Test
	void anImportWithBadRowsImportsNothingAndListsEveryBadRow() throws Exception {
		double[] at = insideFirstGrid();
		String community = DemoCity.COMMUNITY_EAST_1_1;
		byte[] file = sheet(List.of(
				List.of("IMP-OK-1", "好点位", "P05", "地址", str(at[0]), str(at[1]), community, "", "U-LJ-GJ", "", "", ""),
				List.of("IMP-BAD-1", "未知类型", "P99", "", str(at[0]), str(at[1]), community, "", "U-LJ-GJ", "", "", ""),
				List.of("IMP-BAD-2", "未知单位", "P05", "", str(at[0]), str(at[1]), community, "", "U-NOPE", "", "", ""),
				List.of("IMP-BAD-3", "坐标错误", "公交站点", "", "北纬", "300", "LJ-NOPE", "", "U-LJ-GJ", "", "", ""),
				List.of("IMP-OK-1", "编码重复", "P05", "", str(at[0]), str(at[1]), community, "", "U-LJ-GJ", "", "", ""),
				List.of("LJ-P05-0001", "编码已占用", "P05", "", str(at[0]), str(at[1]), community, "", "U-LJ-GJ", "", "", "")));
		mvc.perform(multipart("/api/v1/points/import").file(new MockMultipartFile("file", "points.xlsx", null, file))
			.with(fixtures.signedInAs("office")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.row == 2)]", hasSize(0)))
			.andExpect(jsonPath("$.errors[?(@.row == 3 && @.field == 'typeCode')]", hasSize(1)))
			.andExpect(jsonPath("$.errors[?(@.row == 4 && @.field == 'unitCode')]", hasSize(1)))
			.andExpect(jsonPath("$.errors[?(@.row == 5 && @.field == 'latitude')]", hasSize(1)))
			.andExpect(jsonPath("$.errors[?(@.row == 5 && @.field == 'jurisdictionCode')]", hasSize(1)))
			.andExpect(jsonPath("$.errors[?(@.row == 6 && @.field == 'code')]", hasSize(1)))
			.andExpect(jsonPath("$.errors[?(@.row == 7 && @.field == 'code')]", hasSize(1)));
		assertThat(points.pointByCode("IMP-OK-1")).isEmpty();
		mvc.perform(multipart("/api/v1/points/import").file(new MockMultipartFile("file", "points.xlsx", null, file))
			.with(fixtures.signedInAs("unit_admin"))).andExpect(status().isForbidden());
		mvc.perform(multipart("/api/v1/points/import")
			.file(new MockMultipartFile("file", "points.xlsx", null, "not a spreadsheet".getBytes()))
			.with(fixtures.signedInAs("office"))).andExpect(status().isBadRequest());
	}

	@Test
	void anExportedListImportsBackAsTheSamePoints() throws Exception {
		byte[] exported = mvc.perform(get("/api/v1/points/export?typeCode=P14").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		List<Point> originals = points.search(fixtures.cityOffice(), new PointFilter("P14", null, null, null, "LJ-P14"),
				PageRequest.of(0, 100)).items();
		assertThat(originals).isNotEmpty();
		// the same file again: every code is taken, nothing imported
		mvc.perform(multipart("/api/v1/points/import").file(new MockMultipartFile("file", "p.xlsx", null, exported))
			.with(fixtures.signedInAs("office")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(originals.size())));
		// with new codes it imports as copies of the originals
		byte[] renamed = recode(exported, "RT-");
		mvc.perform(multipart("/api/v1/points/import").file(new MockMultipartFile("file", "p.xlsx", null, renamed))
			.with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created", is(originals.size())));
		for (Point original : originals) {
			Point copy = points.pointFor(fixtures.cityOffice(), points.pointByCode("RT-" + original.code()).orElseThrow().id());
			assertThat(copy).usingRecursiveComparison()
				.ignoringFields("id", "code", "version", "createdAt", "updatedAt")
				.isEqualTo(original);
		}
		mvc.perform(get("/api/v1/points/template").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")));
	}

	static String str(double value) {
		return String.valueOf(value);
	}

	static byte[] sheet(List<List<String>> rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("点位清单");
			Row header = sheet.createRow(0);
			for (int c = 0; c < PointSheets.HEADER.size(); c++) {
				header.createCell(c).setCellValue(PointSheets.HEADER.get(c));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

	static byte[] recode(byte[] file, String prefix) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				var cell = sheet.getRow(r).getCell(0);
				cell.setCellValue(prefix + cell.getStringCellValue());
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
