package io.github.calspike.detect;

import io.github.calspike.extract.FrameSource;
import io.github.calspike.progress.Progress;

import java.util.Arrays;

/**
 * Per-pixel summaries of a movie, computed in one streamed pass: the mean, the standard deviation
 * over time, the maximum of the movie averaged over {@link #MAX_BIN} frames, and the local
 * correlation image (each pixel's mean Pearson correlation over time with its 8 neighbours, after
 * removing each pixel's slow baseline, a running mean over {@link #HIGH_PASS_FRAMES} frames).
 * Images are row by row, x fastest, {@link #width} x {@link #height} values.
 */
public final class SummaryImages {

	/** Frames averaged before the maximum is taken (noise in single frames would dominate it). */
	public static final int MAX_BIN = 4;
	/** Length of the running mean removed from each pixel before correlating (frames). */
	public static final int HIGH_PASS_FRAMES = 64;

	/** Image width and height in pixels. */
	public final int width, height;
	/** Mean over frames. */
	public final float[] mean;
	/** Standard deviation over frames (of the high-passed movie). */
	public final float[] std;
	/** Maximum over frames of {@link #MAX_BIN}-frame averages, minus the mean. */
	public final float[] max;
	/** Mean correlation with the 8 neighbours, in [-1, 1]. */
	public final float[] correlation;

	private SummaryImages(int width, int height, float[] mean, float[] std, float[] max,
		float[] correlation)
	{
		this.width = width;
		this.height = height;
		this.mean = mean;
		this.std = std;
		this.max = max;
		this.correlation = correlation;
	}

	/**
	 * Computes the summaries of {@code movie} in one pass, holding {@link #HIGH_PASS_FRAMES} frames.
	 *
	 * @param progress told every 16 frames; it may stop the work by throwing a
	 *        {@link java.util.concurrent.CancellationException}
	 * @throws IllegalArgumentException when the movie has fewer than 8 frames
	 */
	public static SummaryImages of(FrameSource movie, Progress progress) {
		int w = movie.width(), h = movie.height(), n = movie.frames(), np = w * h;
		if (n < 8) {
			throw new IllegalArgumentException("the movie has " + n + " frame(s); detecting neurons needs " +
				"at least 8 (their activity over time is what sets them apart)");
		}
		int win = Math.min(HIGH_PASS_FRAMES, n);
		float[][] ring = new float[win][np];
		double[] runSum = new double[np];
		double[] sum = new double[np];
		// First pass over the first window fills the running mean; frame t is centred in its window.
		double[] s1 = new double[np], s2 = new double[np];
		double[][] cross = new double[4][np]; // right, down, down-right, down-left
		float[] binSum = new float[np], max = new float[np];
		Arrays.fill(max, Float.NEGATIVE_INFINITY);
		float[] hp = new float[np];
		int half = win / 2, binCount = 0;
		// Read frames ahead so that each high-passed frame is centred in its running window.
		int read = 0;
		for (; read < win; read++) {
			movie.pixels(read, ring[read]);
			add(runSum, ring[read], 1);
		}
		for (int t = 0; t < n; t++) {
			if ((t & 15) == 0) progress.steps(t, n, "frame");
			// The window [lo, lo + win) holds frame t, centred where the movie allows it.
			int lo = Math.max(0, Math.min(t - half, n - win));
			while (read < lo + win) {
				float[] old = ring[(read - win) % win];
				add(runSum, old, -1);
				movie.pixels(read, old);
				add(runSum, old, 1);
				read++;
			}
			float[] f = ring[t % win];
			for (int i = 0; i < np; i++) {
				sum[i] += f[i];
				double v = f[i] - runSum[i] / win;
				hp[i] = (float) v;
				s1[i] += v;
				s2[i] += v * v;
				binSum[i] += f[i];
			}
			if (++binCount == MAX_BIN || t == n - 1) {
				for (int i = 0; i < np; i++) {
					max[i] = Math.max(max[i], binSum[i] / binCount);
					binSum[i] = 0;
				}
				binCount = 0;
			}
			crossProducts(hp, w, h, cross);
		}
		progress.steps(n, n, "frame");
		float[] mean = new float[np], std = new float[np], corr = new float[np];
		double[] sd = new double[np];
		for (int i = 0; i < np; i++) {
			mean[i] = (float) (sum[i] / n);
			double m = s1[i] / n;
			sd[i] = Math.sqrt(Math.max(0, s2[i] / n - m * m));
			std[i] = (float) sd[i];
			max[i] -= mean[i];
		}
		double[] corrSum = new double[np];
		int[] count = new int[np];
		int[][] offsets = { { 1, 0 }, { 0, 1 }, { 1, 1 }, { -1, 1 } };
		for (int d = 0; d < 4; d++) {
			int dx = offsets[d][0], dy = offsets[d][1];
			for (int y = 0; y + dy < h; y++) {
				for (int x = Math.max(0, -dx); x < w && x + dx < w; x++) {
					int i = y * w + x, j = (y + dy) * w + x + dx;
					double c = correlation(cross[d][i], s1[i], s1[j], sd[i], sd[j], n);
					corrSum[i] += c;
					corrSum[j] += c;
					count[i]++;
					count[j]++;
				}
			}
		}
		for (int i = 0; i < np; i++) corr[i] = count[i] == 0 ? 0 : (float) (corrSum[i] / count[i]);
		return new SummaryImages(w, h, mean, std, max, corr);
	}

	private static double correlation(double sxy, double sx, double sy, double sdx, double sdy,
		int n)
	{
		if (sdx <= 0 || sdy <= 0) return 0;
		double cov = sxy / n - (sx / n) * (sy / n);
		return Math.max(-1, Math.min(1, cov / (sdx * sdy)));
	}

	private static void crossProducts(float[] v, int w, int h, double[][] cross) {
		for (int y = 0; y < h; y++) {
			int row = y * w;
			boolean down = y + 1 < h;
			for (int x = 0; x < w; x++) {
				int i = row + x;
				double a = v[i];
				if (x + 1 < w) cross[0][i] += a * v[i + 1];
				if (down) {
					cross[1][i] += a * v[i + w];
					if (x + 1 < w) cross[2][i] += a * v[i + w + 1];
					if (x > 0) cross[3][i] += a * v[i + w - 1];
				}
			}
		}
	}

	private static void add(double[] acc, float[] f, int sign) {
		for (int i = 0; i < acc.length; i++) acc[i] += sign * f[i];
	}
}
