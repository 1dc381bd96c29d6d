package io.github.calspike.extract;

import java.util.Arrays;

/**
 * The pixels of one region of interest in a {@code width x height} frame, as sorted linear
 * indices {@code y * width + x}. Immutable.
 */
public final class RoiMask {

	private final String name;
	private final int width;
	private final int height;
	private final int[] indices;

	/**
	 * Creates a mask from linear pixel indices (duplicates are removed).
	 *
	 * @throws IllegalArgumentException if an index lies outside the frame
	 */
	public RoiMask(String name, int width, int height, int[] indices) {
		if (width <= 0 || height <= 0) throw new IllegalArgumentException("frame size must be positive");
		int[] s = Arrays.stream(indices).sorted().distinct().toArray();
		long n = (long) width * height;
		if (s.length > 0 && (s[0] < 0 || s[s.length - 1] >= n)) {
			throw new IllegalArgumentException(name + ": pixel index outside a " + width + "x" + height +
				" frame");
		}
		this.name = name;
		this.width = width;
		this.height = height;
		this.indices = s;
	}

	/**
	 * Creates a mask from pixel coordinates, keeping the pixels inside the frame.
	 *
	 * @return the mask, possibly empty; compare {@link #size()} with {@code xs.length} to see how
	 *         many pixels lay outside
	 */
	public static RoiMask fromPixels(String name, int width, int height, int[] xs, int[] ys) {
		if (xs.length != ys.length) throw new IllegalArgumentException("xs and ys differ in length");
		int[] idx = new int[xs.length];
		int k = 0;
		for (int i = 0; i < xs.length; i++) {
			if (xs[i] >= 0 && ys[i] >= 0 && xs[i] < width && ys[i] < height) {
				idx[k++] = ys[i] * width + xs[i];
			}
		}
		return new RoiMask(name, width, height, Arrays.copyOf(idx, k));
	}

	/** @return the region's name (ROI name, Neurofinder id or label value) */
	public String name() {
		return name;
	}

	/** @return the frame width in pixels */
	public int width() {
		return width;
	}

	/** @return the frame height in pixels */
	public int height() {
		return height;
	}

	/** @return the number of pixels */
	public int size() {
		return indices.length;
	}

	/** @return whether the mask has no pixels */
	public boolean isEmpty() {
		return indices.length == 0;
	}

	/** @return a copy of the sorted linear indices {@code y * width + x} */
	public int[] indices() {
		return indices.clone();
	}

	int[] indicesUnsafe() {
		return indices;
	}

	/** @return the centroid {x, y} in pixels (pixel centres), NaN for an empty mask */
	public double[] centroid() {
		double sx = 0, sy = 0;
		for (int i : indices) {
			sx += i % width;
			sy += i / width;
		}
		return new double[] { sx / indices.length, sy / indices.length };
	}

	@Override
	public String toString() {
		return "ROI " + name + " (" + indices.length + " px)";
	}
}
