package org.chuangwen.blobs;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** EXIF time and GPS read back from real JPEG files, and perceptual hashes that tell copies from other pictures. */
class PhotoReaderTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Test
	void readsCaptureTimeWithItsOffsetAndTheGpsPosition() {
		byte[] photo = TestPhotos.jpegWithExif(1, LocalDateTime.parse("2026-03-10T09:15:30"), "+08:00", 30.592849, 114.305539);
		PhotoReader.Read read = PhotoReader.read(photo, ZoneId.of("UTC"));
		assertThat(read.takenAt()).isEqualTo(Instant.parse("2026-03-10T01:15:30Z"));
		assertThat(read.zoneAssumed()).isFalse();
		assertThat(read.latitude()).isCloseTo(30.592849, within(1e-6));
		assertThat(read.longitude()).isCloseTo(114.305539, within(1e-6));
		assertThat(read.width()).isEqualTo(640);
		assertThat(read.height()).isEqualTo(480);
		assertThat(read.phash()).isNotNull();
	}

	@Test
	void aTimeWithoutOffsetIsTheCamerasLocalTimeInTheCitysZone() {
		byte[] photo = TestPhotos.jpegWithExif(2, LocalDateTime.parse("2026-10-10T16:00:00"), null, null, null);
		PhotoReader.Read read = PhotoReader.read(photo, SHANGHAI);
		assertThat(read.takenAt()).isEqualTo(Instant.parse("2026-10-10T08:00:00Z"));
		assertThat(read.zoneAssumed()).isTrue();
		assertThat(read.latitude()).isNull();
		assertThat(read.longitude()).isNull();
	}

	@Test
	void southernAndWesternPositionsAreNegative() {
		byte[] photo = TestPhotos.jpegWithExif(3, LocalDateTime.parse("2026-01-02T10:00:00"), "-03:00", -22.951916, -43.210487);
		PhotoReader.Read read = PhotoReader.read(photo, SHANGHAI);
		assertThat(read.latitude()).isCloseTo(-22.951916, within(1e-6));
		assertThat(read.longitude()).isCloseTo(-43.210487, within(1e-6));
		assertThat(read.takenAt()).isEqualTo(Instant.parse("2026-01-02T13:00:00Z"));
	}

	@Test
	void aPhotoWithoutExifHasOnlyItsSizeAndHash() {
		PhotoReader.Read read = PhotoReader.read(TestPhotos.jpeg(TestPhotos.scene(4, 320, 200), 0.9f), SHANGHAI);
		assertThat(read.takenAt()).isNull();
		assertThat(read.latitude()).isNull();
		assertThat(read.width()).isEqualTo(320);
		assertThat(read.phash()).isNotNull();
	}

	@Test
	void placeholderTimesAndZeroPositionsAreAbsent() {
		byte[] photo = TestPhotos.withExif(TestPhotos.jpeg(TestPhotos.scene(5, 200, 200), 0.9f), null, null, 0.0, 0.0);
		PhotoReader.Read read = PhotoReader.read(photo, SHANGHAI);
		assertThat(read.latitude()).isNull();
		assertThat(read.takenAt()).isNull();
		byte[] old = TestPhotos.jpegWithExif(5, LocalDateTime.parse("1980-01-01T00:00:00"), null, null, null);
		assertThat(PhotoReader.read(old, SHANGHAI).takenAt()).isNull();
	}

	@Test
	void aBrokenFileThatStartsLikeAJpegGivesNothingAndThrowsNothing() {
		byte[] broken = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 2, 3 };
		PhotoReader.Read read = PhotoReader.read(broken, SHANGHAI);
		assertThat(read.phash()).isNull();
		assertThat(read.takenAt()).isNull();
		PhotoReader.Read text = PhotoReader.read("不是图片".getBytes(), SHANGHAI);
		assertThat(text.width()).isNull();
	}

	@Test
	void aResizedReencodedCopyIsNearAndADifferentPictureIsFar() {
		BufferedImage original = TestPhotos.scene(42, 1600, 1200);
		long hash = hash(TestPhotos.jpeg(original, 0.92f));
		long halfSizeLowQuality = hash(TestPhotos.jpeg(TestPhotos.resized(original, 0.5), 0.5f));
		long thumbnail = hash(TestPhotos.jpeg(TestPhotos.resized(original, 0.15), 0.7f));
		long asPng = hash(TestPhotos.png(TestPhotos.resized(original, 0.8)));
		long withExif = hash(TestPhotos.withExif(TestPhotos.jpeg(original, 0.6f), LocalDateTime.parse("2026-03-10T09:00:00"),
				"+08:00", 30.0, 114.0));
		System.out.printf("BENCH phash distances of copies: half-size q0.5 %d, thumbnail %d, png %d, exif q0.6 %d%n",
				PerceptualHash.distance(hash, halfSizeLowQuality), PerceptualHash.distance(hash, thumbnail),
				PerceptualHash.distance(hash, asPng), PerceptualHash.distance(hash, withExif));
		assertThat(PerceptualHash.distance(hash, halfSizeLowQuality)).isLessThanOrEqualTo(6);
		assertThat(PerceptualHash.distance(hash, thumbnail)).isLessThanOrEqualTo(6);
		assertThat(PerceptualHash.distance(hash, asPng)).isLessThanOrEqualTo(6);
		assertThat(PerceptualHash.distance(hash, withExif)).isLessThanOrEqualTo(4);
		int nearest = 64;
		for (long seed = 100; seed < 140; seed++) {
			long other = hash(TestPhotos.jpeg(TestPhotos.scene(seed, 800, 600), 0.85f));
			nearest = Math.min(nearest, PerceptualHash.distance(hash, other));
		}
		System.out.printf("BENCH phash nearest of 40 different pictures: %d bits%n", nearest);
		assertThat(nearest).isGreaterThanOrEqualTo(12);
	}

	@Test
	void aRotatedCopyCarryingItsExifOrientationHashesLikeTheUprightPhoto() {
		BufferedImage upright = TestPhotos.scene(77, 800, 600);
		long hash = hash(TestPhotos.jpeg(upright, 0.9f));
		LocalDateTime taken = LocalDateTime.parse("2026-03-10T09:00:00");
		// a camera held upright stores landscape pixels turned a quarter and says "turn clockwise to view" (6)
		byte[] sideways = TestPhotos.withExif(TestPhotos.jpeg(TestPhotos.turnedCounterClockwise(upright), 0.85f), taken,
				"+08:00", 30.0, 114.0, 6);
		byte[] upsideDown = TestPhotos.withExif(TestPhotos.jpeg(TestPhotos.turnedHalfWay(upright), 0.85f), taken, "+08:00",
				30.0, 114.0, 3);
		PhotoReader.Read read = PhotoReader.read(sideways, SHANGHAI);
		assertThat(PerceptualHash.distance(hash, read.phash())).isLessThanOrEqualTo(6);
		assertThat(PerceptualHash.distance(hash, hash(upsideDown))).isLessThanOrEqualTo(6);
		// the size is the upright picture's
		assertThat(read.width()).isEqualTo(800);
		assertThat(read.height()).isEqualTo(600);
		// the same pixels without the orientation are another picture for the hash
		byte[] noOrientation = TestPhotos.withExif(TestPhotos.jpeg(TestPhotos.turnedCounterClockwise(upright), 0.85f), taken,
				"+08:00", 30.0, 114.0);
		assertThat(PerceptualHash.distance(hash, hash(noOrientation))).isGreaterThan(12);
		assertThat(read.undecodable()).isFalse();
	}

	@Test
	void everyOrientationTurnsThePictureUpright() {
		BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
		// a b c / d e f
		int[] v = { 1, 2, 3, 4, 5, 6 };
		for (int i = 0; i < 6; i++) {
			image.setRGB(i % 3, i / 3, v[i]);
		}
		assertThat(pixels(PhotoReader.upright(image, 1))).isEqualTo("123/456");
		assertThat(pixels(PhotoReader.upright(image, 2))).isEqualTo("321/654");
		assertThat(pixels(PhotoReader.upright(image, 3))).isEqualTo("654/321");
		assertThat(pixels(PhotoReader.upright(image, 4))).isEqualTo("456/123");
		assertThat(pixels(PhotoReader.upright(image, 5))).isEqualTo("14/25/36");
		assertThat(pixels(PhotoReader.upright(image, 6))).isEqualTo("41/52/63");
		assertThat(pixels(PhotoReader.upright(image, 7))).isEqualTo("63/52/41");
		assertThat(pixels(PhotoReader.upright(image, 8))).isEqualTo("36/25/14");
	}

	private static String pixels(BufferedImage image) {
		StringBuilder text = new StringBuilder();
		for (int y = 0; y < image.getHeight(); y++) {
			if (y > 0) {
				text.append('/');
			}
			for (int x = 0; x < image.getWidth(); x++) {
				text.append(image.getRGB(x, y) & 0xFF);
			}
		}
		return text.toString();
	}

	@Test
	void aTruncatedOrCorruptPictureIsUndecodable() {
		byte[] jpeg = TestPhotos.jpegWithExif(9, LocalDateTime.parse("2026-03-10T09:00:00"), "+08:00", 30.0, 114.0);
		assertThat(PhotoReader.read(jpeg, SHANGHAI).undecodable()).isFalse();
		// cut off in the middle of the picture's data, as an interrupted upload leaves it
		byte[] truncated = java.util.Arrays.copyOf(jpeg, jpeg.length * 2 / 3);
		PhotoReader.Read read = PhotoReader.read(truncated, SHANGHAI);
		assertThat(read.undecodable()).isTrue();
		assertThat(read.phash()).isNull();
		// its EXIF is still read: only the picture is broken
		assertThat(read.takenAt()).isNotNull();
		byte[] png = TestPhotos.png(TestPhotos.scene(10, 300, 200));
		assertThat(PhotoReader.read(png, SHANGHAI).undecodable()).isFalse();
		assertThat(PhotoReader.read(java.util.Arrays.copyOf(png, png.length / 2), SHANGHAI).undecodable()).isTrue();
		// only a header
		byte[] broken = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 2, 3 };
		assertThat(PhotoReader.read(broken, SHANGHAI).undecodable()).isTrue();
	}

	@Test
	void aFeaturelessPictureHasNoHash() {
		BufferedImage black = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
		assertThat(PhotoReader.read(TestPhotos.jpeg(black, 0.8f), SHANGHAI).phash()).isNull();
		assertThat(PhotoReader.read(TestPhotos.jpeg(black, 0.8f), SHANGHAI).width()).isEqualTo(400);
	}

	@Test
	void aTinyPictureStillHashes() {
		assertThat(PhotoReader.read(TestPhotos.png(TestPhotos.scene(7, 5, 4)), SHANGHAI).phash()).isNotNull();
	}

	@Test
	void quarterNeighboursAreEveryValueWithinTheRadius() {
		assertThat(PhotoHashes.neighbours(0xABCD, 0)).containsExactly(0xABCD);
		for (int radius = 1; radius <= 3; radius++) {
			Integer[] values = PhotoHashes.neighbours(0xABCD, radius);
			Set<Integer> distinct = new HashSet<>(java.util.Arrays.asList(values));
			assertThat(distinct).hasSize(values.length);
			assertThat(distinct).allMatch(v -> Integer.bitCount(v ^ 0xABCD) <= 3 && v >= 0 && v <= 0xFFFF);
		}
		assertThat(PhotoHashes.neighbours(0, 1)).hasSize(17);
		assertThat(PhotoHashes.neighbours(0, 2)).hasSize(137);
		assertThat(PhotoHashes.neighbours(0xFFFF, 3)).hasSize(697);
	}

	@Test
	void distancesBetweenPositionsAreGreatCircleMetres() {
		PhotoFacts.Location wuhan = new PhotoFacts.Location(30.0, 114.0);
		assertThat(wuhan.metresTo(31.0, 114.0)).isCloseTo(111_195, within(50.0));
		assertThat(wuhan.metresTo(30.0, 114.0)).isZero();
		assertThat(wuhan.metresTo(30.0009, 114.0)).isCloseTo(100, within(1.0));
	}

	private static long hash(byte[] file) {
		Long hash = PhotoReader.read(file, SHANGHAI).phash();
		assertThat(hash).isNotNull();
		return hash;
	}

	/**
	 * Real four-channel JPEGs made from an RGB picture, as Photoshop writes them (Adobe segment, inverted values): CMYK
	 * (transform 0) and YCCK (transform 2). The reader converts their raw channels itself: the size and a hash near
	 * the RGB original's exist (a hash of wrongly converted, e.g. inverted, colours would be far from it).
	 */
	@Test
	void cmykAndYcckJpegsHaveTheirSizeAndAHashNearTheirRgbOriginal() throws Exception {
		BufferedImage rgb = TestPhotos.scene(77, 640, 480);
		long original = PhotoReader.read(TestPhotos.jpeg(rgb, 0.9f), ZoneId.of("Asia/Shanghai")).phash();
		long other = PhotoReader.read(TestPhotos.jpeg(TestPhotos.scene(78, 640, 480), 0.9f), ZoneId.of("Asia/Shanghai"))
			.phash();
		for (int transform : new int[] { 0, 2 }) {
			byte[] file = adobeJpeg(rgb, transform);
			assertThat(PhotoReader.jpegComponents(file)).isEqualTo(4);
			assertThat(PhotoReader.adobeTransform(file)).isEqualTo(transform);
			PhotoReader.Read read = PhotoReader.read(file, ZoneId.of("Asia/Shanghai"));
			assertThat(read.undecodable()).isFalse();
			assertThat(read.width()).isEqualTo(640);
			assertThat(read.height()).isEqualTo(480);
			assertThat(read.phash()).as("hash of transform %d", transform).isNotNull();
			assertThat(PerceptualHash.distance(original, read.phash())).as("transform %d", transform).isLessThanOrEqualTo(8);
			assertThat(PerceptualHash.distance(other, read.phash())).isGreaterThan(12);
			// and its thumbnail is a JPEG of the right colours' picture
			byte[] thumb = Thumbnails.scaled(file, 160);
			assertThat(thumb).isNotNull();
			BufferedImage small = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumb));
			assertThat(small.getWidth()).isEqualTo(160);
		}
		assertThat(PhotoReader.jpegComponents(TestPhotos.jpeg(rgb, 0.9f))).isEqualTo(3);
	}

	@Test
	void cmykPixelsBecomeRgbWithAndWithoutAdobesInversion() {
		java.awt.image.WritableRaster raster = java.awt.image.Raster.createInterleavedRaster(
				java.awt.image.DataBuffer.TYPE_BYTE, 3, 1, 4, null);
		raster.setPixel(0, 0, new int[] { 40, 50, 128, 255 });
		raster.setPixel(1, 0, new int[] { 0, 0, 0, 0 });
		raster.setPixel(2, 0, new int[] { 255, 255, 255, 255 });
		BufferedImage adobe = PhotoReader.cmykToRgb(raster, 0);
		assertThat(adobe.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x283280); // stored inverted, no black: the values themselves
		assertThat(adobe.getRGB(1, 0) & 0xFFFFFF).isZero(); // full ink
		BufferedImage plain = PhotoReader.cmykToRgb(raster, PhotoReader.NO_ADOBE);
		assertThat(plain.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF); // no ink: white
		assertThat(plain.getRGB(2, 0) & 0xFFFFFF).isZero();
	}

	/** Writes a picture as an Adobe JPEG of four channels: C' = R, M' = G, Y' = B, K' = 255 (inverted: no black). */
	static byte[] adobeJpeg(BufferedImage rgb, int transform) throws Exception {
		int w = rgb.getWidth();
		int h = rgb.getHeight();
		java.awt.image.WritableRaster raster = java.awt.image.Raster.createInterleavedRaster(
				java.awt.image.DataBuffer.TYPE_BYTE, w, h, 4, null);
		int[] px = new int[4];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int c = rgb.getRGB(x, y);
				int r = (c >> 16) & 0xFF;
				int g = (c >> 8) & 0xFF;
				int b = c & 0xFF;
				if (transform == 2) { // YCCK: the inverted C, M, Y coded as Y, Cb, Cr
					px[0] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
					px[1] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
					px[2] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
				}
				else {
					px[0] = r;
					px[1] = g;
					px[2] = b;
				}
				px[3] = 255;
				raster.setPixel(x, y, px);
			}
		}
		javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try (javax.imageio.stream.ImageOutputStream stream = javax.imageio.ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.9f);
			// no metadata: the writer stores the four channels as they are, without JFIF or Adobe segments
			writer.write(null, new javax.imageio.IIOImage(raster, null, null), param);
		}
		finally {
			writer.dispose();
		}
		byte[] jpeg = out.toByteArray();
		assertThat(PhotoReader.adobeTransform(jpeg)).isEqualTo(PhotoReader.NO_ADOBE);
		// the Adobe APP14 segment (version 100, no flags, the transform) right after SOI, as Photoshop writes it
		byte[] adobe = { (byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform };
		byte[] file = new byte[jpeg.length + adobe.length];
		System.arraycopy(jpeg, 0, file, 0, 2);
		System.arraycopy(adobe, 0, file, 2, adobe.length);
		System.arraycopy(jpeg, 2, file, 2 + adobe.length, jpeg.length - 2);
		return file;
	}

	private static int clamp(double v) {
		return (int) Math.max(0, Math.min(255, Math.round(v)));
	}
}
