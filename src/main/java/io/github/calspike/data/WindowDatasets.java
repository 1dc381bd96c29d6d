package io.github.calspike.data;

import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.TraceSet;

import java.io.IOException;

/**
 * Builds the tutorial's dataset properly: normalise each neuron, cut every whole window, then
 * draw a balanced sample; cached on disk so a second run with the same inputs is instant.
 */
public final class WindowDatasets {

	private WindowDatasets() {}

	/** What a build produced and whether it came from the cache. */
	public static final class Result {
		private final WindowSet windows;
		private final boolean fromCache;
		private final String key;

		Result(WindowSet windows, boolean fromCache, String key) {
			this.windows = windows;
			this.fromCache = fromCache;
			this.key = key;
		}

		/** @return the balanced windows */
		public WindowSet windows() {
			return windows;
		}

		/** @return whether the windows were read from the cache */
		public boolean fromCache() {
			return fromCache;
		}

		/** @return the cache key */
		public String key() {
			return key;
		}
	}

	/**
	 * @param traces calcium with spike counts, as read (not normalised)
	 * @param samples balanced sample size, or {@link BalancedSampler#ALL}; when the rarer class has
	 *          fewer than samples/2 windows, the sample is as large as balance allows (check the
	 *          size of the result)
	 * @param cache where to look for and store the result; null for no caching
	 * @return a balanced window sample, half of each class
	 * @throws IllegalArgumentException if a class has no windows at all
	 */
	public static Result balanced(TraceSet traces, WindowSpec spec, Normalization norm, int samples,
		long seed, DatasetCache cache) throws IOException
	{
		String key = DatasetCache.key(traces, spec, norm, samples, seed);
		if (cache != null) {
			WindowSet hit = cache.load(key).orElse(null);
			if (hit != null) return new Result(hit, true, key);
		}
		WindowSet all = Windowing.trainingWindows(norm.apply(traces), spec);
		int spikes = all.spikeCount(), most = 2 * Math.min(spikes, all.size() - spikes);
		int n = samples == BalancedSampler.ALL ? samples : Math.min(samples, most);
		WindowSet sample = all.subset(BalancedSampler.sample(all, n, seed));
		if (cache != null) cache.store(key, sample);
		return new Result(sample, false, key);
	}
}
