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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a photo says about itself: its pixel size, its EXIF capture time and GPS position (metadata-extractor) and
 * its perceptual hash (decoded with ImageIO, headless; CMYK and YCCK JPEGs converted to RGB here). Nothing here
 * throws for a bad file: what cannot be read is simply absent, and a picture that does not decode (a truncated or corrupt JPEG or PNG: no reader takes it, the
 * decoder fails, or it reports corrupt data) is marked {@code undecodable} for the store to refuse it.
 * <ul>
 * <li>Capture time: EXIF DateTimeOriginal (else DateTimeDigitized, else the IFD0 DateTime) with OffsetTimeOriginal
 * when present; without an offset the camera's local time is taken in the city's zone ({@code zoneAssumed}). Times
 * before 1990 or unreadable are absent.</li>
 * <li>Position: the GPS latitude/longitude (WGS-84, as phones write them); (0, 0) and out-of-range values are absent.</li>
 * <li>Hash: the picture is decoded subsampled to about {@link #HASH_SOURCE_SIZE} pixels on its long side (so a 50
 * megapixel photo costs no more memory than a thumbnail), turned upright as its EXIF orientation says (a phone
 * stores a portrait photo as landscape pixels with orientation 6: a copy rotated for real must hash the same), and
 * hashed by {@link PerceptualHash}. Pictures over {@link #MAX_PIXELS} are not decoded. Width and height are those of
 * the upright picture.</li>
 * </ul>
 */
final class PhotoReader {

	private static final Logger log = LoggerFactory.getLogger(PhotoReader.class);

	static final int HASH_SOURCE_SIZE = 512;

	static final long MAX_PIXELS = 120_000_000L;

	private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

	private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

	/** What was read; every part may be absent. {@code undecodable}: the picture's data is truncated or corrupt. */
	record Read(Integer width, Integer height, Instant takenAt, boolean zoneAssumed, Double latitude, Double longitude,
			Long phash, boolean undecodable) {

		static final Read NOTHING = new Read(null, null, null, false, null, null, null, false);
	}

	private PhotoReader() {
	}

	static Read read(byte[] content, ZoneId cityZone) {
		Instant takenAt = null;
		boolean zoneAssumed = false;
		Double latitude = null;
		Double longitude = null;
		int orientation = 1;
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
			orientation = orientation(metadata);
		}
		catch (ImageProcessingException | IOException | RuntimeException ex) {
			log.debug("no metadata read from an image: {}", ex.toString());
		}
		Integer width = null;
		Integer height = null;
		Long phash = null;
		boolean undecodable = false;
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				undecodable = true;
			}
			else {
				ImageReader reader = readers.next();
				List<String> warnings = new ArrayList<>();
				// the JPEG decoder reports truncated or damaged data ("Premature end of JPEG file") as warnings and
				// fills the rest of the picture with grey: such a picture is corrupt
				reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
				try {
					reader.setInput(in, true, true);
					int w = reader.getWidth(0);
					int h = reader.getHeight(0);
					boolean sideways = orientation >= 5 && orientation <= 8;
					width = sideways ? h : w;
					height = sideways ? w : h;
					if (w <= 0 || h <= 0) {
						undecodable = true;
					}
					else if ((long) w * h <= MAX_PIXELS) {
						int step = Math.max(1, Math.max(w, h) / HASH_SOURCE_SIZE);
						ImageReadParam param = reader.getDefaultReadParam();
						param.setSourceSubsampling(step, step, 0, 0);
						BufferedImage image = decode(reader, param, content);
						if (!warnings.isEmpty()) {
							undecodable = true;
							log.debug("corrupt image data: {}", warnings);
						}
						else if (image != null) {
							OptionalLong hash = PerceptualHash.of(upright(image, orientation));
							phash = hash.isPresent() ? hash.getAsLong() : null;
						}
					}
				}
				finally {
					reader.dispose();
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			undecodable = true;
			log.debug("image not decoded: {}", ex.toString());
		}
		return new Read(width, height, takenAt, zoneAssumed, latitude, longitude, phash, undecodable);
	}

	/**
	 * The picture. A CMYK or YCCK JPEG (print workflows, some phone editors), which ImageIO reads only as a raster of
	 * four channels, is turned into RGB here ({@link #cmykToRgb}); null for a raster of another shape.
	 */
	private static BufferedImage decode(ImageReader reader, ImageReadParam param, byte[] content) throws IOException {
		if (jpegComponents(content) == 4 && reader.canReadRaster()) {
			// ImageIO either refuses these (an embedded CMYK profile) or converts them without Adobe's inverted values:
			// the raw channels are converted here, the same way whatever the JDK does
			java.awt.image.Raster raster = reader.readRaster(0, param);
			return raster.getNumBands() == 4 ? cmykToRgb(raster, adobeTransform(content)) : null;
		}
		try {
			return reader.read(0, param);
		}
		catch (IIOException ex) {
			if (ex.getMessage() != null && ex.getMessage().contains("Unsupported Image Type") && reader.canReadRaster()) {
				java.awt.image.Raster raster = reader.readRaster(0, param);
				return raster.getNumBands() == 4 ? cmykToRgb(raster, adobeTransform(content)) : null;
			}
			throw ex;
		}
	}

	/** A CMYK or YCCK JPEG as an RGB picture (whole, not subsampled); null when it is not one or does not decode. */
	static BufferedImage cmykImage(byte[] content) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS || !reader.canReadRaster()) {
					return null;
				}
				if (jpegComponents(content) != 4) {
					return null;
				}
				java.awt.image.Raster raster = reader.readRaster(0, reader.getDefaultReadParam());
				return raster.getNumBands() == 4 ? cmykToRgb(raster, adobeTransform(content)) : null;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/** The number of colour components a JPEG's frame header (SOF) declares; 0 when it is not a JPEG or has none. */
	static int jpegComponents(byte[] jpeg) {
		if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
			return 0;
		}
		int i = 2;
		while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
			int marker = jpeg[i + 1] & 0xFF;
			if (marker == 0xFF) {
				i++;
				continue;
			}
			if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				i += 2;
				continue;
			}
			if (marker == 0xDA || marker == 0xD9) {
				return 0;
			}
			int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
			if (length < 2) {
				return 0;
			}
			boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
			if (frame && i + 9 < jpeg.length) {
				return jpeg[i + 9] & 0xFF;
			}
			i += 2 + length;
		}
		return 0;
	}

	/** No Adobe APP14 segment in the file. */
	static final int NO_ADOBE = -1;

	/**
	 * The colour transform of a JPEG's Adobe APP14 segment (0: CMYK, 1: YCbCr, 2: YCCK), or {@link #NO_ADOBE}. Reads
	 * the marker segments up to the start of the scan.
	 */
	static int adobeTransform(byte[] jpeg) {
		int i = 2;
		while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
			int marker = jpeg[i + 1] & 0xFF;
			if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				i += 2;
				continue;
			}
			if (marker == 0xDA || marker == 0xD9) {
				break;
			}
			int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
			if (length < 2) {
				break;
			}
			int data = i + 4;
			if (marker == 0xEE && length >= 14 && data + 12 <= jpeg.length && jpeg[data] == 'A' && jpeg[data + 1] == 'd'
					&& jpeg[data + 2] == 'o' && jpeg[data + 3] == 'b' && jpeg[data + 4] == 'e') {
				return jpeg[data + 11] & 0xFF;
			}
			i += 2 + length;
		}
		return NO_ADOBE;
	}

	/**
	 * A four-channel JPEG raster as an RGB picture (good enough for sizes and perceptual hashes; no colour profile).
	 * With an Adobe segment the channels are stored inverted (Adobe's convention): transform 2 (YCCK) first turns
	 * Y, Cb, Cr back into the inverted C, M, Y; then R = C'·K'/255 and so on. Without one, plain CMYK:
	 * R = (255 − C)(255 − K)/255.
	 */
	static BufferedImage cmykToRgb(java.awt.image.Raster raster, int adobeTransform) {
		int w = raster.getWidth();
		int h = raster.getHeight();
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		int[] px = new int[4];
		boolean inverted = adobeTransform != NO_ADOBE;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				raster.getPixel(raster.getMinX() + x, raster.getMinY() + y, px);
				double c = px[0];
				double m = px[1];
				double ye = px[2];
				double k = px[3];
				if (adobeTransform == 2) {
					double yy = px[0];
					double cb = px[1] - 128.0;
					double cr = px[2] - 128.0;
					c = yy + 1.402 * cr;
					m = yy - 0.344136 * cb - 0.714136 * cr;
					ye = yy + 1.772 * cb;
				}
				int r;
				int g;
				int b;
				if (inverted) {
					r = clamp(c * k / 255.0);
					g = clamp(m * k / 255.0);
					b = clamp(ye * k / 255.0);
				}
				else {
					r = clamp((255 - c) * (255 - k) / 255.0);
					g = clamp((255 - m) * (255 - k) / 255.0);
					b = clamp((255 - ye) * (255 - k) / 255.0);
				}
				out.setRGB(x, y, (r << 16) | (g << 8) | b);
			}
		}
		return out;
	}

	private static int clamp(double v) {
		return (int) Math.max(0, Math.min(255, Math.round(v)));
	}

	/** The EXIF orientation (1–8; 1, upright, when absent or invalid). */
	private static int orientation(Metadata metadata) {
		ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
		if (ifd0 == null || !ifd0.containsTag(ExifDirectoryBase.TAG_ORIENTATION)) {
			return 1;
		}
		try {
			int value = ifd0.getInt(ExifDirectoryBase.TAG_ORIENTATION);
			return value >= 1 && value <= 8 ? value : 1;
		}
		catch (MetadataException ex) {
			return 1;
		}
	}

	/**
	 * The picture as it is meant to be seen, by its EXIF orientation: 2 mirrored, 3 turned half way, 4 flipped, 5
	 * transposed, 6 turned a quarter clockwise, 7 transversed, 8 turned a quarter counter-clockwise.
	 */
	static BufferedImage upright(BufferedImage image, int orientation) {
		if (orientation <= 1 || orientation > 8) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		boolean sideways = orientation >= 5;
		int outW = sideways ? h : w;
		int outH = sideways ? w : h;
		BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
		int[] source = image.getRGB(0, 0, w, h, null, 0, w);
		int[] target = new int[outW * outH];
		for (int y = 0; y < outH; y++) {
			for (int x = 0; x < outW; x++) {
				int sx;
				int sy;
				switch (orientation) {
					case 2 -> { sx = w - 1 - x; sy = y; }
					case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
					case 4 -> { sx = x; sy = h - 1 - y; }
					case 5 -> { sx = y; sy = x; }
					case 6 -> { sx = y; sy = h - 1 - x; }
					case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
					default -> { sx = w - 1 - y; sy = x; }
				}
				target[y * outW + x] = source[sy * w + sx];
			}
		}
		out.setRGB(0, 0, outW, outH, target, 0, outW);
		return out;
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
