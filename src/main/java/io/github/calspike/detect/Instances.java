package io.github.calspike.detect;

import io.github.calspike.extract.RoiMask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Image operations that turn a per-pixel map (a correlation image or a network's cell map) into
 * neuron instances: Gaussian smoothing, local maxima as seeds, and a seeded watershed that floods
 * from the seeds in order of decreasing value. Images are row by row, x fastest.
 */
public final class Instances {

	private Instances() {}

	/** @return {@code image} smoothed by a Gaussian of {@code sigma} px (edges mirrored) */
	public static float[] gaussian(float[] image, int w, int h, double sigma) {
		if (sigma <= 0) return image.clone();
		int r = (int) Math.ceil(3 * sigma);
		float[] k = new float[2 * r + 1];
		double s = 0;
		for (int i = -r; i <= r; i++) s += k[i + r] = (float) Math.exp(-i * i / (2 * sigma * sigma));
		for (int i = 0; i < k.length; i++) k[i] /= s;
		float[] tmp = new float[w * h], out = new float[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double v = 0;
				for (int i = -r; i <= r; i++) v += k[i + r] * image[y * w + mirror(x + i, w)];
				tmp[y * w + x] = (float) v;
			}
		}
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double v = 0;
				for (int i = -r; i <= r; i++) v += k[i + r] * tmp[mirror(y + i, h) * w + x];
				out[y * w + x] = (float) v;
			}
		}
		return out;
	}

	private static int mirror(int i, int n) {
		if (n == 1) return 0;
		while (i < 0 || i >= n) i = i < 0 ? -i : 2 * n - 2 - i;
		return i;
	}

	/**
	 * @return pixel indices of local maxima: values above {@code threshold} that are the largest
	 *         within {@code radius} px (ties go to the first pixel), strongest first
	 */
	public static int[] peaks(float[] v, int w, int h, double threshold, int radius) {
		List<Integer> out = new ArrayList<>();
		int r2 = radius * radius;
		for (int y = 0; y < h; y++) {
			pixels:
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				float c = v[i];
				if (!(c > threshold)) continue;
				for (int dy = -radius; dy <= radius; dy++) {
					int yy = y + dy;
					if (yy < 0 || yy >= h) continue;
					for (int dx = -radius; dx <= radius; dx++) {
						int xx = x + dx;
						if (xx < 0 || xx >= w || dx * dx + dy * dy > r2 || (dx == 0 && dy == 0)) continue;
						float o = v[yy * w + xx];
						if (o > c || (o == c && yy * w + xx < i)) continue pixels;
					}
				}
				out.add(i);
			}
		}
		return out.stream().sorted((a, b) -> Float.compare(v[b], v[a])).mapToInt(Integer::intValue)
			.toArray();
	}

	/**
	 * Seeded watershed: floods from each seed to 4-connected pixels in order of decreasing value,
	 * accepting a pixel when its value is at least {@code floor} and at least {@code relative}
	 * times its seed's value, and it lies within {@code maxRadius} px of the seed.
	 *
	 * @return labels 1..seeds.length per pixel (0 = none), seed k getting label k + 1
	 */
	public static int[] watershed(float[] v, int w, int h, int[] seeds, double floor,
		double relative, double maxRadius)
	{
		int[] label = new int[w * h];
		PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(b[0],
			a[0]) : Long.compare(a[1], b[1]));
		long order = 0;
		double r2 = maxRadius * maxRadius;
		for (int k = 0; k < seeds.length; k++) {
			label[seeds[k]] = k + 1;
			queue.add(new long[] { key(v[seeds[k]]), order++, seeds[k] });
		}
		int[] dx = { 1, -1, 0, 0 }, dy = { 0, 0, 1, -1 };
		while (!queue.isEmpty()) {
			long[] e = queue.poll();
			int i = (int) e[2], l = label[i], x = i % w, y = i / w;
			int s = seeds[l - 1];
			double need = Math.max(floor, relative * v[s]);
			for (int d = 0; d < 4; d++) {
				int xx = x + dx[d], yy = y + dy[d];
				if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
				int j = yy * w + xx;
				if (label[j] != 0 || v[j] < need) continue;
				int sx = s % w - xx, sy = s / w - yy;
				if (sx * sx + sy * sy > r2) continue;
				label[j] = l;
				queue.add(new long[] { key(v[j]), order++, j });
			}
		}
		return label;
	}

	private static long key(float value) {
		// order-preserving integer for floats (larger value, larger key)
		int bits = Float.floatToIntBits(value);
		return bits >= 0 ? bits : bits ^ 0x7fffffff;
	}

	/**
	 * @return one mask per label 1..n with at least {@code minArea} pixels, named 1..N in label
	 *         order; {@code kept[k]} is set to whether label k + 1 was kept
	 */
	public static List<RoiMask> masks(int[] label, int w, int h, int n, int minArea, boolean[] kept) {
		int[] count = new int[n + 1];
		for (int l : label) count[l]++;
		int[][] idx = new int[n + 1][];
		for (int l = 1; l <= n; l++) idx[l] = new int[count[l]];
		int[] fill = new int[n + 1];
		for (int i = 0; i < label.length; i++) {
			if (label[i] > 0) idx[label[i]][fill[label[i]]++] = i;
		}
		List<RoiMask> out = new ArrayList<>();
		for (int l = 1; l <= n; l++) {
			boolean keep = count[l] >= minArea;
			if (kept != null) kept[l - 1] = keep;
			if (keep) out.add(new RoiMask(String.valueOf(out.size() + 1), w, h, idx[l]));
		}
		return out;
	}

	/** @return {@code v} scaled robustly: (v - median) / (99th - 1st percentile) */
	public static float[] robustScale(float[] v) {
		float[] s = v.clone();
		Arrays.sort(s);
		double med = s[s.length / 2], lo = s[(int) (0.01 * (s.length - 1))], hi = s[(int) (0.99 * (s
			.length - 1))];
		double range = hi - lo > 0 ? hi - lo : 1;
		float[] out = new float[v.length];
		for (int i = 0; i < v.length; i++) out[i] = (float) ((v[i] - med) / range);
		return out;
	}
}
