package org.chuangwen.points;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.audit.AuditTrail;
import org.chuangwen.blobs.TestPhotos;
import org.chuangwen.demo.DemoCity;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationManagement;
import org.chuangwen.organisation.OrganisationManagement.NewUnit;
import org.chuangwen.organisation.OrganisationManagement.UnitChange;
import org.chuangwen.organisation.Unit;
import org.chuangwen.organisation.UnitType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Photos of a point (DOMAIN §6) through the API and the point page: upload checked by content and size, If-Match,
 * removal with a reason, audit, and who may do what. Also: unit names copied onto points follow a renamed unit.
 */
@ChuangwenIntegrationTest
class PointPhotosIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PointManagement management;

	@Autowired
	PointDirectory points;

	@Autowired
	GridLocator locator;

	@Autowired
	OrganisationDirectory organisation;

	@Autowired
	OrganisationManagement organisationManagement;

	@Autowired
	AuditTrail audit;

	@Autowired
	TransactionTemplate transactions;

	/** A new point of the urban-management bureau (unit_admin's and unit_staff's unit) inside the first demo grid. */
	Point aPoint() {
		return aPointOf(organisation.unitByCode(DemoCity.UNIT_URBAN_MANAGEMENT).orElseThrow().id());
	}

	Point aPointOf(UUID unit) {
		GridBoundary b = locator.boundary(organisation.jurisdictionByCode(DemoCity.GRID_EAST_1_1_1).orElseThrow().id())
			.orElseThrow();
		double lat = b.ring().stream().mapToDouble(LatLng::lat).average().orElseThrow();
		double lng = b.ring().stream().mapToDouble(LatLng::lng).average().orElseThrow();
		String code = "PH-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
		return management.create(fixtures.cityOffice(), new PointDraft(code, "照片测试点位 " + code, "P05", "人民路 8 号", lat,
				lng, organisation.jurisdictionByCode(DemoCity.COMMUNITY_EAST_1_1).orElseThrow().id(), null, unit, null,
				null));
	}

	static byte[] jpeg(long seed) {
		return TestPhotos.jpeg(TestPhotos.scene(seed, 1200, 900), 0.85f);
	}

	static MockMultipartFile file(byte[] bytes, String name) {
		return new MockMultipartFile("file", name, "image/jpeg", bytes);
	}

	@Test
	void theOfficeAddsAPhotoWithIfMatchAndEveryoneWhoSeesThePointSeesIt() throws Exception {
		Point p = aPoint();
		byte[] photo = jpeg(11);
		MvcResult added = mvc.perform(multipart("/api/v1/points/" + p.id() + "/photos").file(file(photo, "门前.jpg"))
			.header("If-Match", "\"" + p.version() + "\"")
			.with(fixtures.signedInAs("office")))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"" + (p.version() + 1) + "\""))
			.andExpect(jsonPath("$.contentType", is("image/jpeg")))
			.andExpect(jsonPath("$.filename", is("门前.jpg")))
			.andReturn();
		String blobId = JsonPath.read(added.getResponse().getContentAsString(), "$.blobId");
		mvc.perform(get("/api/v1/points/" + p.id()).with(fixtures.signedInAs("inspector")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version", is(p.version() + 1)))
			.andExpect(jsonPath("$.photos", hasSize(1)))
			.andExpect(jsonPath("$.photos[0].blobId", is(blobId)))
			.andExpect(jsonPath("$.photos[0].url", is("/api/v1/points/" + p.id() + "/photos/" + blobId)));
		// lists leave photos out
		mvc.perform(get("/api/v1/points?q=" + p.code()).with(fixtures.signedInAs("office")))
			.andExpect(jsonPath("$.items[0].photos").doesNotExist());
		mvc.perform(get("/api/v1/points/" + p.id() + "/photos/" + blobId).with(fixtures.signedInAs("unit_staff")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/jpeg"))
			.andExpect(content().bytes(photo));
		var thumbAnswer = mvc.perform(get("/points/" + p.id() + "/photos/" + blobId + "/thumbnail").with(fixtures.signedInAs("leader")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/jpeg"))
			.andReturn().getResponse();
		byte[] thumb = thumbAnswer.getContentAsByteArray();
		// kept by the blob store and cached by the browser: the tag it holds is answered 304
		assertThat(thumbAnswer.getHeader("Cache-Control")).contains("max-age");
		mvc.perform(get("/points/" + p.id() + "/photos/" + blobId + "/thumbnail")
			.header("If-None-Match", thumbAnswer.getHeader("ETag")).with(fixtures.signedInAs("leader")))
			.andExpect(status().isNotModified());
		java.awt.image.BufferedImage small = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumb));
		assertThat(Math.max(small.getWidth(), small.getHeight())).isEqualTo(PointPhotos.THUMBNAIL_PIXELS);
		assertThat(audit.historyOf("point", p.id(), 10)).anyMatch(e -> e.action().equals("point.photoAdded"));
		// the old version is stale now
		mvc.perform(multipart("/api/v1/points/" + p.id() + "/photos").file(file(jpeg(12), "b.jpg"))
			.header("If-Match", "\"" + p.version() + "\"")
			.with(fixtures.signedInAs("office")))
			.andExpect(status().isConflict());
		assertThat(points.pointFor(fixtures.cityOffice(), p.id()).version()).isEqualTo(p.version() + 1);
	}

	@Test
	void onlyRealPicturesOfLimitedSizeAreAccepted() throws Exception {
		Point p = aPoint();
		String url = "/api/v1/points/" + p.id() + "/photos";
		// a text file named .jpg
		mvc.perform(multipart(url).file(file("不是照片".getBytes(), "fake.jpg")).with(fixtures.signedInAs("office")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field", is("file")))
			.andExpect(jsonPath("$.errors[0].message", containsString("不是可识别的 JPEG 或 PNG 照片")));
		// a JPEG header on bytes that do not decode
		byte[] broken = new byte[4000];
		broken[0] = (byte) 0xFF;
		broken[1] = (byte) 0xD8;
		broken[2] = (byte) 0xFF;
		broken[3] = (byte) 0xE0;
		mvc.perform(multipart(url).file(file(broken, "broken.jpg")).with(fixtures.signedInAs("office")))
			.andExpect(status().isBadRequest());
		// a real picture of a type a photo may not have (GIF)
		java.io.ByteArrayOutputStream gif = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(TestPhotos.scene(3, 100, 80), "gif", gif);
		mvc.perform(multipart(url).file(file(gif.toByteArray(), "a.gif")).with(fixtures.signedInAs("office")))
			.andExpect(status().isBadRequest());
		// over 10 MB
		byte[] big = new byte[(int) PointPhotos.MAX_BYTES + 1];
		System.arraycopy(jpeg(5), 0, big, 0, 1000);
		mvc.perform(multipart(url).file(file(big, "big.jpg")).with(fixtures.signedInAs("office")))
			.andExpect(status().isContentTooLarge());
		mvc.perform(multipart(url).with(fixtures.signedInAs("office"))).andExpect(status().isBadRequest());
		// nothing was attached, the version did not move
		assertThat(points.pointFor(fixtures.cityOffice(), p.id()).version()).isEqualTo(p.version());
		mvc.perform(get("/api/v1/points/" + p.id() + "/photos").with(fixtures.signedInAs("office")))
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void theResponsibleUnitAddsAndRemovesReadersOnlyReadOthersDoNotSeeThePoint() throws Exception {
		Point p = aPoint();
		String url = "/api/v1/points/" + p.id() + "/photos";
		MvcResult added = mvc.perform(multipart(url).file(file(jpeg(21), "整改后.jpg")).with(fixtures.signedInAs("unit_staff")))
			.andExpect(status().isCreated())
			.andReturn();
		String blobId = JsonPath.read(added.getResponse().getContentAsString(), "$.blobId");
		// leaders and inspectors read but change nothing
		mvc.perform(multipart(url).file(file(jpeg(22), "x.jpg")).with(fixtures.signedInAs("inspector")))
			.andExpect(status().isForbidden());
		mvc.perform(delete(url + "/" + blobId + "?reason=拍错了").with(fixtures.signedInAs("leader")))
			.andExpect(status().isForbidden());
		// another unit does not see the point at all
		mvc.perform(multipart(url).file(file(jpeg(23), "x.jpg")).with(fixtures.signedInAs("police_admin")))
			.andExpect(status().isNotFound());
		mvc.perform(get(url + "/" + blobId).with(fixtures.signedInAs("police_admin"))).andExpect(status().isNotFound());
		// a blob that is not this point's photo is not served through the point
		Point other = aPoint();
		mvc.perform(get("/api/v1/points/" + other.id() + "/photos/" + blobId).with(fixtures.signedInAs("office")))
			.andExpect(status().isNotFound());
		// removal needs a reason and the current version
		mvc.perform(delete(url + "/" + blobId).with(fixtures.signedInAs("unit_admin"))).andExpect(status().isBadRequest());
		mvc.perform(delete(url + "/" + blobId + "?reason=照片模糊").header("If-Match", "\"" + p.version() + "\"")
			.with(fixtures.signedInAs("unit_admin"))).andExpect(status().isConflict());
		mvc.perform(delete(url + "/" + blobId + "?reason=照片模糊").header("If-Match", "\"" + (p.version() + 1) + "\"")
			.with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.photos", hasSize(0)))
			.andExpect(header().string("ETag", "\"" + (p.version() + 2) + "\""));
		mvc.perform(delete(url + "/" + blobId + "?reason=again").with(fixtures.signedInAs("office")))
			.andExpect(status().isNotFound());
		assertThat(audit.historyOf("point", p.id(), 10))
			.anyMatch(e -> e.action().equals("point.photoRemoved") && "照片模糊".equals(e.reason()));
	}

	@Test
	void thePointPageShowsThumbnailsAndTakesUploadsAndRemovals() throws Exception {
		Point p = aPoint();
		mvc.perform(get("/points/" + p.id()).with(fixtures.signedInAs("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("还没有照片")))
			.andExpect(content().string(containsString("id=\"photo-form\"")));
		mvc.perform(multipart("/points/" + p.id() + "/photos").file(file(jpeg(31), "a.jpg"))
			.param("version", String.valueOf(p.version()))
			.with(fixtures.signedInAs("unit_admin"))
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "points.photo.added"));
		UUID blob = photoOf(p);
		mvc.perform(get("/points/" + p.id()).with(fixtures.signedInAs("inspector")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/points/" + p.id() + "/photos/" + blob + "/thumbnail")))
			.andExpect(content().string(not(containsString("id=\"photo-form\""))));
		// a stale form says so in Chinese
		mvc.perform(multipart("/points/" + p.id() + "/photos").file(file(jpeg(32), "b.jpg"))
			.param("version", String.valueOf(p.version()))
			.with(fixtures.signedInAs("unit_admin"))
			.with(csrf()))
			.andExpect(flash().attribute("photoError", containsString("已被他人修改")));
		mvc.perform(multipart("/points/" + p.id() + "/photos/" + blob + "/remove")
			.param("version", String.valueOf(p.version() + 1))
			.param("reason", "重复上传")
			.with(fixtures.signedInAs("office"))
			.with(csrf()))
			.andExpect(flash().attribute("notice", "points.photo.removed"));
		assertThat(points.pointFor(fixtures.cityOffice(), p.id()).version()).isEqualTo(p.version() + 2);
	}

	@Autowired
	PointPhotos photos;

	UUID photoOf(Point p) {
		return photos.photos(fixtures.cityOffice(), p.id()).get(0).blobId();
	}

	@Test
	void pointsFollowARenamedUnit() {
		Unit unit = transactions.execute(tx -> organisationManagement.createUnit(null,
				new NewUnit("U-PH-" + ThreadLocalRandom.current().nextInt(100_000, 999_999), "点位改名前单位",
						UnitType.DEPARTMENT, organisation.jurisdictionByCode("LJ").orElseThrow().id(), null, null, null)));
		Point p = aPointOf(unit.id());
		assertThat(p.unitName()).isEqualTo("点位改名前单位");
		String newCode = unit.code() + "-N";
		transactions.executeWithoutResult(tx -> organisationManagement.updateUnit(fixtures.cityOffice(), unit.id(),
				new UnitChange(newCode, "点位改名后单位", unit.type(), unit.jurisdictionId(), unit.parentId(), null, null, null,
						null, unit.version())));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Point now = points.pointFor(fixtures.cityOffice(), p.id());
			assertThat(now.unitName()).isEqualTo("点位改名后单位");
			assertThat(now.unitCode()).isEqualTo(newCode);
			assertThat(now.version()).isEqualTo(p.version()); // a rename is no change of the point: no 409 for its editor
		});
	}
}
