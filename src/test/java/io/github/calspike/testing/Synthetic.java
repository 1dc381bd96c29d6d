package io.github.calspike.testing;

import io.github.calspike.trace.TraceSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded synthetic ground truth: Poisson spikes convolved with a calcium kernel, plus noise. */
public final class Synthetic {

	private Synthetic() {}

	/** @return balanced, normalised 20-bin windows of a 3-neuron synthetic recording */
	public static io.github.calspike.data.WindowSet windows(long seed, int n) throws java.io.IOException {
		return io.github.calspike.data.WindowDatasets.balanced(recording(seed, 3, 20000, 100, 0.02, 0.05),
			io.github.calspike.data.WindowSpec.defaults(), io.github.calspike.trace.Normalization.ROBUST_ZSCORE,
			n, seed, null).windows();
	}

	/**
	 * @param neurons number of neurons; neuron i has {@code frames - 37 * i} frames
	 * @param rateHz sampling rate
	 * @param spikeProbability chance of a spike in each frame
	 * @param noise sd of the Gaussian noise
	 * @return calcium = sum of spikes * (exp(-t/0.5 s) rising over 20 ms) + noise, with spikes
	 */
	public static TraceSet recording(long seed, int neurons, int frames, double rateHz,
		double spikeProbability, double noise)
	{
		Random r = new Random(seed);
		List<String> names = new ArrayList<>();
		double[][] c = new double[neurons][], s = new double[neurons][];
		double decay = Math.exp(-1 / (0.5 * rateHz)), rise = Math.exp(-1 / (0.02 * rateHz));
		for (int i = 0; i < neurons; i++) {
			int n = frames - 37 * i;
			names.add(Integer.toString(i));
			c[i] = new double[n];
			s[i] = new double[n];
			double slow = 0, fast = 0;
			for (int t = 0; t < n; t++) {
				s[i][t] = r.nextDouble() < spikeProbability ? 1 + (r.nextDouble() < 0.2 ? 1 : 0) : 0;
				slow = decay * slow + s[i][t];
				fast = rise * fast + s[i][t];
				c[i][t] = slow - fast + noise * r.nextGaussian();
			}
		}
		return new TraceSet(names, rateHz, c, s);
	}
}
