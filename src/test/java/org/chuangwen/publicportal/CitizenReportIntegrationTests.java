package org.chuangwen.publicportal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.organisation.Actor;
import org.chuangwen.points.LatLng;
import org.chuangwen.problems.Problem;
import org.chuangwen.problems.ProblemAction;
import org.chuangwen.problems.ProblemCommand;
import org.chuangwen.problems.ProblemDirectory;
import org.chuangwen.problems.ProblemManagement;
import org.chuangwen.problems.ProblemSource;
import org.chuangwen.problems.ProblemStatus;
import org.chuangwen.problems.ProblemTestPlaces;
import org.chuangwen.system.RequestThrottle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Citizens' reports without sign-in (DOMAIN §12): report with a photo and a pin → tracking code → the office's queue
 * (accept, merge, refuse with a reason the reporter reads) → text messages → rating once closed; the bad input of the
 * issue (no photo, not an image, outside the city, a bad mobile number, a photo already reported, too many reports);
 * and what units and the public never see.
 */
@ChuangwenIntegrationTest
class CitizenReportIntegrationTests {

	static final AtomicInteger ADDRESSES = new AtomicInteger(10);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ProblemTestPlaces places;

	@Autowired
	ProblemDirectory directory;

	@Autowired
	ProblemManagement management;

	@Autowired
	RequestThrottle throttle;

	@Autowired
	JdbcClient jdbc;

	String address;

	@BeforeEach
	void freshClient() {
		places.ready();
		throttle.reset();
		address = "10.7.0." + ADDRESSES.incrementAndGet();
	}

	MockMultipartHttpServletRequestBuilder report(String category, LatLng at, byte[]... photos) {
		MockMultipartHttpServletRequestBuilder request = multipart("/public/report");
		for (byte[] photo : photos) {
			request.file(new MockMultipartFile("photos", "现场.png", "image/png", photo));
		}
		request.param("categoryCode", category).param("description", "市民反映：人行道上乱停电动车");
		if (at != null) {
			request.param("lat", Double.toString(at.lat())).param("lng", Double.toString(at.lng()));
		}
		request.with(csrf()).with(r -> from(r, address));
		return request;
	}

	static MockHttpServletRequest from(MockHttpServletRequest request, String address) {
		request.setRemoteAddr(address);
		return request;
	}

	static int seed = 900_000 + (int) (System.nanoTime() % 50_000);

	static byte[] photo() {
		return ProblemTestPlaces.png(seed++);
	}

