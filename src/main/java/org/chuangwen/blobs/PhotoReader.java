package org.chuangwen.blobs;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.OptionalLong;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a photo says about itself: its pixel size, its EXIF capture time and GPS position (metadata-extractor) and
 * its perceptual hash (decoded with ImageIO, headless). Nothing here throws for a bad file: what cannot be read is
 * simply absent.
 * <ul>
 * <li>Capture time: EXIF DateTimeOriginal (else DateTimeDigitized, else the IFD0 DateTime) with OffsetTimeOriginal
 * when present; without an offset the camera's local time is taken in the city's zone ({@code zoneAssumed}). Times
 * before 1990 or unreadable are absent.</li>
 * <li>Position: the GPS latitude/longitude (WGS-84, as phones write them); (0, 0) and out-of-range values are absent.</li>
 * <li>Hash: the picture is decoded subsampled to about {@link #HASH_SOURCE_SIZE} pixels on its long side (so a 50
 * megapixel photo costs no more memory than a thumbnail) and hashed by {@link PerceptualHash}. Pictures over
 * {@link #MAX_PIXELS} are not decoded.</li>
 * </ul>
 */
final class PhotoReader {

	private static final Logger log = LoggerFactory.getLogger(PhotoReader.class);

	static final int HASH_SOURCE_SIZE = 512;

	static final long MAX_PIXELS = 120_000_000L;

	private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

	private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

	/** What was read; every part may be absent. */
	record Read(Integer width, Integer height, Instant takenAt, boolean zoneAssumed, Double latitude, Double longitude,
			Long phash) {

		static final Read NOTHING = new Read(null, null, null, false, null, null, null);
	}

	private PhotoReader() {
	}

	static Read read(byte[] content, ZoneId cityZone) {
		Instant takenAt = null;
		boolean zoneAssumed = false;
		Double latitude = null;
		Double longitude = null;
		try {
			Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(content), content.length);
			TakenAt time = takenAt(metadata, cityZone);
			if (time != null) {
				takenAt = time.instant();
				zoneAssumed = time.zoneAssumed();
			}
			GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
			GeoLocation location = gps == null ? null : gps.getGeoLocation();
			if (location != null && !location.isZero() && Math.abs(location.getLatitude()) <= 90
					&& Math.abs(location.getLongitude()) <= 180 && Double.isFinite(location.getLatitude())
					&& Double.isFinite(location.getLongitude())) {
				latitude = location.getLatitude();
				longitude = location.getLongitude();
			}
		}
		catch (ImageProcessingException | IOException | RuntimeException ex) {
			log.debug("no metadata read from an image: {}", ex.toString());
		}
		Integer width = null;
		Integer height = null;
		Long phash = null;
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
			if (readers.hasNext()) {
				ImageReader reader = readers.next();
				try {
					reader.setInput(in, true, true);
					int w = reader.getWidth(0);
					int h = reader.getHeight(0);
					width = w;
					height = h;
					if (w > 0 && h > 0 && (long) w * h <= MAX_PIXELS) {
						int step = Math.max(1, Math.max(w, h) / HASH_SOURCE_SIZE);
						ImageReadParam param = reader.getDefaultReadParam();
						param.setSourceSubsampling(step, step, 0, 0);
						BufferedImage image = reader.read(0, param);
						OptionalLong hash = PerceptualHash.of(image);
						phash = hash.isPresent() ? hash.getAsLong() : null;
					}
				}
				finally {
					reader.dispose();
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			log.debug("image not decoded: {}", ex.toString());
		}
		return new Read(width, height, takenAt, zoneAssumed, latitude, longitude, phash);
	}

	private record TakenAt(Instant instant, boolean zoneAssumed) {
	}

	private static TakenAt takenAt(Metadata metadata, ZoneId cityZone) {
		for (ExifSubIFDDirectory exif : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
			TakenAt original = time(exif, ExifDirectoryBase.TAG_DATETIME_ORIGINAL, ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL,
					cityZone);
			if (original != null) {
				return original;
			}
			TakenAt digitized = time(exif, ExifDirectoryBase.TAG_DATETIME_DIGITIZED,
					ExifDirectoryBase.TAG_TIME_ZONE_DIGITIZED, cityZone);
			if (digitized != null) {
				return digitized;
			}
		}
		ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
		return ifd0 == null ? null : time(ifd0, ExifDirectoryBase.TAG_DATETIME, ExifDirectoryBase.TAG_TIME_ZONE, cityZone);
	}

	private static TakenAt time(ExifDirectoryBase directory, int timeTag, int offsetTag, ZoneId cityZone) {
		String text = directory.getString(timeTag);
		if (text == null || text.isBlank()) {
			return null;
		}
		LocalDateTime local;
		try {
			String t = text.strip();
			local = LocalDateTime.parse(t.length() > 19 ? t.substring(0, 19) : t, EXIF_TIME);
		}
		catch (DateTimeException ex) {
			return null; // "0000:00:00 00:00:00" and other placeholders
		}
		String offset = directory.getString(offsetTag);
		Instant instant;
		boolean assumed;
		try {
			instant = offset == null || offset.isBlank() ? null : local.toInstant(ZoneOffset.of(offset.strip()));
		}
		catch (DateTimeException ex) {
			instant = null;
		}
		assumed = instant == null;
		if (instant == null) {
			instant = local.atZone(cityZone).toInstant();
		}
		return instant.isBefore(EARLIEST) ? null : new TakenAt(instant, assumed);
	}
}
