package io.github.calspike.extract;

import java.util.Arrays;

/**
 * Fluorescence baseline F0 as a running percentile, and dF/F. The window is centred on each frame
 * and shrinks at the ends of the trace; the percentile interpolates linearly between the sorted
 * values of the window (rank {@code p/100 * (n - 1)}).
 */
public final class Baseline {

	private Baseline() {}

	/**
	 * @param x a trace
	 * @param window frames in the running window (at least 1; odd windows are centred exactly)
	 * @param percentile in [0, 100]
	 * @return F0 for every frame
	 */
	public static double[] runningPercentile(double[] x, int window, double percentile) {
		if (window < 1) throw new IllegalArgumentException("window must be at least 1 frame");
		if (!(percentile >= 0 && percentile <= 100)) {
			throw new IllegalArgumentException("percentile must lie in [0, 100], got " + percentile);
		}
		int n = x.length, before = (window - 1) / 2, after = window - 1 - before;
		double[] out = new double[n];
		double[] sorted = new double[Math.min(window, n)];
		int size = 0, lo = 0, hi = -1; // the window holds x[lo..hi]
		for (int t = 0; t < n; t++) {
			int wantLo = Math.max(0, t - before), wantHi = Math.min(n - 1, t + after);
			while (lo < wantLo) size = remove(sorted, size, x[lo++]);
			while (hi < wantHi) size = insert(sorted, size, x[++hi]);
			out[t] = percentileOfSorted(sorted, size, percentile);
		}
		return out;
	}

	/**
	 * @return (F - F0) / F0 frame by frame
	 * @throws IllegalArgumentException naming the first frame where F0 is not positive
	 */
	public static double[] deltaFOverF(double[] f, double[] f0) {
		return deltaFOverF(f, f0, f0);
	}

	/**
	 * @return (F - F0) / D frame by frame, for a denominator D (usually F0 itself)
	 * @throws IllegalArgumentException naming the first frame where D is not positive
	 */
	public static double[] deltaFOverF(double[] f, double[] f0, double[] denominator) {
		double[] out = new double[f.length];
		for (int t = 0; t < f.length; t++) {
			if (!(denominator[t] > 0)) {
				throw new IllegalArgumentException("baseline is " + denominator[t] + " at frame " + (t +
					1) + "; dF/F needs a positive baseline");
			}
			out[t] = (f[t] - f0[t]) / denominator[t];
		}
		return out;
	}

	private static double percentileOfSorted(double[] s, int n, double p) {
		double rank = p / 100 * (n - 1);
		int i = (int) Math.floor(rank);
		if (i >= n - 1) return s[n - 1];
		return s[i] + (rank - i) * (s[i + 1] - s[i]);
	}

	private static int insert(double[] s, int n, double v) {
		int at = Arrays.binarySearch(s, 0, n, v);
		if (at < 0) at = -at - 1;
		System.arraycopy(s, at, s, at + 1, n - at);
		s[at] = v;
		return n + 1;
	}

	private static int remove(double[] s, int n, double v) {
		int at = Arrays.binarySearch(s, 0, n, v);
		if (at < 0) throw new IllegalStateException("value not in window");
		System.arraycopy(s, at + 1, s, at, n - at - 1);
		return n - 1;
	}
}