	String codeOf(MvcResult result) {
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).as(() -> errorsOf(result)).startsWith("/public/track/");
		return location.substring("/public/track/".length());
	}

	static String errorsOf(MvcResult result) {
		try {
			String body = result.getResponse().getContentAsString();
			int at = body.indexOf("form-errors");
			return result.getResponse().getStatus() + " " + (at < 0 ? body : body.substring(at, Math.min(body.length(), at + 400)));
		}
		catch (java.io.UnsupportedEncodingException ex) {
			return ex.toString();
		}
	}

	long problems() {
		return jdbc.sql("select count(*) from problem").query(Long.class).single();
	}

	long citizenReports() {
		return jdbc.sql("select count(*) from citizen_report").query(Long.class).single();
	}

	@Test
	void aCitizenReportsWithAPhotoAndFollowsItByItsCode() throws Exception {
		LatLng at = places.spot(false);
		MvcResult result = mvc.perform(report("A05", at, photo())
				.param("contactName", "王女士").param("contactMobile", "139 0000 1234"))
			.andReturn();
		String code = codeOf(result);
		assertThat(code).matches("[A-HJ-NP-Z2-9]{8}");
		CitizenReport report = jdbc.sql("select problem_id from citizen_report where tracking_code = :c").param("c", code)
			.query(UUID.class).optional().map(id -> new CitizenReport(id, code, null, null, null, null, null, null, null))
			.orElseThrow();
		Problem p = directory.problems(List.of(report.problemId())).get(0);
		assertThat(p.status()).isEqualTo(ProblemStatus.REPORTED);
		assertThat(p.source()).isEqualTo(ProblemSource.CITIZEN);
		assertThat(directory.photos(fixtures.cityOffice(), p.id())).hasSize(1);
		assertThat(jdbc.sql("select contact_mobile from citizen_report where tracking_code = :c").param("c", code)
			.query(String.class).single()).isEqualTo("13900001234");

		mvc.perform(get("/public/track/" + code))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(p.number())))
			.andExpect(content().string(containsString("已收到，等待创文办审核受理")))
			.andExpect(content().string(not(containsString("13900001234"))))
			.andExpect(content().string(not(containsString("王女士"))));
		// typed as people type it: lower case and a dash
		mvc.perform(get("/public/track").param("code", code.substring(0, 4).toLowerCase() + "-" + code.substring(4)))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/public/track/ZZZZZZZZ")).andExpect(status().isNotFound());
		mvc.perform(get("/public/track/not-a-code")).andExpect(status().isNotFound());
		String photo = directory.photos(fixtures.cityOffice(), p.id()).get(0).blobId().toString();
		mvc.perform(get("/public/track/" + code + "/photos/" + photo)).andExpect(status().isOk())
			.andExpect(content().contentType("image/png"));
		mvc.perform(get("/public/track/" + code + "/photos/" + UUID.randomUUID())).andExpect(status().isNotFound());
	}

	@Test
	void badReportsAreRefusedWithTheReasonAndNothingIsWritten() throws Exception {
		LatLng at = places.spot(false);
		long problems = problems();
		long reports = citizenReports();
		mvc.perform(report("A05", at)).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请至少上传一张现场照片")));
		mvc.perform(report("A05", null, photo())).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请选择点位或在地图上标出位置")));
		mvc.perform(report("A05", new LatLng(-40.0, -70.0), photo())).andExpect(status().isBadRequest());
		mvc.perform(report("NOPE", at, photo())).andExpect(status().isBadRequest());
		mvc.perform(report("A05", at, photo()).param("contactMobile", "12345")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请填写 11 位手机号")));
		mvc.perform(report("A05", at, "%PDF-1.4 not a photo".getBytes())).andExpect(status().isBadRequest());
		mvc.perform(report("A05", at, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x01 }))
			.andExpect(status().is4xxClientError());
		mvc.perform(multipart("/public/report").param("categoryCode", "A05").with(r -> from(r, address)))
			.andExpect(status().isForbidden()); // no CSRF token: a form from another site
		assertThat(problems()).isEqualTo(problems);
		assertThat(citizenReports()).isEqualTo(reports);
		assertThat(jdbc.sql("select count(*) from citizen_report_photo").query(Long.class).single())
			.isEqualTo(jdbc.sql("select count(*) from citizen_report_photo where problem_id in (select problem_id from citizen_report)")
				.query(Long.class).single());
	}

	@Test
	void aPhotoAlreadyReportedIsRefusedAsADuplicate() throws Exception {
		byte[] same = photo();
		mvc.perform(report("A05", places.spot(false), same)).andExpect(status().is3xxRedirection());
		long problems = problems();
		address = "10.8.0." + ADDRESSES.incrementAndGet(); // someone else, somewhere else
		mvc.perform(report("A05", places.spot(false), same)).andExpect(status().isConflict())
			.andExpect(content().string(containsString("这张照片已经有人反映过")));
		assertThat(problems()).isEqualTo(problems);
	}

	@Test
	void tooManyReportsFromOneDeviceAreThrottledWith429() throws Exception {
		jakarta.servlet.http.Cookie device = new jakarta.servlet.http.Cookie("cw_device", UUID.randomUUID().toString());
		for (int i = 0; i < 10; i++) {
			address = "10.9." + i + "." + ADDRESSES.incrementAndGet(); // different addresses, one phone
			mvc.perform(report("A05", places.spot(false), photo()).cookie(device)).andExpect(status().is3xxRedirection());
		}
		long problems = problems();
		mvc.perform(report("A05", places.spot(false), photo()).cookie(device))
			.andExpect(status().isTooManyRequests())
			.andExpect(result -> assertThat(result.getResponse().getHeader("Retry-After")).isNotBlank())
			.andExpect(content().string(containsString("秒后再试")));
		assertThat(problems()).isEqualTo(problems);
	}

	@Test
	void theOfficeAcceptsMergesAndRefusesAndTheReporterIsTold() throws Exception {
		Actor office = fixtures.cityOffice();
		LatLng at = places.spot(false);
		String accepted = codeOf(mvc.perform(report("A05", at, photo()).param("contactMobile", "13800138000"))
			.andReturn());
		String duplicate = codeOf(mvc.perform(report("A05", new LatLng(at.lat() + 0.0001, at.lng()), photo()))
			.andReturn());
		String refused = codeOf(mvc.perform(report("A05", places.spot(false), photo()).param("contactMobile", "13800138001"))
			.andReturn());
		UUID acceptedId = problemOf(accepted), duplicateId = problemOf(duplicate), refusedId = problemOf(refused);

		// the queue: office only; the contact is shown to the office, never to units
		mvc.perform(get("/citizen-reports").with(fixtures.signedInAs("unit_admin"))).andExpect(status().isForbidden());
		mvc.perform(get("/citizen-reports").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(accepted)))
			.andExpect(content().string(containsString("13800138000")));

		Problem p = directory.problems(List.of(acceptedId)).get(0);
		mvc.perform(post("/citizen-reports/" + acceptedId + "/register").param("version", Integer.toString(p.version()))
				.with(csrf()).with(fixtures.signedInAs("office")))
			.andExpect(status().is3xxRedirection());
		Problem registered = directory.problems(List.of(acceptedId)).get(0);
		assertThat(registered.status()).isEqualTo(ProblemStatus.DISPATCHED);
		mvc.perform(get("/problems/" + acceptedId).with(fixtures.signedInAs("office")))
			.andExpect(content().string(not(containsString("13800138000"))));

		// the duplicate nearby is offered for merging into the accepted one
		assertThat(directory.mergeCandidates(office, duplicateId)).extracting(c -> c.id()).contains(acceptedId);
		Problem d = directory.problems(List.of(duplicateId)).get(0);
		mvc.perform(post("/citizen-reports/" + duplicateId + "/merge").param("intoId", acceptedId.toString())
				.param("version", Integer.toString(d.version())).with(csrf()).with(fixtures.signedInAs("office")))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/public/track/" + duplicate).with(r -> from(r, address)))
			.andExpect(content().string(containsString(registered.number())))
			.andExpect(content().string(containsString("已合并办理")));

		// refusing needs a reason, which the reporter reads
		Problem r = directory.problems(List.of(refusedId)).get(0);
		mvc.perform(post("/citizen-reports/" + refusedId + "/reject").param("version", Integer.toString(r.version()))
				.with(csrf()).with(fixtures.signedInAs("office")))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/citizen-reports/" + refusedId + "/reject").param("note", "该处为私人停车场，不属于公共区域")
				.param("version", Integer.toString(r.version())).with(csrf()).with(fixtures.signedInAs("office")))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/public/track/" + refused).with(r2 -> from(r2, address)))
			.andExpect(content().string(containsString("该处为私人停车场，不属于公共区域")))
			.andExpect(content().string(containsString("未予受理")));

		// text messages to those who left a number, once per state
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(messagesTo("13800138000")).anyMatch(m -> m.contains("已受理") && m.contains(accepted));
			assertThat(messagesTo("13800138001")).anyMatch(m -> m.contains("未予受理") && m.contains(refused));
		});
		assertThat(messagesTo("13800138000")).hasSize(1);
	}

	@Test
	void aClosedReportIsRatedOnceAndOnlyOnceClosed() throws Exception {
		String code = codeOf(mvc.perform(report("A05", places.spot(false), photo()).param("contactMobile", "13700137000"))
			.andReturn());
		UUID id = problemOf(code);
		mvc.perform(post("/public/track/" + code + "/rating").param("rating", "satisfied").with(csrf())
				.with(r -> from(r, address)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("问题办结后才能评价")));
		close(id);
		mvc.perform(get("/public/track/" + code).with(r -> from(r, address)))
			.andExpect(content().string(containsString("已办结")))
			.andExpect(content().string(containsString("评价办理结果")))
			.andExpect(content().string(containsString("整改后的照片")));
		mvc.perform(post("/public/track/" + code + "/rating").param("rating", "great").with(csrf())
				.with(r -> from(r, address)))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/public/track/" + code + "/rating").param("rating", "basic").param("comment", "处理及时")
				.with(csrf()).with(r -> from(r, address)))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/public/track/" + code + "/rating").param("rating", "unsatisfied").with(csrf())
				.with(r -> from(r, address)))
			.andExpect(status().isConflict());
		assertThat(jdbc.sql("select rating || '|' || rating_comment from citizen_report where tracking_code = :c")
			.param("c", code).query(String.class).single()).isEqualTo("BASIC|处理及时");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(messagesTo("13700137000")).anyMatch(m -> m.contains("已办结")));
	}

	@Test
	void thePublicPagesShowProgressAndAMapWithoutPersonalData() throws Exception {
		String code = codeOf(mvc.perform(report("A05", places.spot(false), photo()).param("contactMobile", "13600136000"))
			.andReturn());
		close(problemOf(code));
		mvc.perform(get("/public")).andExpect(status().isOk())
			.andExpect(content().string(containsString("创建进展")))
			.andExpect(content().string(containsString("办结率")));
		String pins = mvc.perform(get("/public/map/pins")).andExpect(status().isOk())
			.andExpect(jsonPath("$.items").isArray())
			.andReturn().getResponse().getContentAsString();
		assertThat(pins).doesNotContain("13600136000").doesNotContain("市民反映").doesNotContain("number")
			.doesNotContain("description");
		List<Double> lats = com.jayway.jsonpath.JsonPath.read(pins, "$.items[*].lat");
		assertThat(lats).isNotEmpty().allSatisfy(lat -> assertThat(Math.abs(lat * 1000 - Math.round(lat * 1000))).isLessThan(1e-6));
		mvc.perform(get("/public/map")).andExpect(status().isOk());
		mvc.perform(get("/public/report")).andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getHeader("Set-Cookie")).contains("cw_device="));
	}

	@Test
	void theOfficePublishesAndWithdrawsAnExposure() throws Exception {
		String code = codeOf(mvc.perform(report("A05", places.spot(false), photo())).andReturn());
		UUID id = problemOf(code);
		Problem waiting = directory.problems(List.of(id)).get(0);
		mvc.perform(post("/citizen-reports/exposures").param("number", waiting.number()).param("title", "占道堆放")
				.param("body", "某小区门口长期堆放建筑垃圾").with(csrf()).with(fixtures.signedInAs("office")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不能曝光")));
		close(id);
		mvc.perform(post("/citizen-reports/exposures").param("number", "2099-999999").param("title", "")
				.param("body", "x").with(csrf()).with(fixtures.signedInAs("office")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请填写标题")))
			.andExpect(content().string(containsString("没有编号为 2099-999999 的问题")));
		mvc.perform(post("/citizen-reports/exposures").param("number", waiting.number()).param("title", "占道堆放")
				.param("body", "某小区门口长期堆放建筑垃圾").with(csrf()).with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/citizen-reports/exposures").param("number", waiting.number()).param("title", "占道堆放建筑垃圾")
				.param("body", "某小区门口长期堆放建筑垃圾，现已清运").with(csrf()).with(fixtures.signedInAs("office")))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/citizen-reports/exposures").param("number", waiting.number()).param("title", "再次")
				.param("body", "再次").with(csrf()).with(fixtures.signedInAs("office")))
			.andExpect(status().isConflict());
		UUID entry = jdbc.sql("select id from public_exposure where problem_id = :p and withdrawn_at is null")
			.param("p", id).query(UUID.class).single();
		String page = mvc.perform(get("/public/exposure")).andExpect(status().isOk())
			.andExpect(content().string(containsString("占道堆放建筑垃圾")))
			.andExpect(content().string(containsString("已整改")))
			.andReturn().getResponse().getContentAsString();
		String photo = directory.photos(fixtures.cityOffice(), id).get(0).blobId().toString();
		assertThat(page).contains("/public/exposure/" + entry + "/photos/" + photo);
		mvc.perform(get("/public/exposure/" + entry + "/photos/" + photo)).andExpect(status().isOk());
		mvc.perform(post("/citizen-reports/exposures/" + entry + "/withdraw").with(csrf()).with(fixtures.signedInAs("office")))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/citizen-reports/exposures/" + entry + "/withdraw").param("reason", "当事单位已整改到位")
				.with(csrf()).with(fixtures.signedInAs("office")))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/public/exposure")).andExpect(content().string(not(containsString("占道堆放建筑垃圾"))));
		mvc.perform(get("/public/exposure/" + entry + "/photos/" + photo)).andExpect(status().isNotFound());
		mvc.perform(get("/citizen-reports/exposures").with(fixtures.signedInAs("office")))
			.andExpect(content().string(containsString("已撤下（当事单位已整改到位）")));
	}

	@Autowired
	org.chuangwen.scoring.EvaluationDirectory evaluation;

	@Test
	void theRedBlackListShowsTheFlagsOfTheLastClosedPeriodsWithoutSigningIn() throws Exception {
		var flags = evaluation.publicRedBlackList(org.chuangwen.scoring.Period.Kind.WEEK, 2); // the page shows two weeks
		String page = mvc.perform(get("/public/redblack")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		if (flags.isEmpty()) {
			assertThat(page).contains("暂无已评出的流动红旗和黑旗");
		}
		else {
			assertThat(page).contains("流动红旗").contains("流动黑旗");
			flags.forEach(f -> assertThat(page).contains(f.unitName()));
		}
		mvc.perform(get("/public/redblack").param("kind", "month")).andExpect(status().isOk());
	}

	List<String> messagesTo(String mobile) {
		return jdbc.sql("select body from outbound_message where mobile = :m").param("m", mobile).query(String.class).list();
	}

	UUID problemOf(String code) {
		return jdbc.sql("select problem_id from citizen_report where tracking_code = :c").param("c", code)
			.query(UUID.class).single();
	}

	/** The real loop: the office accepts and dispatches, the unit claims and rectifies, the office verifies. */
	void close(UUID id) {
		Actor office = fixtures.cityOffice();
		Problem p = management.transition(office, id, command(ProblemAction.REGISTER, null, List.of()));
		p = management.transition(office, id, new ProblemCommand(ProblemAction.DISPATCH, null, places.urbanManagement,
				null, null, null, List.of(), null, null, null));
		Actor unit = fixtures.actor("unit_admin");
		management.transition(unit, id, command(ProblemAction.CLAIM, null, List.of()));
		management.transition(unit, id, command(ProblemAction.RECTIFY, "已清理", List.of(places.photo(unit))));
		management.transition(office, id, new ProblemCommand(ProblemAction.VERIFY, "核查通过", null, null, null, true,
				List.of(), null, null, null));
		assertThat(directory.problems(List.of(id)).get(0).status()).isEqualTo(ProblemStatus.CLOSED);
	}

	static ProblemCommand command(ProblemAction action, String note, List<UUID> photos) {
		return new ProblemCommand(action, note, null, null, null, null, photos, null, null, null);
	}
}
