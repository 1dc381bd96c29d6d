package io.github.calspike.trace;

/**
 * Changes a trace's sampling rate by linear interpolation between neighbouring frames. Frame k at
 * rate r lies at time k / r; a new frame takes the linear interpolation of the two input frames
 * around its time (the last input frame beyond the end). Resampling to the model's rate and back
 * gives one value per original frame.
 */
public final class Resampling {

	private Resampling() {}

	/** @return how many frames a trace of {@code frames} frames has at the new rate (at least 1) */
	public static int length(int frames, double fromHz, double toHz) {
		return Math.max(1, (int) Math.round(frames * toHz / fromHz));
	}

	/**
	 * @param x values sampled at {@code fromHz}
	 * @return the values at {@code toHz}, {@link #length} of them; x itself (copied) if the rates
	 *         are equal
	 */
	public static double[] resample(double[] x, double fromHz, double toHz) {
		return resample(x, fromHz, toHz, length(x.length, fromHz, toHz));
	}

	/** @return {@code n} values at {@code toHz}, interpolated from {@code x} at {@code fromHz} */
	public static double[] resample(double[] x, double fromHz, double toHz, int n) {
		if (!(fromHz > 0) || !(toHz > 0)) {
			throw new IllegalArgumentException("Rates must be positive: " + fromHz + ", " + toHz);
		}
		if (fromHz == toHz && n == x.length) return x.clone();
		double[] out = new double[n];
		int last = x.length - 1;
		for (int k = 0; k < n; k++) {
			double pos = k * fromHz / toHz;
			int i = (int) Math.floor(pos);
			if (i >= last) out[k] = x[last];
			else {
				double f = pos - i;
				out[k] = x[i] + f * (x[i + 1] - x[i]);
			}
		}
		return out;
	}

	/**
	 * @return {@code x} recorded again at the slower {@code toHz}: frame j is the mean (or, with
	 *         {@code sum}, the sum) of the frames [j p, (j + 1) p) of {@code x}, p = fromHz / toHz,
	 *         as a slower camera or scan records it; whole slow frames only
	 */
	public static double[] slower(double[] x, double fromHz, double toHz, boolean sum) {
		double per = fromHz / toHz;
		int n = (int) Math.floor(x.length / per);
		double[] out = new double[n];
		int[] count = new int[n];
		for (int k = 0; k < x.length; k++) {
			int j = (int) Math.floor(k / per);
			if (j >= n) break;
			out[j] += x[k];
			count[j]++;
		}
		if (!sum) for (int j = 0; j < n; j++) out[j] /= Math.max(1, count[j]);
		return out;
	}
}
