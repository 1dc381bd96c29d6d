package io.github.calspike.analysis;

import java.util.Arrays;

/**
 * What a user reads off inferred spikes, scored against recorded ones: how many (count ratio and
 * error), how quiet silence is (quiet rate), whether busier neurons get higher rates (rate
 * correlation across neurons), the correlation at a common coarse time scale (7.5 Hz bins, for
 * recordings at any frame rate), and whether discrete spikes sit at the recorded ones (precision,
 * recall and F1 of a one-to-one matching within a time window). Frames where the truth or the
 * inference is NaN are left out of every measure.
 */
public final class SpikeMetrics {

	/** Shortest stretch without a recorded spike that counts as quiet, seconds. */
	public static final double QUIET_SECONDS = 2.0;
	/** Largest time between a discrete and a recorded spike that still matches, seconds. */
	public static final double MATCH_SECONDS = 0.1;
	/** Bin rate of the coarse correlation, Hz (the slowest common two-photon frame rate). */
	public static final double BIN_HZ = 7.5;

	private SpikeMetrics() {}

	/** @return the sum of the frames finite in both, of {@code x} */
	private static double sumWhereBoth(double[] x, double[] other) {
		int n = Math.min(x.length, other.length);
		double s = 0;
		for (int t = 0; t < n; t++) if (Double.isFinite(x[t]) && Double.isFinite(other[t])) s += x[t];
		return s;
	}

	/** @return recorded spikes in the frames where both sides are finite */
	public static double recordedSpikes(double[] truth, double[] inferred) {
		return sumWhereBoth(truth, inferred);
	}

	/** @return inferred spikes in the frames where both sides are finite */
	public static double inferredSpikes(double[] truth, double[] inferred) {
		return sumWhereBoth(inferred, truth);
	}

	/** @return inferred / recorded spikes; NaN when no spike was recorded */
	public static double countRatio(double[] truth, double[] inferred) {
		double rec = recordedSpikes(truth, inferred);
		return rec > 0 ? inferredSpikes(truth, inferred) / rec : Double.NaN;
	}

	/**
	 * @return the median over neurons of |log2 count ratio| (NaN ratios left out; a ratio of 0
	 *         counts as infinitely wrong); 0.5 means counts within about 1.4x
	 */
	public static double countError(double[] ratios) {
		double[] e = Arrays.stream(ratios).filter(r -> !Double.isNaN(r)).map(r -> Math.abs(Math.log(
			r) / Math.log(2))).toArray();
		return median(e);
	}

	/** Inferred spikes and duration of the quiet stretches of one neuron. */
	public static final class Quiet {
		/** Inferred spikes inside the quiet stretches. */
		public final double spikes;
		/** Total duration of the quiet stretches, seconds. */
		public final double seconds;

		Quiet(double spikes, double seconds) {
			this.spikes = spikes;
			this.seconds = seconds;
		}

		/** @return inferred spikes per second of quiet, NaN without quiet stretches */
		public double rateHz() {
			return seconds > 0 ? spikes / seconds : Double.NaN;
		}
	}

	/**
	 * Quiet stretches are maximal runs of at least {@code minSeconds} of frames with no recorded
	 * spike (a NaN frame ends a run).
	 *
	 * @return the inferred spikes and the duration of the quiet stretches
	 */
	public static Quiet quiet(double[] truth, double[] inferred, double rateHz, double minSeconds) {
		int n = Math.min(truth.length, inferred.length);
		int minFrames = (int) Math.ceil(minSeconds * rateHz);
		double spikes = 0;
		long frames = 0;
		int start = 0;
		double run = 0;
		for (int t = 0; t <= n; t++) {
			boolean quiet = t < n && truth[t] == 0 && Double.isFinite(inferred[t]);
			if (quiet) {
				run += inferred[t];
				continue;
			}
			if (t - start >= minFrames) {
				spikes += run;
				frames += t - start;
			}
			start = t + 1;
			run = 0;
		}
		return new Quiet(spikes, frames / rateHz);
	}

	/** @return the mean inferred rate inside quiet stretches of {@link #QUIET_SECONDS}, Hz */
	public static double quietRate(double[] truth, double[] inferred, double rateHz) {
		return quiet(truth, inferred, rateHz, QUIET_SECONDS).rateHz();
	}

