package io.github.calspike.trace;

import java.util.Arrays;

/**
 * How large a trace's events are against its own noise, and the range of those sizes among the
 * traces a rate model's counts were calibrated on. A network that reads traces in noise units
 * gives more spikes to larger events: leaving one SpikeFinder dataset out, the held-out neurons
 * whose events were larger than every training neuron's got 2 to 12 times their spikes, and those
 * whose events were smaller than every training neuron's got 0.2 to 0.45 of them
 * (BENCHMARKS.md, "Event sizes outside the training neurons'"). The gain that makes counts add up
 * holds for neurons like the training ones, so a neuron outside the range is flagged, unless its
 * events do not rise above noise at all ({@link #NOISE_ONLY}).
 * <p>
 * The size is measured at the recording's own rate: averaging frames lowers the noise of real
 * recordings by more or less than white noise would, so a size at one rate says little about
 * another. The range is therefore kept per rate: at the model's rate over the training neurons,
 * at each slower rate where the gain was fitted again over the copies it was fitted on.
 * <p>
 * Beyond the range, counts are scaled by how they grew with the event size among the training
 * neurons themselves ({@link #factor}): there, log(inferred / recorded spikes) rose with log(event
 * size), with a slope b of 0.03 to 0.89 in the SpikeFinder fold models (0.30 for the bundled 100
 * Hz model). Leaving one dataset out, this took the held-out dataset 6's count error from about
 * 1.6 to 0.5-0.6, and left unseen neurons of the training datasets, almost all inside the range,
 * nearly as they were (BENCHMARKS.md, "Counts scaled beyond the event-size range").
 */
public final class EventSizes {

	/** The quantile of a trace, in its noise sd above its median, that is its event size. */
	public static final double QUANTILE = 0.999;

	/**
	 * An event size below which a trace holds nothing that noise alone does not: white noise
	 * gives 3.1 (the 0.999 quantile of a Gaussian), and 4 noise sd is rarer than once in 30,000
	 * frames. Such a trace is not flagged for events smaller than the training neurons': it has no
	 * visible events, and the model gives it almost no spikes, as it should a silent neuron.
	 */
	public static final double NOISE_ONLY = 4;

	/**
	 * The largest slope {@link #factor} uses. Counts that grew faster than the events themselves
	 * (a slope over 1, which a few training neurons can give by chance) would extrapolate into
	 * factors no measurement here supports; the fold models' slopes stayed below 0.9.
	 */
	public static final double MAX_SLOPE = 1;

	private final double[] ratesHz;
	private final double[] min;
	private final double[] max;
	private final double slope;

	/**
	 * Sizes with no slope: counts are not scaled beyond the range ({@link #factor} is 1).
	 *
	 * @param ratesHz recording rates, ascending, at which the sizes were measured
	 * @param min the smallest event size at each rate
	 * @param max the largest event size at each rate
	 */
	public EventSizes(double[] ratesHz, double[] min, double[] max) {
		this(ratesHz, min, max, Double.NaN);
	}

	/**
	 * @param ratesHz recording rates, ascending, at which the sizes were measured
	 * @param min the smallest event size at each rate
	 * @param max the largest event size at each rate
	 * @param slope b of log(inferred / recorded spikes) = a + b log(event size) over the training
	 *        neurons ({@link #slope(double[], double[], double[])}); NaN: none
	 */
	public EventSizes(double[] ratesHz, double[] min, double[] max, double slope) {
		if (ratesHz.length == 0 || ratesHz.length != min.length || ratesHz.length != max.length) {
			throw new IllegalArgumentException("event sizes: " + ratesHz.length + " rates, " +
				min.length + " minima, " + max.length + " maxima");
		}
		for (int k = 0; k < ratesHz.length; k++) {
			if (!(ratesHz[k] > 0) || k > 0 && !(ratesHz[k] > ratesHz[k - 1]) || !(min[k] <= max[k])) {
				throw new IllegalArgumentException("event sizes: rates must rise and each minimum " +
					"must not exceed its maximum (rate " + ratesHz[k] + " Hz: " + min[k] + " to " +
					max[k] + ")");
			}
		}
		this.ratesHz = ratesHz.clone();
		this.min = min.clone();
		this.max = max.clone();
		if (!Double.isNaN(slope) && !Double.isFinite(slope)) {
			throw new IllegalArgumentException("event sizes: slope " + slope + " is not finite");
		}
		this.slope = slope;
	}

