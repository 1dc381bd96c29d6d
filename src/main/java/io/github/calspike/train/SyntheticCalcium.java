package io.github.calspike.train;

import java.util.Random;

/**
 * Calcium simulated from recorded spike counts with a random indicator, for training the rate
 * network on more indicators than its ground truth was recorded with. Each call draws one
 * indicator and one recording: a double-exponential kernel (rise 5-100 ms, decay 0.3-1.5 s, both
 * log-uniform), a per-spike amplitude of 0.1-2 noise sds (log-uniform), a supralinearity
 * {@code c + q c^2} with q uniform in [0, 0.5] (c in single-spike peaks), white Gaussian noise of
 * sd 1 and, half of the time, a slow drift of up to 2 noise sds. The calcium is simulated from
 * up to five decay times before the crop, so the crop starts in a steady state.
 */
final class SyntheticCalcium {

	static final double RISE_MIN_S = 0.005, RISE_MAX_S = 0.1;
	static final double DECAY_MIN_S = 0.3, DECAY_MAX_S = 1.5;
	static final double AMPLITUDE_MIN = 0.1, AMPLITUDE_MAX = 2;
	static final double SUPRALINEAR_MAX = 0.5;
	static final double DRIFT_MAX = 2;

	private SyntheticCalcium() {}

	/**
	 * @param spikes spike counts per frame of one neuron
	 * @param from first frame of the crop
	 * @param len frames in the crop
	 * @param rateHz frames per second
	 * @return the simulated raw fluorescence of frames {@code from .. from+len-1}, in noise sds
	 *         around 0 (normalise it like recorded calcium)
	 */
	static double[] simulate(float[] spikes, int from, int len, double rateHz, Random rnd) {
		double rise = logUniform(RISE_MIN_S, RISE_MAX_S, rnd) * rateHz;
		double decay = logUniform(DECAY_MIN_S, DECAY_MAX_S, rnd) * rateHz;
		if (rise >= decay) rise = decay / 2;
		double amplitude = logUniform(AMPLITUDE_MIN, AMPLITUDE_MAX, rnd);
		double q = SUPRALINEAR_MAX * rnd.nextDouble();
		double ad = Math.exp(-1 / decay), ar = Math.exp(-1 / rise);
		// peak of one spike's response (ad^k - ar^k), to express c in single-spike peaks
		double peak = 0, pd = 1, pr = 1;
		for (int k = 0; k < 10 * decay + 10; k++, pd *= ad, pr *= ar) peak = Math.max(peak, pd - pr);
		int start = Math.max(0, from - (int) Math.ceil(5 * decay));
		double cd = 0, cr = 0;
		double[] out = new double[len];
		double drift = rnd.nextBoolean() ? DRIFT_MAX * rnd.nextDouble() : 0;
		double driftPeriod = len * (0.5 + 2 * rnd.nextDouble()), phase = 2 * Math.PI * rnd
			.nextDouble();
		for (int t = start; t < from + len; t++) {
			cd = ad * cd + spikes[t];
			cr = ar * cr + spikes[t];
			if (t < from) continue;
			double c = (cd - cr) / peak;
			int i = t - from;
			out[i] = amplitude * (c + q * c * c) + rnd.nextGaussian() + drift * Math.sin(phase + 2 *
				Math.PI * i / driftPeriod);
		}
		return out;
	}

	private static double logUniform(double lo, double hi, Random rnd) {
		return Math.exp(Math.log(lo) + rnd.nextDouble() * (Math.log(hi) - Math.log(lo)));
	}
}
