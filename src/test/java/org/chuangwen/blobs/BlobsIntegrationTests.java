package org.chuangwen.blobs;

import java.nio.file.Files;
import java.nio.file.Path;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Files are typed by content, limited in size, stored once per content and checked by hash when read. */
@ChuangwenIntegrationTest
class BlobsIntegrationTests {

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

	/** A real small PNG, different for every marker. */
	static byte[] aPng(String marker) {
		return TestPhotos.png(TestPhotos.scene(marker.hashCode() * 2654435761L, 24, 16));
	}

	@Test
	void anUploadAnswersItsIdHashTypeAndSizeAndOnlyTheUploaderReadsItBack() throws Exception {
		byte[] png = aPng(UUID.randomUUID().toString());
		String answer = mvc.perform(multipart("/api/v1/blobs").file(new MockMultipartFile("file", "照片.jpg", null, png))
			.header("Authorization", bearer("unit_admin")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType").value("image/png"))
			.andExpect(jsonPath("$.size").value(png.length))
			.andExpect(jsonPath("$.sha256").value(Blobs.sha256(png)))
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(answer, "$.id");
		mvc.perform(get("/api/v1/blobs/" + id).header("Authorization", bearer("unit_admin")))
			.andExpect(status().isOk())
			.andExpect(content().bytes(png));
		mvc.perform(get("/api/v1/blobs/" + id).header("Authorization", bearer("street_admin"))).andExpect(status().isNotFound());
	}

	@Test
	void aTextFileNamedPdfIsRefused() throws Exception {
		mvc.perform(multipart("/api/v1/blobs").file(new MockMultipartFile("file", "报告.pdf", "application/pdf",
				"这不是 PDF，只是文字。".getBytes())).header("Authorization", bearer("unit_admin")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		mvc.perform(multipart("/api/v1/blobs").file(new MockMultipartFile("file", "x.png", null, aPng("p")))
			.param("use", "deliverable").header("Authorization", bearer("unit_admin"))).andExpect(status().isCreated());
	}

	@Test
	void anImageThatDoesNotDecodeIsRefusedWith422AndNothingIsStored() throws Exception {
		byte[] jpeg = TestPhotos.jpegWithExif(System.nanoTime(), java.time.LocalDateTime.parse("2026-03-10T09:00:00"),
				"+08:00", 30.0, 114.0);
		byte[] truncated = java.util.Arrays.copyOf(jpeg, jpeg.length / 2);
		byte[] png = aPng("whole-" + UUID.randomUUID());
		byte[] cutPng = java.util.Arrays.copyOf(png, png.length / 2);
		long before = jdbc.sql("select count(*) from blob").query(Long.class).single();
		mvc.perform(multipart("/api/v1/blobs").file(new MockMultipartFile("file", "现场.jpg", "image/jpeg", truncated))
			.param("use", "photo").header("Authorization", bearer("inspector")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("“现场.jpg”看起来是图片，但内容已损坏或不完整")));
		mvc.perform(multipart("/api/v1/blobs").file(new MockMultipartFile("file", "截图.png", null, cutPng))
			.param("use", "deliverable").header("Authorization", bearer("unit_admin")))
			.andExpect(status().isUnprocessableContent());
		assertThatThrownBy(() -> transactions.execute(tx -> blobs.store(truncated, "a.jpg", BlobUse.PHOTO, null)))
			.isInstanceOf(ImageUnreadableException.class);
		assertThat(jdbc.sql("select count(*) from blob").query(Long.class).single()).isEqualTo(before);
		assertThat(Files.exists(blobs.pathOf(Blobs.sha256(truncated)))).isFalse();
		assertThat(Files.exists(blobs.pathOf(Blobs.sha256(cutPng)))).isFalse();
		// the whole files are accepted
		mvc.perform(multipart("/api/v1/blobs").file(new MockMultipartFile("file", "现场.jpg", "image/jpeg", jpeg))
			.param("use", "photo").header("Authorization", bearer("inspector")))
			.andExpect(status().isCreated());
	}

	@Test
	void aRotatedCopyOfAStoredPhotoIsFoundAsSimilar() {
		java.awt.image.BufferedImage upright = TestPhotos.scene(System.nanoTime(), 640, 480);
		java.time.LocalDateTime taken = java.time.LocalDateTime.parse("2026-04-01T10:00:00");
		UUID first = transactions.execute(tx -> blobs.store(TestPhotos.withExif(TestPhotos.jpeg(upright, 0.9f), taken,
				"+08:00", 30.0, 114.0, 1), "整改后.jpg", BlobUse.PHOTO, null).id());
		byte[] sideways = TestPhotos.withExif(TestPhotos.jpeg(TestPhotos.turnedCounterClockwise(upright), 0.8f), taken,
				"+08:00", 30.0, 114.0, 6);
		UUID copy = transactions.execute(tx -> blobs.store(sideways, "整改后-旋转.jpg", BlobUse.PHOTO, null).id());
		PhotoFacts facts = transactions.execute(tx -> blobs.photoFacts(copy));
		assertThat(facts.width()).hasValue(640);
		assertThat(facts.height()).hasValue(480);
		assertThat(blobs.similarPhotos(facts.perceptualHash().getAsLong(), 6, java.util.List.of(copy))).contains(first);
	}

	@Test
	void aFileOverTwentyMegabytesIs413() throws Exception {
		byte[] big = new byte[(int) Blobs.MAX_BYTES + 1];
		big[0] = '%';
		big[1] = 'P';
		big[2] = 'D';
		big[3] = 'F';
		big[4] = '-';
		mvc.perform(multipart("/api/v1/blobs").file(new MockMultipartFile("file", "big.pdf", null, big))
			.header("Authorization", bearer("unit_admin")))
			.andExpect(status().isContentTooLarge());
	}

	@Test
	void theSameContentIsStoredOnceAndAChangedFileIsDetectedOnRead() throws Exception {
		byte[] png = aPng("same-" + UUID.randomUUID());
		StoredBlob first = transactions.execute(s -> blobs.store(png, "a.png", BlobUse.PHOTO, null));
		StoredBlob second = transactions.execute(s -> blobs.store(png, "b.png", BlobUse.PHOTO, null));
		assertThat(second.id()).isNotEqualTo(first.id());
		assertThat(second.sha256()).isEqualTo(first.sha256());
		Path file = blobs.pathOf(first.sha256());
		assertThat(file).exists();
		assertThat(file.getParent().getFileName().toString()).isEqualTo(first.sha256().substring(2, 4));
		try (var files = Files.list(file.getParent())) {
			assertThat(files.filter(p -> p.getFileName().toString().startsWith(first.sha256()))).hasSize(1);
		}
		assertThat(blobs.read(second.id()).bytes()).isEqualTo(png);
		Files.write(file, aPng("tampered"));
		assertThatThrownBy(() -> blobs.read(first.id())).isInstanceOf(BlobIntegrityException.class);
		Files.write(file, png);
		assertThat(blobs.read(first.id()).bytes()).isEqualTo(png);
	}

	@Test
	void officeDocumentsAreToldApartByTheirParts() throws Exception {
		assertThat(ContentTypes.detect(new org.apache.poi.xssf.usermodel.XSSFWorkbook() {
			byte[] bytes() throws java.io.IOException {
				createSheet("s");
				var out = new java.io.ByteArrayOutputStream();
				write(out);
				return out.toByteArray();
			}
		}.bytes())).isEqualTo(ContentTypes.XLSX);
		var zip = new java.io.ByteArrayOutputStream();
		try (var z = new java.util.zip.ZipOutputStream(zip)) {
			z.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
			z.write("hello".getBytes());
			z.closeEntry();
		}
		assertThat(ContentTypes.detect(zip.toByteArray())).isEqualTo(ContentTypes.ZIP);
		assertThat(ContentTypes.detect(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 })).isEqualTo(ContentTypes.JPEG);
		assertThat(ContentTypes.detect("plain".getBytes())).isEqualTo(ContentTypes.UNKNOWN);
	}

	@Test
	void aThumbnailIsMadeOnceAndThenReadFromTheStore() throws Exception {
		byte[] photo = TestPhotos.jpeg(TestPhotos.scene(System.nanoTime(), 1600, 1200), 0.9f);
		StoredBlob blob = blobs.store(photo, "大图.jpg", BlobUse.PHOTO, fixtures.actor("inspector").userId());
		Path derived = blobs.thumbnailPath(blob.sha256(), 360);
		assertThat(derived).doesNotExist();

		BlobThumbnail first = blobs.thumbnail(blob.id(), 360);
		assertThat(first.contentType()).isEqualTo("image/jpeg");
		assertThat(first.etag()).isEqualTo(Blobs.thumbnailTag(blob, 360)).startsWith(blob.sha256());
		java.awt.image.BufferedImage small = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(first.bytes()));
		assertThat(small.getWidth()).isEqualTo(360);
		assertThat(small.getHeight()).isEqualTo(270);
		assertThat(derived).exists();
		assertThat(Files.readAllBytes(derived)).isEqualTo(first.bytes());

		// the next request reads the kept file: not made (nor written) again
		java.nio.file.attribute.FileTime long_ago = java.nio.file.attribute.FileTime.fromMillis(978_307_200_000L);
		Files.setLastModifiedTime(derived, long_ago);
		BlobThumbnail second = blobs.thumbnail(blob.id(), 360);
		assertThat(second.bytes()).isEqualTo(first.bytes());
		assertThat(second.etag()).isEqualTo(first.etag());
		assertThat(Files.getLastModifiedTime(derived)).isEqualTo(long_ago);
		// another size is another file with another tag
		BlobThumbnail other = blobs.thumbnail(blob.id(), 120);
		assertThat(other.etag()).isNotEqualTo(first.etag());
		assertThat(blobs.thumbnailPath(blob.sha256(), 120)).exists();

		// a picture already small is answered as it is, and nothing is kept for it
		StoredBlob tiny = blobs.store(aPng(UUID.randomUUID().toString()), "小图.png", BlobUse.PHOTO,
				fixtures.actor("inspector").userId());
		BlobThumbnail same = blobs.thumbnail(tiny.id(), 360);
		assertThat(same.contentType()).isEqualTo("image/png");
		assertThat(blobs.thumbnailPath(tiny.sha256(), 360)).doesNotExist();
		assertThatThrownBy(() -> blobs.thumbnail(UUID.randomUUID(), 360))
			.isInstanceOf(org.chuangwen.shared.NotFoundException.class);
	}
}
