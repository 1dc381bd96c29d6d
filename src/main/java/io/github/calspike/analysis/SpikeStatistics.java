package io.github.calspike.analysis;

import io.github.calspike.trace.Normalization;

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
		return Normalization.noiseLevel(dff, rateHz);
	}

	/**
	 * Discrete spikes from a rate: the rate is cut into events (runs of frames with a positive
	 * rate), each event gets as many spikes as its expected count rounded to the nearest whole
	 * number, and they are placed one after another where the rate not yet explained is highest
	 * (matching pursuit: each placed spike removes a Gaussian of the model's target width, holding
	 * one spike, from the rate). A silent stretch (rate 0) gets no spike, an event of 0.7 expected
	 * spikes one at its peak, a burst several at its peaks. This is CASCADE's way of fitting spikes
	 * to the rate, with the event boundaries the rate itself gives.
	 *
	 * @param rate expected spikes per frame (negative and NaN values count as 0)
	 * @param sigmaFrames the width (sd, frames) of a single spike's bump in the rate
	 * @return whole spike counts per frame
	 */
	public static double[] discreteSpikes(double[] rate, double sigmaFrames) {
		double[] r = new double[rate.length];
		for (int t = 0; t < r.length; t++) r[t] = rate[t] > 0 ? rate[t] : 0;
		double s = Math.max(0.5, sigmaFrames);
		int h = (int) Math.ceil(3 * s);
		double[] g = new double[2 * h + 1];
		double gs = 0;
		for (int k = -h; k <= h; k++) gs += g[k + h] = Math.exp(-0.5 * k * k / (s * s));
		for (int k = 0; k < g.length; k++) g[k] /= gs;
		double[] out = new double[r.length];
		int t = 0;
		while (t < r.length) {
			if (r[t] <= 0) {
				t++;
				continue;
			}
			int a = t;
			double mass = 0;
			while (t < r.length && r[t] > 0) mass += r[t++];
			long n = (long) Math.floor(mass + 0.5);
			if (n > 0) pursue(r, a, t, n, g, h, out);
		}
		return out;
	}

	/** Places {@code n} spikes in r[a, b) at successive maxima of the residual rate. */
	private static void pursue(double[] r, int a, int b, long n, double[] g, int h, double[] out) {
		MaxTree tree = new MaxTree(r, a, b);
		for (long k = 0; k < n; k++) {
			int at = tree.argmax();
			out[at]++;
			for (int d = -h; d <= h; d++) {
				int u = at + d;
				if (u >= a && u < b) tree.set(u, tree.get(u) - g[d + h]);
			}
		}
	}

	/** A max segment tree over r[a, b) with point updates: argmax in O(1), update in O(log n). */
	private static final class MaxTree {
		private final int a, size;
		private final double[] v;
		private final int[] idx;

		MaxTree(double[] r, int a, int b) {
			this.a = a;
			int n = b - a, sz = 1;
			while (sz < n) sz <<= 1;
			size = sz;
			v = new double[2 * sz];
			idx = new int[2 * sz];
			Arrays.fill(v, Double.NEGATIVE_INFINITY);
			for (int i = 0; i < n; i++) {
				v[sz + i] = r[a + i];
				idx[sz + i] = a + i;
			}
			for (int i = sz - 1; i >= 1; i--) pull(i);
		}

		private void pull(int i) {
			int l = 2 * i, r = l + 1;
			int w = v[l] >= v[r] ? l : r;
			v[i] = v[w];
			idx[i] = idx[w];
		}

		int argmax() {
			return idx[1];
		}

		double get(int u) {
			return v[size + u - a];
		}

		void set(int u, double value) {
			int i = size + u - a;
			v[i] = value;
			for (i >>= 1; i >= 1; i >>= 1) pull(i);
		}
	}
}
