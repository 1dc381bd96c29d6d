package io.github.calspike.bench;

import io.github.calspike.testing.Synthetic;
import io.github.calspike.trace.Resampling;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.SpikeFinderCsv;

import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Could a lower quantile of the frame-to-frame differences measure the noise of slow, active
 * recordings (BENCHMARKS.md, "Slow recordings")? Prints estimate / true noise sd for the quantiles
 * 0.5 (what noise units use), 0.3, 0.2 and 0.1 of |x[t] - x[t-1]|, each scaled to a Gaussian sd:
 * for synthetic neurons at 0, 1, 5 and 20 Hz (noise sd 0.3) at 100 Hz and averaged to 7.5 Hz, and
 * for SpikeFinder neurons as the benchmarks' noisy 7.5 Hz recordings (white noise of sd 0.1 x the
 * 1st-99th percentile range added, seed 7; true sd from that and the 100 Hz estimate).
 * Usage: SlowNoiseQuantileProbe SPIKEFINDER_FOLDER
 */
public final class SlowNoiseQuantileProbe {

	private static final double[] Q = { 0.5, 0.3, 0.2, 0.1 };

	private SlowNoiseQuantileProbe() {}

	public static void main(String[] a) throws Exception {
		System.out.println("synthetic neurons: estimate / true sd at 100 Hz and at 7.5 Hz");
		for (double hz : new double[] { 0, 1, 5, 20 }) {
			double[] c = Synthetic.recording(9800 + (long) hz, 1, 12000, 100, hz / 100 / 1.2, 0.3)
				.calcium(0);
			double[] s = Resampling.slower(c, 100, 7.5, false);
			StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%4.0f Hz:", hz));
			for (double q : Q) {
				sb.append(String.format(Locale.ROOT, "  q%.1f %.2f / %.2f", q, estimate(c, q) / 0.3,
					estimate(s, q) / (0.3 / Math.sqrt(100 / 7.5))));
			}
			System.out.println(sb);
		}
		System.out.println("SpikeFinder, noisy 7.5 Hz: estimate / true sd, median (range) over neurons");
		for (String ds : new String[] { "4", "5", "6" }) {
			TraceSet t = SpikeFinderCsv.readCalcium(Paths.get(a[0], ds + ".train.calcium.csv"),
				SpikeFinderCsv.Options.defaults());
			Random rnd = new Random(7);
			double[][] r = new double[Q.length][t.size()];
			for (int i = 0; i < t.size(); i++) {
				double[] c = Arrays.stream(t.calcium(i)).filter(Double::isFinite).toArray();
				double[] sorted = c.clone();
				Arrays.sort(sorted);
				double add = 0.1 * (sorted[(int) (0.99 * (sorted.length - 1))] - sorted[(int) (0.01 *
					(sorted.length - 1))]);
				double[] s = Resampling.slower(c, 100, 7.5, false);
				for (int k = 0; k < s.length; k++) s[k] += add * rnd.nextGaussian();
				double own = estimate(c, 0.5), truth = Math.sqrt(add * add + own * own / (100 / 7.5));
				for (int j = 0; j < Q.length; j++) r[j][i] = estimate(s, Q[j]) / truth;
			}
			StringBuilder sb = new StringBuilder("dataset " + ds + ":");
			for (int j = 0; j < Q.length; j++) {
				double[] v = r[j].clone();
				Arrays.sort(v);
				sb.append(String.format(Locale.ROOT, "  q%.1f %.2f (%.2f-%.2f)", Q[j], v[v.length / 2],
					v[0], v[v.length - 1]));
			}
			System.out.println(sb);
		}
	}

	/** The q-quantile of |x[t] - x[t-1]| over the Gaussian sd it means for white noise. */
	static double estimate(double[] x, double q) {
		double[] d = new double[x.length - 1];
		for (int i = 1; i < x.length; i++) d[i - 1] = Math.abs(x[i] - x[i - 1]);
		Arrays.sort(d);
		return d[(int) (q * (d.length - 1))] / (Math.sqrt(2) * inverseNormal((1 + q) / 2));
	}

	private static double inverseNormal(double p) {
		double lo = -10, hi = 10;
		for (int i = 0; i < 200; i++) {
			double m = 0.5 * (lo + hi);
			if (normal(m) < p) lo = m;
			else hi = m;
		}
		return 0.5 * (lo + hi);
	}

	private static double normal(double x) {
		// Abramowitz and Stegun 7.1.26 for erf
		double z = Math.abs(x) / Math.sqrt(2), t = 1 / (1 + 0.3275911 * z);
		double erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t +
			0.254829592) * t * Math.exp(-z * z);
		return 0.5 * (1 + (x >= 0 ? erf : -erf));
	}
}
