package org.chuangwen.blobs;

import java.awt.image.BufferedImage;
import java.util.OptionalLong;

/**
 * A 64-bit difference hash (dHash) of a picture: the picture is reduced to 9 × 8 cells of average brightness (a box
 * filter, so the result does not depend on the picture's size or its JPEG noise), and each bit says whether a cell is
 * brighter than its right-hand neighbour. A resized or re-encoded copy of a photo differs in a few bits; a different
 * photo in about half of them. The hamming distance ({@link #distance}) compares two hashes.
 * <p>
 * A featureless picture (all cells within {@link #MIN_CONTRAST} levels of each other: a black frame, a wall filling the
 * view) has no hash: its bits would be noise, and every such picture would look like every other.
 */
final class PerceptualHash {

	/** The brightness range (0–255) below which a picture is featureless. */
	static final double MIN_CONTRAST = 4.0;

	private PerceptualHash() {
	}

	static OptionalLong of(BufferedImage image) {
		double[][] cells = cells(image, 9, 8);
		double min = Double.MAX_VALUE;
		double max = -Double.MAX_VALUE;
		for (double[] row : cells) {
			for (double v : row) {
				min = Math.min(min, v);
				max = Math.max(max, v);
			}
		}
		if (max - min < MIN_CONTRAST) {
			return OptionalLong.empty();
		}
		long hash = 0;
		for (int y = 0; y < 8; y++) {
			for (int x = 0; x < 8; x++) {
				hash = (hash << 1) | (cells[y][x] > cells[y][x + 1] ? 1L : 0L);
			}
		}
		return OptionalLong.of(hash);
	}

	/** How many of the 64 bits differ: 0 for the same picture, about 32 for unrelated ones. */
	static int distance(long a, long b) {
		return Long.bitCount(a ^ b);
	}

	/** The average brightness (ITU-R BT.601 luma) of each of {@code columns} × {@code rows} equal cells. */
	static double[][] cells(BufferedImage image, int columns, int rows) {
		int width = image.getWidth();
		int height = image.getHeight();
		double[][] sum = new double[rows][columns];
		double[][] weight = new double[rows][columns];
		int[] line = new int[width];
		for (int y = 0; y < height; y++) {
			image.getRGB(0, y, width, 1, line, 0, width);
			// a pixel row straddling two cell rows counts in both, by area
			double top = (double) y * rows / height;
			double bottom = (double) (y + 1) * rows / height;
			for (int x = 0; x < width; x++) {
				int rgb = line[x];
				double luma = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
				double left = (double) x * columns / width;
				double right = (double) (x + 1) * columns / width;
				for (int cy = (int) top; cy < rows && cy < bottom; cy++) {
					double h = Math.min(bottom, cy + 1) - Math.max(top, cy);
					if (h <= 0) {
						continue;
					}
					for (int cx = (int) left; cx < columns && cx < right; cx++) {
						double w = Math.min(right, cx + 1) - Math.max(left, cx);
						if (w <= 0) {
							continue;
						}
						sum[cy][cx] += luma * w * h;
						weight[cy][cx] += w * h;
					}
				}
			}
		}
		for (int cy = 0; cy < rows; cy++) {
			for (int cx = 0; cx < columns; cx++) {
				sum[cy][cx] = weight[cy][cx] == 0 ? 0 : sum[cy][cx] / weight[cy][cx];
			}
		}
		return sum;
	}
}
