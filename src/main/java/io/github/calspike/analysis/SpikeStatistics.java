package io.github.calspike.analysis;

import java.util.Arrays;

/** Noise level of a trace and discrete spikes from a rate. */
public final class SpikeStatistics {

	private SpikeStatistics() {}

	/**
	 * CASCADE's standardised noise level: nu = 100 * median(|x[t] - x[t-1]|) / sqrt(fs), for x in
	 * dF/F and fs in Hz. Comparable across frame rates; about 1 is a clean recording, 8 a noisy one.
	 *
	 * @return nu, NaN for fewer than two finite frames
	 */
	public static double noiseLevel(double[] dff, double rateHz) {
		double[] d = new double[Math.max(0, dff.length - 1)];
		int n = 0;
		for (int t = 1; t < dff.length; t++) {
			double v = Math.abs(dff[t] - dff[t - 1]);
			if (Double.isFinite(v)) d[n++] = v;
		}
		if (n == 0) return Double.NaN;
		double[] s = Arrays.copyOf(d, n);
		Arrays.sort(s);
		double median = n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
		return 100 * median / Math.sqrt(rateHz);
	}

	/**
	 * Discrete spikes from a rate: the cumulative expected count is followed by an integer count
	 * that steps up by one each time the cumulative sum passes the next half-integer, so the
	 * total number of spikes equals the rounded sum of the rate and each spike sits where the
	 * rate put its mass.
	 *
	 * @param rate expected spikes per frame (negative values count as 0)
	 * @return whole spike counts per frame
	 */
	public static double[] discreteSpikes(double[] rate) {
		double[] out = new double[rate.length];
		double cumulative = 0;
		long emitted = 0;
		for (int t = 0; t < rate.length; t++) {
			if (rate[t] > 0) cumulative += rate[t];
			long due = (long) Math.floor(cumulative + 0.5);
			out[t] = due - emitted;
			emitted = due;
		}
		return out;
	}
}
