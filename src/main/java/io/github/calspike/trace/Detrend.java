package io.github.calspike.trace;

import java.util.Arrays;

/**
 * Removes slow drift (bleaching, baseline wander) from a trace: the baseline is the 20th
 * percentile of each 1-s block (at least 32 frames), then the lowest of those within a running window, averaged over
 * the same window, interpolated to every frame and subtracted (the baseline's median is added
 * back, so the level stays). Transients shorter than the window barely move it; activity that
 * stays raised for longer than the window is taken for drift.
 */
public final class Detrend {

	private Detrend() {}

	/** Fewest frames in a block. */
	static final int MIN_BLOCK = 32;

	/** Percentile of each block that stands for its baseline. */
	static final double BLOCK_PERCENTILE = 20;

	/**
	 * @param windowS the running window, seconds (drift slower than this is removed)
	 * @return {@code x} minus its slow baseline, plus the baseline's median (so the level is kept)
	 */
	public static double[] apply(double[] x, double rateHz, double windowS) {
		// 1-s blocks, but at least 32 frames, so that a slow recording's percentiles are stable
		int block = Math.max(MIN_BLOCK, (int) Math.round(rateHz));
		int nb = (x.length + block - 1) / block;
		if (nb < 3) return x.clone();
		double[] p = new double[nb];
		for (int b = 0; b < nb; b++) {
			double[] v = Arrays.stream(Arrays.copyOfRange(x, b * block, Math.min(x.length, (b + 1) *
				block))).filter(Double::isFinite).sorted().toArray();
			p[b] = v.length == 0 ? Double.NaN : v[(int) Math.floor(BLOCK_PERCENTILE / 100 * (v.length - 1))];
		}
		int half = Math.max(1, (int) Math.round(windowS * rateHz / block / 2));
		double[] low = new double[nb], base = new double[nb];
		for (int b = 0; b < nb; b++) {
			double m = Double.POSITIVE_INFINITY;
			for (int k = Math.max(0, b - half); k <= Math.min(nb - 1, b + half); k++) {
				if (Double.isFinite(p[k])) m = Math.min(m, p[k]);
			}
			low[b] = m;
		}
		for (int b = 0; b < nb; b++) {
			double s = 0;
			int n = 0;
			for (int k = Math.max(0, b - half); k <= Math.min(nb - 1, b + half); k++) {
				if (Double.isFinite(low[k])) {
					s += low[k];
					n++;
				}
			}
			base[b] = n > 0 ? s / n : 0;
		}
		double[] sorted = base.clone();
		Arrays.sort(sorted);
		double level = sorted[nb / 2];
		double[] out = new double[x.length];
		for (int t = 0; t < x.length; t++) {
			double pos = (t + 0.5) / block - 0.5;
			int a = (int) Math.floor(pos);
			double w = pos - a;
			int a0 = Math.max(0, Math.min(nb - 1, a)), a1 = Math.max(0, Math.min(nb - 1, a + 1));
			double bl = base[a0] + (a1 == a0 ? 0 : w * (base[a1] - base[a0]));
			out[t] = x[t] - bl + level;
		}
		return out;
	}
}
