package org.chuangwen.blobs;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Real photos for tests: a seeded picture drawn with Java2D, written as JPEG (ImageIO) or PNG, and an EXIF APP1 segment
 * (TIFF, big-endian) with DateTimeOriginal, OffsetTimeOriginal and GPS latitude/longitude inserted after the JPEG's SOI.
 * Other modules' tests may use it for evidence photos ({@code TestPhotos.jpegWithExif(...)}).
 */
public final class TestPhotos {

	private TestPhotos() {
	}

	/** A picture: a gradient sky, ground and a few dozen coloured shapes placed by the seed. */
	public static BufferedImage scene(long seed, int width, int height) {
		// java.util.Random gives close first values for adjacent seeds (seed and seed + 1 would draw similar scenes):
		// mix the seed first.
		Random random = new Random(new SplittableRandom(seed).nextLong());
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xFFFFFF)), width, height,
				new Color(random.nextInt(0xFFFFFF))));
		g.fillRect(0, 0, width, height);
		for (int i = 0; i < 40; i++) {
			g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
			int w = width / 10 + random.nextInt(width / 3);
			int h = height / 10 + random.nextInt(height / 3);
			int x = random.nextInt(width) - w / 2;
			int y = random.nextInt(height) - h / 2;
			if (random.nextBoolean()) {
				g.fillOval(x, y, w, h);
			}
			else {
				g.fillRect(x, y, w, h);
			}
		}
		g.dispose();
		return image;
	}

	/** A copy scaled by {@code factor} (bilinear), like a messaging app's re-sent photo. */
	public static BufferedImage resized(BufferedImage image, double factor) {
		int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
		int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
		BufferedImage copy = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = copy.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.drawImage(image, 0, 0, w, h, null);
		g.dispose();
		return copy;
	}

	public static byte[] jpeg(BufferedImage image, float quality) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	public static byte[] png(BufferedImage image) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A JPEG of the seeded scene carrying EXIF: capture time (local camera time), its UTC offset ("+08:00", or null for
	 * none) and a GPS position (null lat/lng for none).
	 */
	public static byte[] jpegWithExif(long seed, LocalDateTime takenAt, String offset, Double latitude, Double longitude) {
		return withExif(jpeg(scene(seed, 640, 480), 0.85f), takenAt, offset, latitude, longitude);
	}

	/** The JPEG with an EXIF APP1 segment inserted right after its SOI marker. */
	public static byte[] withExif(byte[] jpeg, LocalDateTime takenAt, String offset, Double latitude, Double longitude) {
		return withExif(jpeg, takenAt, offset, latitude, longitude, null);
	}

	/**
	 * The JPEG with an EXIF APP1 segment carrying also an orientation (1–8, as cameras write it: 6 means "turn a
	 * quarter clockwise to view").
	 */
	public static byte[] withExif(byte[] jpeg, LocalDateTime takenAt, String offset, Double latitude, Double longitude,
			Integer orientation) {
		if ((jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
			throw new IllegalArgumentException("not a JPEG");
		}
		byte[] tiff = tiff(takenAt, offset, latitude, longitude, orientation);
		byte[] header = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
		int length = 2 + header.length + tiff.length;
		ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length).order(ByteOrder.BIG_ENDIAN);
		out.put(jpeg, 0, 2);
		out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length);
		out.put(header).put(tiff);
		out.put(jpeg, 2, jpeg.length - 2);
		return out.array();
	}

	private record Entry(int tag, int type, int count, byte[] value) {
	}

	private static final int BYTE = 1;

	private static final int ASCII = 2;

	private static final int LONG = 4;

	private static final int RATIONAL = 5;

	/** The picture turned a quarter counter-clockwise: what a camera held upright stores, with orientation 6. */
	public static BufferedImage turnedCounterClockwise(BufferedImage image) {
		int w = image.getWidth();
		int h = image.getHeight();
		BufferedImage out = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				out.setRGB(y, w - 1 - x, image.getRGB(x, y));
			}
		}
		return out;
	}

	/** The picture turned half way round: stored with orientation 3. */
	public static BufferedImage turnedHalfWay(BufferedImage image) {
		int w = image.getWidth();
		int h = image.getHeight();
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				out.setRGB(w - 1 - x, h - 1 - y, image.getRGB(x, y));
			}
		}
		return out;
	}

	static byte[] tiff(LocalDateTime takenAt, String offset, Double latitude, Double longitude) {
		return tiff(takenAt, offset, latitude, longitude, null);
	}

	static byte[] tiff(LocalDateTime takenAt, String offset, Double latitude, Double longitude, Integer orientation) {
		List<Entry> exif = new ArrayList<>();
		if (takenAt != null) {
			exif.add(ascii(0x9003, takenAt.format(DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss"))));
		}
		if (offset != null) {
			exif.add(ascii(0x9011, offset));
		}
		List<Entry> gps = new ArrayList<>();
		if (latitude != null && longitude != null) {
			gps.add(new Entry(0x0000, BYTE, 4, new byte[] { 2, 3, 0, 0 }));
			gps.add(ascii(0x0001, latitude < 0 ? "S" : "N"));
			gps.add(new Entry(0x0002, RATIONAL, 3, degrees(Math.abs(latitude))));
			gps.add(ascii(0x0003, longitude < 0 ? "W" : "E"));
			gps.add(new Entry(0x0004, RATIONAL, 3, degrees(Math.abs(longitude))));
		}
		// IFD0 holds the camera's name and pointers to the Exif and GPS IFDs, which follow it
		int pointers = (exif.isEmpty() ? 0 : 1) + (gps.isEmpty() ? 0 : 1);
		List<Entry> sizing = new ArrayList<>();
		sizing.add(ascii(0x010F, "Chuangwen test camera"));
		if (orientation != null) {
			sizing.add(shortValue(0x0112, orientation));
		}
		for (int i = 0; i < pointers; i++) {
			sizing.add(longValue(0x8769 + i, 0));
		}
		int exifAt = 8 + size(sizing);
		int gpsAt = exifAt + (exif.isEmpty() ? 0 : size(exif));
		List<Entry> ifd0 = new ArrayList<>();
		ifd0.add(ascii(0x010F, "Chuangwen test camera"));
		if (orientation != null) {
			ifd0.add(shortValue(0x0112, orientation));
		}
		if (!exif.isEmpty()) {
			ifd0.add(longValue(0x8769, exifAt));
		}
		if (!gps.isEmpty()) {
			ifd0.add(longValue(0x8825, gpsAt));
		}
		ByteBuffer out = ByteBuffer.allocate(8 + size(ifd0) + (exif.isEmpty() ? 0 : size(exif)) + (gps.isEmpty() ? 0 : size(gps)))
			.order(ByteOrder.BIG_ENDIAN);
		out.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
		write(out, ifd0);
		if (!exif.isEmpty()) {
			write(out, exif);
		}
		if (!gps.isEmpty()) {
			write(out, gps);
		}
		return out.array();
	}

	private static Entry ascii(int tag, String text) {
		byte[] bytes = (text + "\0").getBytes(StandardCharsets.US_ASCII);
		return new Entry(tag, ASCII, bytes.length, bytes);
	}

	private static Entry shortValue(int tag, int value) {
		return new Entry(tag, 3, 1, ByteBuffer.allocate(2).putShort((short) value).array());
	}

	private static Entry longValue(int tag, int value) {
		return new Entry(tag, LONG, 1, ByteBuffer.allocate(4).putInt(value).array());
	}

	/** Degrees as three rationals: degrees/1, minutes/1, seconds×10000/10000. */
	private static byte[] degrees(double value) {
		long deg = (long) Math.floor(value);
		double minutesFull = (value - deg) * 60;
		long minutes = (long) Math.floor(minutesFull);
		long seconds = Math.round((minutesFull - minutes) * 60 * 10000);
		return ByteBuffer.allocate(24).putInt((int) deg).putInt(1).putInt((int) minutes).putInt(1).putInt((int) seconds)
			.putInt(10000).array();
	}

	private static int size(List<Entry> ifd) {
		int size = 2 + 12 * ifd.size() + 4;
		for (Entry e : ifd) {
			if (e.value().length > 4) {
				size += e.value().length + (e.value().length & 1);
			}
		}
		return size;
	}

	/** Writes an IFD at the buffer's position (offsets count from the TIFF header, i.e. the buffer's start). */
	private static void write(ByteBuffer out, List<Entry> entries) {
		List<Entry> ifd = new ArrayList<>(entries);
		ifd.sort(Comparator.comparingInt(Entry::tag));
		int start = out.position();
		int dataAt = start + 2 + 12 * ifd.size() + 4;
		out.putShort((short) ifd.size());
		for (Entry e : ifd) {
			out.putShort((short) e.tag()).putShort((short) e.type()).putInt(e.count());
			if (e.value().length <= 4) {
				byte[] inline = new byte[4];
				System.arraycopy(e.value(), 0, inline, 0, e.value().length);
				out.put(inline);
			}
			else {
				out.putInt(dataAt);
				dataAt += e.value().length + (e.value().length & 1);
			}
		}
		out.putInt(0);
		for (Entry e : ifd) {
			if (e.value().length > 4) {
				out.put(e.value());
				if ((e.value().length & 1) == 1) {
					out.put((byte) 0);
				}
			}
		}
	}
}
