package io.github.calspike.trace;

import java.util.Arrays;

/**
 * Per-neuron normalisation of calcium traces, applied before windowing.
 * <ul>
 * <li>{@link #ROBUST_ZSCORE} (default): (x - median) / (1.4826 * MAD), where MAD is the median
 * absolute deviation from the median. The factor 1.4826 makes the scale equal the standard
 * deviation for Gaussian noise, while spikes (a heavy upper tail) barely move the centre or the
 * scale. A flat trace (MAD = 0) falls back to the standard deviation, then to 1.</li>
 * <li>{@link #ZSCORE}: (x - mean) / sd.</li>
 * <li>{@link #NONE}: values unchanged.</li>
 * </ul>
 * NaN values are ignored when computing the statistics and stay NaN.
 */
public enum Normalization {
	/** (x - median) / (1.4826 MAD); the default. */
	ROBUST_ZSCORE(Labels.ROBUST_ZSCORE),
	/** (x - mean) / standard deviation. */
	ZSCORE(Labels.ZSCORE),
	/**
	 * (x - median) / (10 * noise sd), the noise sd estimated from the first differences as
	 * 1.4826 * median(|x[t] - x[t-1]|) / sqrt(2): events are measured against the recording's
	 * noise, whatever its amplitude.
	 */
	NOISE(Labels.NOISE),
	/** No change. */
	NONE(Labels.NONE);

	/**
	 * The labels as compile-time constants, for the choices of a command's parameter (an
	 * annotation cannot read {@link #label()}).
	 */
	public static final class Labels {
		private Labels() {}

		/** {@link Normalization#ROBUST_ZSCORE}'s label. */
		public static final String ROBUST_ZSCORE = "robust z-score";
		/** {@link Normalization#ZSCORE}'s label. */
		public static final String ZSCORE = "z-score";
		/** {@link Normalization#NOISE}'s label. */
		public static final String NOISE = "noise units";
		/** {@link Normalization#NONE}'s label. */
		public static final String NONE = "none";
	}

	private final String label;

	Normalization(String label) {
		this.label = label;
	}

	/** @return the name shown to users and accepted by {@link #fromLabel} */
	public String label() {
		return label;
	}

	/**
	 * @return the normalisation with this label (or enum name), ignoring case
	 * @throws IllegalArgumentException naming the accepted labels
	 */
	public static Normalization fromLabel(String s) {
		return Choices.find(values(), Normalization::label, s, "normalization");
	}

	/** Scale that turns a median absolute deviation into a Gaussian standard deviation. */
	public static final double MAD_TO_SD = 1.4826;

	/** The sd of a recording's noise after {@link #NOISE} normalisation: 1 / 10 of the scale. */
	public static final double NOISE_UNIT_SD = 0.1;

	/** @return a normalised copy of {@code x} */
	public double[] apply(double[] x) {
		if (this == NONE) return x.clone();
		double[] cs = centreAndScale(x);
		double[] out = new double[x.length];
		for (int i = 0; i < x.length; i++) out[i] = (x[i] - cs[0]) / cs[1];
		return out;
	}

	/**
	 * Normalises a trace recorded at {@code rateHz} for a model working at {@code modelHz}: the
	 * trace is resampled to the model's rate ({@link Resampling#resample}) and normalised with
	 * statistics taken from the recording itself, not from the resampled copy. Interpolation
	 * smooths the noise away from the frame-to-frame differences that {@link #NOISE} measures; so
	 * its noise sd is measured at the recording's rate and converted to the model's rate as white
	 * noise averaged over frames would be, sd * sqrt(modelHz / rateHz) (CASCADE's noise level
	 * divides by sqrt(rate) for the same reason). Other normalisations do not depend on the rate.
	 *
	 * @return the trace at the model's rate, normalised
	 */
	public double[] applyResampled(double[] x, double rateHz, double modelHz) {
		double[] r = Resampling.resample(x, rateHz, modelHz);
		if (this == NONE) return r;
		double[] cs = centreAndScale(x, rateHz, modelHz);
		for (int i = 0; i < r.length; i++) r[i] = (r[i] - cs[0]) / cs[1];
		return r;
	}

	/**
	 * @return {centre, scale} of a trace recorded at {@code rateHz} for use at {@code modelHz}
	 *         (see {@link #applyResampled}): {@link #centreAndScale(double[])}, with the
	 *         {@link #NOISE} scale multiplied by sqrt(modelHz / rateHz)
	 */
	public double[] centreAndScale(double[] x, double rateHz, double modelHz) {
		double[] cs = centreAndScale(x);
		if (this == NOISE && rateHz != modelHz) cs[1] *= Math.sqrt(modelHz / rateHz);
		return cs;
	}

	/** @return a copy of {@code traces} with every neuron's calcium normalised on its own */
	public TraceSet apply(TraceSet traces) {
		double[][] c = new double[traces.size()][];
		for (int i = 0; i < c.length; i++) c[i] = apply(traces.calcium(i));
		return traces.withCalcium(c);
	}

	/**
	 * @return {centre, scale} of the finite values of {@code x}; scale is always positive
	 */
	public double[] centreAndScale(double[] x) {
		double[] v = Arrays.stream(x).filter(Double::isFinite).toArray();
		if (this == NONE || v.length == 0) return new double[] { 0, 1 };
		double mean = Arrays.stream(v).average().orElse(0);
		double sd = 0;
		for (double d : v) sd += (d - mean) * (d - mean);
		sd = v.length > 1 ? Math.sqrt(sd / (v.length - 1)) : 0;
		if (this == ZSCORE) return new double[] { mean, sd > 0 ? sd : 1 };
		double median = median(v);
		if (this == NOISE) {
			double[] d = new double[Math.max(1, v.length - 1)];
			for (int i = 1; i < v.length; i++) d[i - 1] = Math.abs(v[i] - v[i - 1]);
			double noise = MAD_TO_SD * median(d) / Math.sqrt(2);
			// noise * (1 / 0.1): the product with 10.0 exactly, as before the constant existed (noise
			// / 0.1 differs from it in the last bit for a third of values)
			return new double[] { median, noise > 0 ? noise * (1 / NOISE_UNIT_SD) : sd > 0 ? sd : 1 };
		}
		double[] dev = new double[v.length];
		for (int i = 0; i < v.length; i++) dev[i] = Math.abs(v[i] - median);
		double scale = MAD_TO_SD * median(dev);
		if (!(scale > 0)) scale = sd > 0 ? sd : 1;
		return new double[] { median, scale };
	}

	/**
	 * @return whether a trace holds no activity at all: fewer than two finite frames, or every
	 *         finite frame the same value
	 */
	public static boolean isFlat(double[] x) {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		int n = 0;
		for (double v : x) {
			if (!Double.isFinite(v)) continue;
			n++;
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		return n < 2 || hi == lo;
	}

	/**
	 * CASCADE's standardised noise level: nu = 100 * median(|x[t] - x[t-1]|) / sqrt(fs), for x in
	 * dF/F and fs in Hz; see {@code SpikeStatistics.noiseLevel}.
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

	/** @return the median of {@code v} (sorts a copy) */
	static double median(double[] v) {
		double[] s = v.clone();
		Arrays.sort(s);
		int n = s.length;
		return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
	}
}