	/**
	 * @return the Pearson correlation across neurons of inferred against recorded mean rates (NaN
	 *         pairs left out)
	 */
	public static double rateCorrelation(double[] inferredHz, double[] recordedHz) {
		int n = 0;
		double[] x = new double[inferredHz.length], y = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			if (Double.isFinite(inferredHz[i]) && Double.isFinite(recordedHz[i])) {
				x[n] = inferredHz[i];
				y[n++] = recordedHz[i];
			}
		}
		return SpikeFinderMetric.pearson(Arrays.copyOf(x, n), Arrays.copyOf(y, n));
	}

	/**
	 * The correlation at {@code binHz}: after dropping frames where either side is NaN, frame k
	 * goes to bin floor(k * binHz / rateHz), the frames of each bin are summed (a trailing partial
	 * bin is dropped), and truth and inference are correlated. At 100 Hz and 25 Hz bins this is
	 * the SpikeFinder score.
	 *
	 * @return the Pearson correlation of the binned sums, NaN when undefined
	 */
	public static double binnedCorrelation(double[] truth, double[] inferred, double rateHz,
		double binHz)
	{
		int n = Math.min(truth.length, inferred.length);
		double[] t = new double[n], p = new double[n];
		int m = 0;
		for (int k = 0; k < n; k++) {
			if (Double.isNaN(truth[k]) || Double.isNaN(inferred[k])) continue;
			t[m] = truth[k];
			p[m++] = inferred[k];
		}
		double perBin = rateHz / binHz;
		int bins = perBin <= 1 ? m : (int) Math.floor(m / perBin);
		double[] bt = new double[bins], bp = new double[bins];
		for (int k = 0; k < m; k++) {
			int b = perBin <= 1 ? k : (int) Math.floor(k / perBin);
			if (b >= bins) break;
			bt[b] += t[k];
			bp[b] += p[k];
		}
		return SpikeFinderMetric.pearson(bt, bp);
	}

	/** A one-to-one matching of discrete to recorded spikes. */
	public static final class Matching {
		/** Matched pairs. */
		public final long matched;
		/** Recorded spikes. */
		public final long recorded;
		/** Discrete (inferred) spikes. */
		public final long detected;

		/** Counts of a matching. */
		public Matching(long matched, long recorded, long detected) {
			this.matched = matched;
			this.recorded = recorded;
			this.detected = detected;
		}

		/** @return matched / detected; NaN without detections */
		public double precision() {
			return detected > 0 ? (double) matched / detected : Double.NaN;
		}

		/** @return matched / recorded; NaN without recorded spikes */
		public double recall() {
			return recorded > 0 ? (double) matched / recorded : Double.NaN;
		}

		/** @return 2 matched / (recorded + detected); NaN when both are empty */
		public double f1() {
			return recorded + detected > 0 ? 2.0 * matched / (recorded + detected) : Double.NaN;
		}

		/** @return the pooled matching of this and {@code o} */
		public Matching plus(Matching o) {
			return new Matching(matched + o.matched, recorded + o.recorded, detected + o.detected);
		}
	}

	/**
	 * Matches discrete spikes to recorded ones one to one, each pair at most {@code windowS}
	 * apart. A frame with count c holds c spikes at the same time. Spikes are paired in time
	 * order, which for equal windows gives the largest possible number of pairs. Frames where
	 * either side is NaN are left out.
	 *
	 * @param truth recorded spike counts per frame
	 * @param discrete whole inferred spike counts per frame
	 */
	public static Matching match(double[] truth, double[] discrete, double rateHz, double windowS) {
		int n = Math.min(truth.length, discrete.length);
		long[] a = times(truth, discrete, n), b = times(discrete, truth, n);
		double w = windowS * rateHz + 1e-9;
		long matched = 0;
		int i = 0, j = 0;
		while (i < a.length && j < b.length) {
			if (Math.abs(a[i] - b[j]) <= w) {
				matched++;
				i++;
				j++;
			}
			else if (b[j] < a[i]) j++;
			else i++;
		}
		return new Matching(matched, a.length, b.length);
	}

	/** @return frame indices, frame t repeated round(x[t]) times, where both sides are finite */
	private static long[] times(double[] x, double[] other, int n) {
		long total = 0;
		for (int t = 0; t < n; t++) {
			if (Double.isFinite(x[t]) && Double.isFinite(other[t]) && x[t] > 0) total += Math.round(x[t]);
		}
		if (total > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("too many spikes: " +
			total);
		long[] out = new long[(int) total];
		int k = 0;
		for (int t = 0; t < n; t++) {
			if (!(Double.isFinite(x[t]) && Double.isFinite(other[t]) && x[t] > 0)) continue;
			for (long c = Math.round(x[t]); c > 0; c--) out[k++] = t;
		}
		return out;
	}

	/** @return the median of the values (sorted copy); NaN for none */
	public static double median(double[] v) {
		if (v.length == 0) return Double.NaN;
		double[] s = v.clone();
		Arrays.sort(s);
		int n = s.length;
		return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
	}
}