	/**
	 * @param sizes event sizes of training traces
	 * @param inferred their inferred spikes (calibrated or not: a common factor does not change
	 *        the slope)
	 * @param recorded their recorded spikes
	 * @return b of the least-squares line log(inferred / recorded) = a + b log(size) over the
	 *         traces where all three are positive and finite; NaN for fewer than three such traces
	 *         or sizes that do not vary
	 */
	public static double slope(double[] sizes, double[] inferred, double[] recorded) {
		double sx = 0, sy = 0, sxx = 0, sxy = 0;
		int n = 0;
		for (int i = 0; i < sizes.length; i++) {
			if (!(sizes[i] > 0 && inferred[i] > 0 && recorded[i] > 0) || !Double.isFinite(sizes[i]) ||
				!Double.isFinite(inferred[i]) || !Double.isFinite(recorded[i])) continue;
			double x = Math.log(sizes[i]), y = Math.log(inferred[i] / recorded[i]);
			sx += x;
			sy += y;
			sxx += x * x;
			sxy += x * y;
			n++;
		}
		double vx = sxx - sx * sx / n;
		return n >= 3 && vx > 1e-12 ? (sxy - sx * sy / n) / vx : Double.NaN;
	}

	/**
	 * @return the factor by which the counts of a trace of event size {@code size} at
	 *         {@code rateHz} are multiplied: (largest / size)^b above the range, (smallest /
	 *         size)^b below it for a trace with events above noise ({@link #NOISE_ONLY}), 1
	 *         inside it, for a NaN size, or without a slope; b is the slope clipped to 0 to
	 *         {@link #MAX_SLOPE}
	 */
	public double factor(double size, double rateHz) {
		if (Double.isNaN(slope) || !Double.isFinite(size)) return 1;
		double b = Math.max(0, Math.min(MAX_SLOPE, slope));
		double[] r = rangeAt(rateHz);
		if (size > r[1]) return Math.pow(r[1] / size, b);
		if (size < r[0] && size >= NOISE_ONLY) return Math.pow(r[0] / size, b);
		return 1;
	}

	/**
	 * @param x a trace, already freed of slow drift (NaN frames are skipped)
	 * @return its {@link #QUANTILE} quantile above its median, in units of its noise sd (the
	 *         noise of {@link Normalization#NOISE}, from frame-to-frame differences); NaN for a
	 *         flat trace or fewer than two finite frames
	 */
	public static double of(double[] x) {
		if (Normalization.isFlat(x)) return Double.NaN;
		double[] cs = Normalization.NOISE.centreAndScale(x);
		double sd = cs[1] * Normalization.NOISE_UNIT_SD;
		double[] v = Arrays.stream(x).filter(Double::isFinite).sorted().toArray();
		double pos = QUANTILE * (v.length - 1);
		int lo = (int) Math.floor(pos);
		int hi = Math.min(v.length - 1, lo + 1);
		double q = v[lo] + (pos - lo) * (v[hi] - v[lo]);
		return (q - cs[0]) / sd;
	}

	/**
	 * @return {smallest, largest} event size for a recording at {@code rateHz}: those of the
	 *         nearest rate measured when it lies outside them, else the widest of the two measured
	 *         rates around it
	 */
	public double[] rangeAt(double rateHz) {
		int n = ratesHz.length;
		if (rateHz >= ratesHz[n - 1]) return new double[] { min[n - 1], max[n - 1] };
		if (rateHz <= ratesHz[0]) return new double[] { min[0], max[0] };
		int k = 1;
		while (ratesHz[k] < rateHz) k++;
		if (ratesHz[k] == rateHz) return new double[] { min[k], max[k] };
		return new double[] { Math.min(min[k - 1], min[k]), Math.max(max[k - 1], max[k]) };
	}

	/**
	 * @return whether a trace of event size {@code size} at {@code rateHz} is like the traces
	 *         measured ({@link #within})
	 */
	public boolean fits(double size, double rateHz) {
		return within(size, rangeAt(rateHz));
	}

	/**
	 * @param range {smallest, largest} event size, as from {@link #rangeAt}
	 * @return whether {@code size} is no larger than the largest and either no smaller than the
	 *         smallest or below {@link #NOISE_ONLY} (no events above noise to compare); NaN: false
	 */
	public static boolean within(double size, double[] range) {
		return size <= range[1] && (size >= range[0] || size < NOISE_ONLY);
	}

	/** @return the rates measured at, Hz, ascending */
	public double[] ratesHz() {
		return ratesHz.clone();
	}

	/** @return the smallest event size at each rate */
	public double[] min() {
		return min.clone();
	}

	/** @return the largest event size at each rate */
	public double[] max() {
		return max.clone();
	}

	/** @return the slope counts are scaled by beyond the range; NaN: none */
	public double slope() {
		return slope;
	}
}
