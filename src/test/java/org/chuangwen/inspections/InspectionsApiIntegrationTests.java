package org.chuangwen.inspections;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.criteria.Standard;
import org.chuangwen.organisation.ApiTokens;
import org.chuangwen.points.PointDirectory;
import org.chuangwen.points.PointRef;
import org.chuangwen.problems.Problem;
import org.chuangwen.problems.ProblemDirectory;
import org.chuangwen.problems.ProblemSource;
import org.chuangwen.problems.ProblemStatus;
import org.chuangwen.shared.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The inspections API: planning, bad input, idempotent observations, problems, unannounced visibility, imports. */
@ChuangwenIntegrationTest
class InspectionsApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApiTokens tokens;

	@Autowired
	InspectionTestRounds rounds;

	@Autowired
	InspectionManagement management;

	@Autowired
	InspectionDirectory directory;

	@Autowired
	ProblemDirectory problems;

	@Autowired
	PointDirectory points;

	String bearer(String username) {
		return "Bearer " + tokens.issue(fixtures.actor(username).userId()).token();
	}

	String observe(InspectionRound round, UUID point, String body, String user, String key) throws Exception {
		var request = post("/api/v1/inspections/rounds/{id}/points/{p}/observations", round.id(), point)
			.header("Authorization", bearer(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		if (key != null) {
			request = request.header("Idempotency-Key", key);
		}
		return mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	@Test
	void aNonCompliantItemCreatesOneProblemInTheUnitsInboxAndRetriesNeverDouble() throws Exception {
		InspectionRound round = rounds.open(new SamplingQuota("P19", null, 1));
		SampledPoint point = rounds.points(round).get(0);
		Standard standard = rounds.standards(round, "P19").get(0);
		String body = """
				{"standardId": "%s", "result": "fail", "note": "斑马线前车辆不礼让行人"}
				""".formatted(standard.id());
		String key = UUID.randomUUID().toString();
		String first = observe(round, point.pointId(), body, "inspector", key);
		String retry = observe(round, point.pointId(), body, "inspector", key);
		assertThat(retry).isEqualTo(first);
		String problemId = JsonPath.read(first, "$.observations[0].problemId");
		assertThat(problemId).isNotNull();
		// saved again without the key (e.g. a later correction of the note): the same observation, still one problem
		String again = observe(round, point.pointId(), body.replace("不礼让行人", "不礼让行人，已拍照"), "inspector", null);
		assertThat((String) JsonPath.read(again, "$.observations[0].problemId")).isEqualTo(problemId);
		assertThat((String) JsonPath.read(again, "$.observations[0].id"))
			.isEqualTo(JsonPath.read(first, "$.observations[0].id"));
		assertThat(directory.observations(rounds.office(), round.id())).hasSize(1);

		Problem problem = problems.problem(UUID.fromString(problemId)).orElseThrow();
		assertThat(problem.source()).isEqualTo(ProblemSource.INSPECTION);
		assertThat(problem.pointId()).isEqualTo(point.pointId());
		assertThat(problem.unitId()).isEqualTo(point.unitId());
		assertThat(problem.status()).isEqualTo(ProblemStatus.DISPATCHED);
		assertThat(problem.description()).contains(standard.code());
		assertThat(directory.roundOfProblem(problem.id())).contains(round.id());
		// the traffic police (the crossing's unit) find it in their inbox
		assertThat(problems.inbox(fixtures.actor("police_admin"), new PageRequest(0, 500)).items())
			.anyMatch(l -> l.problem().id().equals(problem.id()));
		assertThat(problems.problems(fixtures.actor("office"),
				new org.chuangwen.problems.ProblemFilter(null, null, point.pointId(), null, null, null, null, null, null),
				new PageRequest(0, 500)).items()).filteredOn(l -> l.problem().description().contains(round.name()))
			.hasSize(1);
	}

	@Test
	void badInputIsRefusedWithTheRightStatus() throws Exception {
		InspectionRound round = rounds.open(new SamplingQuota("P05", null, 1));
		SampledPoint point = rounds.points(round).get(0);
		Standard applies = rounds.standards(round, "P05").get(0);
		Standard other = rounds.standards(round, "P13").get(0);
		PointRef outside = points.ofType("P05").stream().filter(p -> !p.id().equals(point.pointId())).findFirst().orElseThrow();
		String item = "{\"standardId\": \"%s\", \"result\": \"%s\", \"getFraction\": %s}";

		// a fraction outside 0..1: 400 naming the field
		mvc.perform(post("/api/v1/inspections/rounds/{id}/points/{p}/observations", round.id(), point.pointId())
			.header("Authorization", bearer("inspector")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"observations\": [" + item.formatted(applies.id(), "pass", "1.2") + "]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("observations[0].getFraction"))
			.andExpect(jsonPath("$.errors[0].message", containsString("0 到 1")));
		// a point not in the round: 422
		mvc.perform(post("/api/v1/inspections/rounds/{id}/points/{p}/observations", round.id(), outside.id())
			.header("Authorization", bearer("inspector")).contentType(MediaType.APPLICATION_JSON)
			.content(item.formatted(applies.id(), "pass", "null")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("不在本轮")));
		// a standard that does not apply to the point's type: 422
		mvc.perform(post("/api/v1/inspections/rounds/{id}/points/{p}/observations", round.id(), point.pointId())
			.header("Authorization", bearer("inspector")).contentType(MediaType.APPLICATION_JSON)
			.content(item.formatted(other.id(), "pass", "null")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("不适用")));
		// a result that is no result: 400
		mvc.perform(post("/api/v1/inspections/rounds/{id}/points/{p}/observations", round.id(), point.pointId())
			.header("Authorization", bearer("inspector")).contentType(MediaType.APPLICATION_JSON)
			.content(item.formatted(applies.id(), "maybe", "null")))
			.andExpect(status().isBadRequest());
		// someone not on the team: 403 (a unit does not even see the open round: 404)
		mvc.perform(post("/api/v1/inspections/rounds/{id}/points/{p}/observations", round.id(), point.pointId())
			.header("Authorization", bearer("leader")).contentType(MediaType.APPLICATION_JSON)
			.content(item.formatted(applies.id(), "pass", "null")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/inspections/rounds/{id}/points/{p}/observations", round.id(), point.pointId())
			.header("Authorization", bearer("unit_admin")).contentType(MediaType.APPLICATION_JSON)
			.content(item.formatted(applies.id(), "pass", "null")))
			.andExpect(status().isNotFound());
		// nothing was saved by any of them
		assertThat(directory.observations(rounds.office(), round.id())).isEmpty();
		// a result after the round closed: 422
		management.close(rounds.office(), round.id());
		mvc.perform(post("/api/v1/inspections/rounds/{id}/points/{p}/observations", round.id(), point.pointId())
			.header("Authorization", bearer("inspector")).contentType(MediaType.APPLICATION_JSON)
			.content(item.formatted(applies.id(), "pass", "null")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("已结束")));
	}

	@Test
	void unitsSeeNeitherPlannedNorOpenRoundsUntilTheyClose() throws Exception {
		InspectionRound round = rounds.planned(RoundKind.WEEKLY_CHECK, 11L, new SamplingQuota("P22", null, 30));
		assertThat(rounds.points(round)).anyMatch(p -> p.unitId().equals(fixtures.actor("unit_admin").unitId()));
		for (String user : List.of("unit_admin", "unit_staff", "grid_worker")) {
			mvc.perform(get("/api/v1/inspections/rounds/{id}", round.id()).header("Authorization", bearer(user)))
				.andExpect(status().isNotFound());
			String list = mvc.perform(get("/api/v1/inspections/rounds?size=500").header("Authorization", bearer(user)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(list).doesNotContain(round.id().toString());
		}
		mvc.perform(get("/api/v1/inspections/rounds/{id}", round.id()).header("Authorization", bearer("inspector")))
			.andExpect(status().isOk());
		management.open(rounds.office(), round.id());
		mvc.perform(get("/api/v1/inspections/rounds/{id}", round.id()).header("Authorization", bearer("unit_admin")))
			.andExpect(status().isNotFound());
		management.close(rounds.office(), round.id());
		// closed: the unit sees the round, but only its own points
		String detail = mvc.perform(get("/api/v1/inspections/rounds/{id}", round.id()).header("Authorization",
				bearer("unit_admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> units = JsonPath.read(detail, "$.points[*].unitId");
		assertThat(units).isNotEmpty().containsOnly(fixtures.actor("unit_admin").unitId().toString());
		mvc.perform(get("/api/v1/inspections/rounds").header("Authorization", bearer("auditor")))
			.andExpect(status().isForbidden());
	}

	@Test
	void planningOverTheApiWithSamplingPreview() throws Exception {
		SamplingRule rule = rounds.rule(new SamplingQuota("P08", null, 2), new SamplingQuota("P11", null, 2));
		String preview = mvc.perform(post("/api/v1/inspections/sampling-preview").header("Authorization", bearer("office"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"samplingRuleId\": \"%s\", \"seed\": 99}".formatted(rule.id())))
			.andExpect(status().isOk()).andExpect(jsonPath("$.points", hasSize(4)))
			.andReturn().getResponse().getContentAsString();
		String answer = mvc.perform(post("/api/v1/inspections/rounds").header("Authorization", bearer("office"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "API 周检查", "kind": "WEEKLY_CHECK", "plannedOn": "2026-11-30", "samplingRuleId": "%s",
					 "seed": 99, "teams": [["%s", "%s"]]}
					""".formatted(rule.id(), rounds.inspector().userId(), rounds.inspector2().userId())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.round.status").value("PLANNED"))
			.andExpect(jsonPath("$.team", hasSize(2)))
			.andReturn().getResponse().getContentAsString();
		List<String> previewed = JsonPath.read(preview, "$.points[*].code");
		List<String> planned = JsonPath.read(answer, "$.points[*].code");
		assertThat(planned).containsExactlyInAnyOrderElementsOf(previewed);
		// bad input: every field named
		mvc.perform(post("/api/v1/inspections/rounds").header("Authorization", bearer("office"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\": \"WEEKLY_CHECK\", \"teams\": [[\"%s\"]]}".formatted(rounds.inspector().userId())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("name", "plannedOn", "teams[0]",
					"samplingRuleId")));
		mvc.perform(post("/api/v1/inspections/rounds").header("Authorization", bearer("inspector"))
			.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void upperLevelResultsRoundTripAndEveryBadRowIsReported() throws Exception {
		InspectionRound round = management.plan(rounds.office(), new NewRound("2026 年省级测评反馈 " + System.nanoTime(),
				RoundKind.UPPER_LEVEL, null, java.time.LocalDate.of(2026, 11, 20), List.of(), null, null));
		UUID urbanManagement = fixtures.actor("unit_admin").unitId();
		// a point another unit answers for: the line naming U-LJ-CGJ must send the problem there, not to the point's unit
		PointRef stop = points.ofType("P05").stream().filter(p -> p.unitId() != null && !p.unitId().equals(urbanManagement))
			.findFirst().orElseThrow();
		PointRef toilet = points.ofType("P08").get(0);
		List<Standard> stopStandards = rounds.standards(round, "P05");
		Standard toiletStandard = rounds.standards(round, "P08").get(0);

		byte[] bad = sheet(new String[][] {
				{ stop.code(), stopStandards.get(0).code(), "不达标", "0.5", "U-LJ-CGJ", "ok" },
				{ "NO-SUCH-POINT", stopStandards.get(0).code(), "达标", "", "", "" },
				{ stop.code(), "WC-NOPE", "达标", "", "", "" },
				{ stop.code(), toiletStandard.code(), "达标", "", "", "" },
				{ toilet.code(), toiletStandard.code(), "达标", "1.5", "", "" },
				{ toilet.code(), toiletStandard.code(), "也许", "", "U-NOPE", "" } });
		mvc.perform(multipart("/api/v1/inspections/rounds/{id}/upper-level-results", round.id())
			.file(new MockMultipartFile("file", "r.xlsx", "application/octet-stream", bad))
			.header("Authorization", bearer("office")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].row").value(org.hamcrest.Matchers.hasItems(3, 4, 5, 6, 7)))
			.andExpect(jsonPath("$.errors", hasSize(7))); // row 7: result, unit, and a second line for the same item
		assertThat(directory.observations(rounds.office(), round.id())).isEmpty();

		byte[] good = sheet(new String[][] {
				{ stop.code(), stopStandards.get(0).code(), "不达标", "0.5", "U-LJ-CGJ", "站牌破损" },
				{ stop.code(), stopStandards.get(1).code(), "达标", "", "", "" },
				{ toilet.code(), toiletStandard.code(), "不适用", "", "", "" },
				{ stop.code(), stopStandards.get(2).code(), "不达标", "", "", "未指定单位" } });
		mvc.perform(multipart("/api/v1/inspections/rounds/{id}/upper-level-results", round.id())
			.file(new MockMultipartFile("file", "r.xlsx", "application/octet-stream", good))
			.header("Authorization", bearer("office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.observations").value(4))
			.andExpect(jsonPath("$.points").value(2))
			.andExpect(jsonPath("$.problems").value(2));
		List<Observation> saved = directory.observations(rounds.office(), round.id());
		assertThat(saved).hasSize(4);
		Observation lost = saved.stream().filter(o -> o.result() == ObservationResult.NON_COMPLIANT)
			.filter(o -> o.standardId().equals(stopStandards.get(0).id())).findFirst().orElseThrow();
		// the named unit receives the problem; a line naming no unit leaves it to the point's unit
		Problem named = problems.problem(lost.problemId()).orElseThrow();
		assertThat(named.unitId()).isEqualTo(urbanManagement);
		assertThat(named.status()).isEqualTo(ProblemStatus.DISPATCHED);
		assertThat(named.pointId()).isEqualTo(stop.id());
		Observation unnamed = saved.stream().filter(o -> o.standardId().equals(stopStandards.get(2).id())).findFirst()
			.orElseThrow();
		assertThat(problems.problem(unnamed.problemId()).orElseThrow().unitId()).isEqualTo(stop.unitId());
		assertThat(problems.problem(fixtures.actor("unit_admin"), named.id()).unitId()).isEqualTo(urbanManagement);
		assertThat(lost.getFraction()).isEqualByComparingTo("0.5");
		assertThat(lost.note()).isEqualTo("站牌破损");
		assertThat(problems.problem(lost.problemId()).orElseThrow().source()).isEqualTo(ProblemSource.UPPER_FEEDBACK);
		List<ObservationFact> facts = new java.util.ArrayList<>();
		directory.forEachFact(ObservationQuery.ofRound(round.frameworkId(), round.id()), facts::add);
		assertThat(facts).filteredOn(f -> f.result() == ObservationResult.NON_COMPLIANT)
			.filteredOn(f -> f.standardId().equals(stopStandards.get(0).id())).singleElement()
			.satisfies(f -> assertThat(f.unitId()).isEqualTo(urbanManagement))
			.satisfies(f -> assertThat(f.problemId()).isEqualTo(named.id()));
		assertThat(rounds.points(round)).hasSize(2);
		// the template downloads and has the import's header
		byte[] template = mvc.perform(get("/api/v1/inspections/upper-level-template").header("Authorization",
				bearer("office"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(template))) {
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).startsWith("点位编码");
		}
	}

	@Test
	void theApiMdResourceTakesObservationsOfSeveralPointsAllOrNothing() throws Exception {
		InspectionRound round = rounds.open(new SamplingQuota("P11", null, 2));
		List<SampledPoint> sampled = rounds.points(round);
		UUID s = rounds.standards(round, "P11").get(0).id();
		String two = """
				{"observations": [{"pointId": "%s", "standardId": "%s", "result": "pass"},
				                  {"pointId": "%s", "standardId": "%s", "result": "na"}]}
				""".formatted(sampled.get(0).pointId(), s, sampled.get(1).pointId(), s);
		// the second item is bad: nothing of the first is kept
		mvc.perform(post("/api/v1/inspection-rounds/{id}/observations", round.id()).header("Authorization",
				bearer("inspector")).contentType(MediaType.APPLICATION_JSON)
			.content(two.replace("\"na\"}", "\"na\", \"getFraction\": 0.5}")))
			.andExpect(status().isBadRequest());
		assertThat(directory.observations(rounds.office(), round.id())).isEmpty();
		mvc.perform(post("/api/v1/inspection-rounds/{id}/observations", round.id()).header("Authorization",
				bearer("inspector")).contentType(MediaType.APPLICATION_JSON).content(two))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.observations", hasSize(2)));
		assertThat(directory.observations(rounds.office(), round.id())).hasSize(2);
	}

	static byte[] sheet(String[][] rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet();
			Row header = sheet.createRow(0);
			for (int c = 0; c < UpperLevelSheets.HEADER.size(); c++) {
				header.createCell(c).setCellValue(UpperLevelSheets.HEADER.get(c));
			}
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < rows[r].length; c++) {
					row.createCell(c).setCellValue(rows[r][c]);
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

	@Autowired
	org.chuangwen.organisation.OrganisationDirectory organisation;

	@Test
	void aDistrictOfficeSeesOnlyTheRoundsAndPointsOfItsDistrict() throws Exception {
		UUID east = fixtures.districtOffice().jurisdictionId();
		UUID west = organisation.jurisdictionByCode(org.chuangwen.demo.DemoCity.DISTRICT_WEST).orElseThrow().id();
		// a city-wide round with points in both districts, and one with points only in the west
		InspectionRound cityWide = rounds.open(new SamplingQuota("P05", east, 2), new SamplingQuota("P05", west, 2));
		InspectionRound westOnly = rounds.open(new SamplingQuota("P05", west, 2));
		assertThat(rounds.points(cityWide)).extracting(SampledPoint::districtId).containsExactlyInAnyOrder(east, east, west, west);

		// the city-wide round: only its points in the district, on the page and the API alike
		String json = mvc.perform(get("/api/v1/inspections/rounds/{id}", cityWide.id())
			.header("Authorization", bearer("district_office")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.points", hasSize(2)))
			.andReturn().getResponse().getContentAsString();
		List<String> districts = JsonPath.read(json, "$.points[*].districtId");
		assertThat(districts).containsOnly(east.toString());
		mvc.perform(get("/api/v1/inspections/rounds/{id}", cityWide.id()).header("Authorization", bearer("office")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.points", hasSize(4)));
		mvc.perform(get("/inspections/rounds/{id}", cityWide.id()).with(fixtures.signedInAs("district_office")))
			.andExpect(status().isOk());
		// the district office may not open, close or record outside its district
		SampledPoint westPoint = rounds.points(cityWide).stream().filter(p -> west.equals(p.districtId())).findFirst()
			.orElseThrow();
		Standard standard = rounds.standards(cityWide, "P05").get(0);
		mvc.perform(post("/api/v1/inspections/rounds/{id}/points/{p}/observations", cityWide.id(), westPoint.pointId())
			.header("Authorization", bearer("district_office")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"standardId\":\"" + standard.id() + "\",\"result\":\"pass\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/inspections/rounds/{id}/close", cityWide.id())
			.header("Authorization", bearer("district_office")))
			.andExpect(status().isForbidden());

		// a round with nothing in its district does not exist for it: list, page, API, both resources
		mvc.perform(get("/api/v1/inspections/rounds/{id}", westOnly.id()).header("Authorization", bearer("district_office")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/inspections/rounds/{id}/observations", westOnly.id())
			.header("Authorization", bearer("district_office")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/inspection-rounds/{id}/observations", westOnly.id())
			.header("Authorization", bearer("district_office")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"pointId\":\"" + rounds.points(westOnly).get(0).pointId() + "\",\"standardId\":\""
					+ standard.id() + "\",\"result\":\"pass\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/inspections/rounds/{id}", westOnly.id()).with(fixtures.signedInAs("district_office")))
			.andExpect(status().isNotFound());
		List<String> listed = JsonPath.read(mvc.perform(get("/api/v1/inspections/rounds").param("size", "100")
			.header("Authorization", bearer("district_office"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(), "$.items[*].id");
		assertThat(listed).contains(cityWide.id().toString()).doesNotContain(westOnly.id().toString());
		List<String> all = JsonPath.read(mvc.perform(get("/api/v1/inspections/rounds").param("size", "100")
			.header("Authorization", bearer("office"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(), "$.items[*].id");
		assertThat(all).contains(cityWide.id().toString(), westOnly.id().toString());

		// its own round: planned by it (drawn within its district), managed by it
		SamplingRule rule = rounds.rule(new SamplingQuota("P05", null, 2));
		InspectionRound own = management.plan(fixtures.districtOffice(), new NewRound("区级周检查 " + System.nanoTime(),
				RoundKind.WEEKLY_CHECK, null, java.time.LocalDate.now(management.clock()),
				List.of(List.of(rounds.inspector().userId(), rounds.inspector2().userId())), rule.id(), 7L));
		assertThat(rounds.points(own)).extracting(SampledPoint::districtId).containsOnly(east);
		mvc.perform(post("/api/v1/inspections/rounds/{id}/open", own.id()).header("Authorization", bearer("district_office")))
			.andExpect(status().isOk());
	}

	@Test
	void aMalformedInspectorIdInATeamIsBadInputNotAnUnknownResource() throws Exception {
		SamplingRule rule = rounds.rule(new SamplingQuota("P05", null, 1));
		for (String path : List.of("/api/v1/inspection-rounds", "/api/v1/inspections/rounds")) {
			mvc.perform(post(path).header("Authorization", bearer("office")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"坏编号\",\"kind\":\"WEEKLY_CHECK\",\"plannedOn\":\"2026-11-26\",\"samplingRuleId\":\""
						+ rule.id() + "\",\"teams\":[[\"" + rounds.inspector().userId() + "\",\"not-a-uuid\"]]}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.status").value(400))
				.andExpect(jsonPath("$.errors[0].field").value("teams[0][1]"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("督查员编号“not-a-uuid”格式不正确")));
		}
		mvc.perform(post("/api/v1/inspection-rounds").header("Authorization", bearer("office"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"坏规则\",\"kind\":\"WEEKLY_CHECK\",\"plannedOn\":\"2026-11-26\",\"samplingRuleId\":\"xyz\","
					+ "\"teams\":[[\"" + rounds.inspector().userId() + "\",\"" + rounds.inspector2().userId() + "\"]]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("格式不正确")));
	}
}
