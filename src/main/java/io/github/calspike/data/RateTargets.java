package io.github.calspike.data;

/**
 * Training targets of the spike-rate model: spike counts smoothed with a normalised Gaussian
 * kernel, so the target keeps the number of spikes (expected spikes per frame) while tolerating
 * small timing errors.
 */
public final class RateTargets {

	/** Default Gaussian smoothing of the target spike counts, in seconds. */
	public static final double DEFAULT_SMOOTHING_S = 0.1;

	private RateTargets() {}

	/**
	 * @param spikes spike counts per frame
	 * @param sigmaFrames the Gaussian's standard deviation in frames; 0 returns a copy
	 * @return the smoothed counts, same length; the kernel is truncated at 4 sigma and renormalised
	 *         at the trace's ends so that no spike is lost
	 */
	public static double[] smooth(double[] spikes, double sigmaFrames) {
		if (sigmaFrames < 0) throw new IllegalArgumentException("sigma must be >= 0");
		if (sigmaFrames == 0) return spikes.clone();
		int r = (int) Math.ceil(4 * sigmaFrames);
		double[] k = new double[2 * r + 1];
		for (int i = -r; i <= r; i++) k[i + r] = Math.exp(-0.5 * i * i / (sigmaFrames * sigmaFrames));
		double[] out = new double[spikes.length];
		for (int t = 0; t < spikes.length; t++) {
			if (spikes[t] == 0) continue;
			int a = Math.max(0, t - r), b = Math.min(spikes.length - 1, t + r);
			double norm = 0;
			for (int u = a; u <= b; u++) norm += k[u - t + r];
			for (int u = a; u <= b; u++) out[u] += spikes[t] * k[u - t + r] / norm;
		}
		return out;
	}
}
