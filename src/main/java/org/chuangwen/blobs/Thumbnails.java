package org.chuangwen.blobs;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;

/** Scales a picture down to a JPEG thumbnail (a CMYK or YCCK JPEG converted to RGB first, as {@link PhotoReader}). */
final class Thumbnails {

	private Thumbnails() {
	}

	/** The picture as a JPEG with its longer side {@code maxPixels}; null when already that small or not decodable. */
	static byte[] scaled(byte[] content, int maxPixels) {
		BufferedImage image = decode(content);
		if (image == null || Math.max(image.getWidth(), image.getHeight()) <= maxPixels) {
			return null;
		}
		double scale = (double) maxPixels / Math.max(image.getWidth(), image.getHeight());
		int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
		int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
		BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = small.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.setColor(java.awt.Color.WHITE);
			g.fillRect(0, 0, w, h);
			g.drawImage(image, 0, 0, w, h, null);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			return ImageIO.write(small, "jpeg", out) ? out.toByteArray() : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static BufferedImage decode(byte[] content) {
		if (PhotoReader.jpegComponents(content) == 4) {
			return PhotoReader.cmykImage(content);
		}
		try {
			return ImageIO.read(new ByteArrayInputStream(content));
		}
		catch (IIOException ex) {
			return PhotoReader.cmykImage(content);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}
}
