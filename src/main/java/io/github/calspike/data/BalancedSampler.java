package io.github.calspike.data;

import java.util.Arrays;
import java.util.Random;

/**
 * Draws a balanced sample: N/2 "spike" and N/2 "no spike" windows, without replacement, in a
 * shuffled order that depends only on the seed.
 */
public final class BalancedSampler {

	/** The tutorial's sample size. */
	public static final int DEFAULT_SAMPLES = 10_000;
	/** Sample size meaning "as many as balance allows": twice the rarer class. */
	public static final int ALL = 0;

	private BalancedSampler() {}

	/**
	 * @param windows the pool
	 * @param n the sample size, even; {@link #ALL} for twice the size of the rarer class
	 * @param seed random seed
	 * @return indices into {@code windows}: n/2 of each class, shuffled
	 * @throws IllegalArgumentException if a class has fewer than n/2 windows
	 */
	public static int[] sample(WindowSet windows, int n, long seed) {
		int[] spike = windows.indicesWithLabel(true);
		int[] quiet = windows.indicesWithLabel(false);
		int half = n == ALL ? Math.min(spike.length, quiet.length) : n / 2;
		if (n < 0 || n % 2 != 0) {
			throw new IllegalArgumentException("Balanced sample size must be even and >= 0, got " + n);
		}
		if (half > spike.length || half > quiet.length) {
			throw new IllegalArgumentException("Cannot draw " + half + " windows of each class: there" +
				" are " + spike.length + " spike and " + quiet.length + " no-spike windows (at most " +
				2 * Math.min(spike.length, quiet.length) + " balanced samples; use 'all')");
		}
		if (half == 0) {
			throw new IllegalArgumentException("No balanced sample possible: " + spike.length +
				" spike and " + quiet.length + " no-spike windows");
		}
		Random rnd = new Random(seed);
		int[] out = new int[2 * half];
		System.arraycopy(pick(spike, half, rnd), 0, out, 0, half);
		System.arraycopy(pick(quiet, half, rnd), 0, out, half, half);
		shuffle(out, rnd);
		return out;
	}

	/** Partial Fisher-Yates: the first k of a shuffled copy. */
	private static int[] pick(int[] pool, int k, Random rnd) {
		int[] a = pool.clone();
		for (int i = 0; i < k; i++) {
			int j = i + rnd.nextInt(a.length - i);
			int t = a[i];
			a[i] = a[j];
			a[j] = t;
		}
		return Arrays.copyOf(a, k);
	}

	/** Shuffles {@code a} in place (Fisher-Yates), reproducibly for a given generator state. */
	public static void shuffle(int[] a, Random rnd) {
		for (int i = a.length - 1; i > 0; i--) {
			int j = rnd.nextInt(i + 1);
			int t = a[i];
			a[i] = a[j];
			a[j] = t;
		}
	}
}
