package io.github.calspike.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * The SpikeFinder challenge's score. Per neuron: drop the bins where the truth or the prediction
 * is NaN (or past the end of either); sum non-overlapping groups of {@code factor} bins (4: 100 Hz
 * to 25 Hz; a trailing partial group is dropped); take the Pearson correlation. Methods are
 * compared by the mean over neurons; the median is reported too.
 */
public final class SpikeFinderMetric {

	/** The rate the challenge correlates at: its 100 Hz bins summed in groups of 4. */
	public static final double GROUP_HZ = 25;

	/**
	 * @return the bins summed per group for a recording at {@code rateHz}: the whole number of bins
	 *         closest to 1/25 s, at least 1 (4 at 100 Hz, the challenge's own; 1 at 30 Hz or
	 *         slower)
	 */
	public static int factor(double rateHz) {
		return Math.max(1, (int) Math.round(rateHz / GROUP_HZ));
	}

	/** @return the rate of the groups {@link #factor} makes, e.g. "25 Hz", for labels */
	public static String groupLabel(double rateHz) {
		double hz = rateHz / factor(rateHz);
		return new java.math.BigDecimal(hz).round(new java.math.MathContext(3)).stripTrailingZeros()
			.toPlainString() + " Hz";
	}

	private SpikeFinderMetric() {}

	/**
	 * @return the correlation of one neuron's truth and prediction after NaN removal and grouping,
	 *         or NaN when fewer than two groups remain or either side is constant
	 */
	public static double correlation(double[] truth, double[] prediction, int factor) {
		int n = Math.min(truth.length, prediction.length);
		double[] t = new double[n], p = new double[n];
		int m = 0;
		for (int i = 0; i < n; i++) {
			if (Double.isNaN(truth[i]) || Double.isNaN(prediction[i])) continue;
			t[m] = truth[i];
			p[m] = prediction[i];
			m++;
		}
		return pearson(groupSums(t, m, factor), groupSums(p, m, factor));
	}

	/** @return the sums of consecutive groups of {@code factor} among the first {@code m} values */
	static double[] groupSums(double[] v, int m, int factor) {
		double[] out = new double[m / factor];
		for (int g = 0; g < out.length; g++) {
			double s = 0;
			for (int k = 0; k < factor; k++) s += v[g * factor + k];
			out[g] = s;
		}
		return out;
	}

	/** @return the Pearson correlation of x and y (same length), NaN if undefined */
	public static double pearson(double[] x, double[] y) {
		int n = x.length;
		if (n < 2 || y.length != n) return Double.NaN;
		double mx = 0, my = 0;
		for (int i = 0; i < n; i++) {
			mx += x[i];
			my += y[i];
		}
		mx /= n;
		my /= n;
		double sxy = 0, sxx = 0, syy = 0;
		for (int i = 0; i < n; i++) {
			double dx = x[i] - mx, dy = y[i] - my;
			sxy += dx * dy;
			sxx += dx * dx;
			syy += dy * dy;
		}
		return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
	}

	/**
	 * Scores several neurons.
	 *
	 * @param truth per neuron, true spike counts
	 * @param prediction per neuron, predicted rates or counts (same neuron order)
	 * @return per-neuron scores with their mean and median
	 */
	public static Scores score(List<String> names, double[][] truth, double[][] prediction,
		int factor)
	{
		if (truth.length != prediction.length || names.size() != truth.length) {
			throw new IllegalArgumentException(names.size() + " names, " + truth.length +
				" truths and " + prediction.length + " predictions");
		}
		double[] c = new double[truth.length];
		for (int i = 0; i < c.length; i++) c[i] = correlation(truth[i], prediction[i], factor);
		return new Scores(names, c);
	}

	/** Per-neuron correlations and their summary. */
	public static final class Scores {
		private final List<String> names;
		private final double[] values;

		Scores(List<String> names, double[] values) {
			this.names = List.copyOf(names);
			this.values = values;
		}

		/** @return neuron labels */
		public List<String> names() {
			return names;
		}

		/** @return the correlation of neuron {@code i} (NaN if undefined) */
		public double get(int i) {
			return values[i];
		}

		/** @return the mean over neurons with a defined score */
		public double mean() {
			return Arrays.stream(values).filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
		}

		/** @return the median over neurons with a defined score */
		public double median() {
			double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
			if (v.length == 0) return Double.NaN;
			int n = v.length;
			return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
		}
	}
}
