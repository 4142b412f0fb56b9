package org.chuangwen.blobs;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.organisation.ApiTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Photos keep what they say about themselves (EXIF time, GPS, perceptual hash); re-used photos are found again. */
@ChuangwenIntegrationTest
class PhotoFactsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Blobs blobs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	String bearer(String username) {
		return "Bearer " + tokens.issue(fixtures.actor(username).userId()).token();
	}

	StoredBlob store(byte[] content, String name) {
		return transactions.execute(s -> blobs.store(content, name, BlobUse.PHOTO, null));
	}

	@Test
	void anUploadedPhotoAnswersItsCaptureTimeAndPositionAndKeepsThem() throws Exception {
		byte[] photo = TestPhotos.jpegWithExif(System.nanoTime(), LocalDateTime.parse("2026-03-10T09:15:30"), "+08:00",
				30.592849, 114.305539);
		String answer = mvc.perform(multipart("/api/v1/blobs").file(new MockMultipartFile("file", "整改后.jpg", null, photo))
			.param("use", "photo")
			.header("Authorization", bearer("unit_staff")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType").value("image/jpeg"))
			.andExpect(jsonPath("$.takenAt").value("2026-03-10T09:15:30+08:00"))
			.andExpect(jsonPath("$.takenAtZoneAssumed").value(false))
			.andExpect(jsonPath("$.lat").value(closeTo(30.592849, 1e-6)))
			.andExpect(jsonPath("$.lng").value(closeTo(114.305539, 1e-6)))
			.andExpect(jsonPath("$.width").value(640))
			.andExpect(jsonPath("$.perceptualHash").isString())
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(answer, "$.id");
		mvc.perform(get("/api/v1/blobs/" + id + "/metadata").header("Authorization", bearer("unit_staff")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.takenAt").value("2026-03-10T09:15:30+08:00"))
			.andExpect(jsonPath("$.perceptualHash").value((String) JsonPath.read(answer, "$.perceptualHash")));
		mvc.perform(get("/api/v1/blobs/" + id + "/metadata").header("Authorization", bearer("unit_admin")))
			.andExpect(status().isNotFound());

		PhotoFacts facts = blobs.photoFacts(UUID.fromString(id));
		assertThat(facts.takenAt()).contains(Instant.parse("2026-03-10T01:15:30Z"));
		assertThat(facts.location().orElseThrow().latitude()).isCloseTo(30.592849, within(1e-6));
		assertThat(facts.decoded()).isTrue();
		String audited = jdbc.sql("select after_state::text from audit_event where action = 'blob.stored' and object_id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(audited).contains("\"lat\"").contains("2026-03-10T01:15:30Z");
	}

	@Test
	void aPhotoWithoutExifAnswersNullsAndADocumentHasNoFacts() throws Exception {
		byte[] plain = TestPhotos.png(TestPhotos.scene(System.nanoTime(), 300, 200));
		mvc.perform(multipart("/api/v1/blobs").file(new MockMultipartFile("file", "截图.png", null, plain))
			.header("Authorization", bearer("unit_staff")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.takenAt").value(nullValue()))
			.andExpect(jsonPath("$.lat").value(nullValue()))
			.andExpect(jsonPath("$.width").value(300))
			.andExpect(jsonPath("$.perceptualHash").isString());
		byte[] pdf = ("%PDF-1.4 " + UUID.randomUUID()).getBytes();
		StoredBlob document = transactions.execute(s -> blobs.store(pdf, "a.pdf", BlobUse.DELIVERABLE, null));
		PhotoFacts none = blobs.photoFacts(document.id());
		assertThat(none.decoded()).isFalse();
		assertThat(none.perceptualHash()).isEmpty();
		assertThat(jdbc.sql("select count(*) from blob_photo where blob_id = :id").param("id", document.id())
			.query(Long.class).single()).isZero();
	}

	@Test
	void aReusedPhotoIsFoundAgainAndADifferentOneIsNot() {
		long seed = System.nanoTime();
		BufferedImage picture = TestPhotos.scene(seed, 1200, 900);
		StoredBlob before = store(TestPhotos.jpeg(picture, 0.9f), "before.jpg");
		StoredBlob resent = store(TestPhotos.jpeg(TestPhotos.resized(picture, 0.4), 0.6f), "resent.jpg");
		StoredBlob other = store(TestPhotos.jpeg(TestPhotos.scene(seed + 1, 1200, 900), 0.9f), "other.jpg");
		long hash = blobs.photoFacts(before.id()).perceptualHash().orElseThrow();
		int distance = PhotoFacts.hammingDistance(hash, blobs.photoFacts(resent.id()).perceptualHash().orElseThrow());
		assertThat(distance).isLessThanOrEqualTo(6);

		List<UUID> similar = blobs.similarPhotos(hash, 10, Set.of(before.id()));
		assertThat(similar).contains(resent.id()).doesNotContain(before.id(), other.id());
		assertThat(blobs.similarPhotos(hash, 20, Set.of())).startsWith(before.id()).contains(resent.id())
			.doesNotContain(other.id());
		// a resized copy may hash identically; at distance 0 it is found exactly when its hash is the same
		List<UUID> identical = blobs.similarPhotos(hash, 0, List.of());
		assertThat(identical).contains(before.id()).doesNotContain(other.id());
		assertThat(identical.contains(resent.id())).isEqualTo(distance == 0);
	}

	@Test
	void factsOfAPhotoStoredBeforeThemAreReadWhenFirstAskedFor() {
		byte[] photo = TestPhotos.jpegWithExif(System.nanoTime(), LocalDateTime.parse("2026-05-09T08:45:00"), null, 30.5, 114.3);
		StoredBlob blob = store(photo, "old.jpg");
		jdbc.sql("delete from blob_photo where blob_id = :id").param("id", blob.id()).update();
		PhotoFacts facts = blobs.photoFacts(blob.id());
		assertThat(facts.takenAt()).contains(Instant.parse("2026-05-09T00:45:00Z"));
		assertThat(facts.takenAtZoneAssumed()).isTrue();
		assertThat(jdbc.sql("select count(*) from blob_photo where blob_id = :id").param("id", blob.id())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theIndexedSearchFindsExactlyWhatComparingEveryHashFinds() {
		Random random = new Random(20261125);
		transactions.executeWithoutResult(status -> {
			List<Long> hashes = new ArrayList<>();
			long centre = random.nextLong();
			for (int i = 0; i < 3000; i++) {
				// a third near the centre (up to 16 bits flipped), the rest anywhere
				long hash = random.nextInt(3) == 0 ? flip(centre, random.nextInt(17), random) : random.nextLong();
				hashes.add(hash);
				UUID id = UUID.randomUUID();
				jdbc.sql("insert into blob (id, sha256, content_type, size, original_filename, uploaded_at) "
						+ "values (:id, repeat('0', 64), 'image/jpeg', 1, 'x.jpg', now())").param("id", id).update();
				jdbc.sql("insert into blob_photo (blob_id, phash, read_at) values (:id, :h, now())").param("id", id)
					.param("h", hash).update();
			}
			for (int d : new int[] { 0, 3, 4, 7, 8, 11, 15, 16 }) {
				long query = flip(centre, d / 2, random);
				List<Long> all = jdbc.sql("select phash from blob_photo where phash is not null").query(Long.class).list();
				long expected = all.stream().filter(h -> Long.bitCount(h ^ query) <= d).count();
				assertThat((long) blobs.similarPhotos(query, d, Set.of()).size()).as("distance %d", d)
					.isEqualTo(Math.min(expected, Blobs.MAX_SIMILAR));
			}
			status.setRollbackOnly();
		});
	}

	private static long flip(long hash, int bits, Random random) {
		long result = hash;
		Set<Integer> flipped = new java.util.HashSet<>();
		while (flipped.size() < bits) {
			int bit = random.nextInt(64);
			if (flipped.add(bit)) {
				result ^= 1L << bit;
			}
		}
		return result;
	}
}
