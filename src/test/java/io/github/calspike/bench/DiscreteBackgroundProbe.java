package io.github.calspike.bench;

import io.github.calspike.analysis.SpikeMetrics;
import io.github.calspike.analysis.SpikeStatistics;
import io.github.calspike.infer.SpikeInference;
import io.github.calspike.infer.SpikeRateModel;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.SpikeFinderCsv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Discrete spikes with and without the rate's slow background: the rate of a neuron whose single
 * spikes are invisible never falls to 0 in its quiet stretches, and spreading that background's
 * mass gives a metronome of discrete spikes there. The variant takes the background (a low
 * quantile of the rate in a sliding window of W seconds) off before placing spikes, so discrete
 * spikes sit at the rate's events only. Scores pooled over neurons: matching within 100 ms,
 * discrete spikes per second in quiet stretches, and the median ratio of discrete to recorded
 * spikes. Usage: DiscreteBackgroundProbe lodo BENCH_DIR DATA_DIR | neurons BENCH_DIR K
 */
public final class DiscreteBackgroundProbe {

	static final double[] WINDOWS_S = { 0, 1, 2, 4 };
	static final double[] QUANTILES = { 0, 0.2 };

	public static void main(String[] a) throws Exception {
		List<TraceSet> sets = new ArrayList<>();
		List<Path> models = new ArrayList<>();
		if (a[0].equals("lodo")) {
			for (String h : new String[] { "4", "5", "6" }) {
				Path data = Paths.get(a[2]);
				sets.add(SpikeFinderCsv.read(data.resolve(h + ".train.calcium.csv"), data.resolve(h +
					".train.spikes.csv"), SpikeFinderCsv.Options.defaults()));
				models.add(Paths.get(a[1], "lodo-" + h, "model"));
			}
		}
		else {
			int k = Integer.parseInt(a[2]);
			for (int f = 0; f < k; f++) {
				Path test = Paths.get(a[1], "nf-" + f, "test");
				for (String d : new String[] { "4", "5", "6" }) {
					if (!Files.exists(test.resolve(d + ".train.calcium.csv"))) continue;
					sets.add(SpikeFinderCsv.read(test.resolve(d + ".train.calcium.csv"), test.resolve(d +
						".train.spikes.csv"), SpikeFinderCsv.Options.defaults()));
					models.add(Paths.get(a[1], "nf-" + f, "model"));
				}
			}
		}
		int variants = 1 + (WINDOWS_S.length - 1) * QUANTILES.length;
		long[][] m = new long[variants][3];
		double[] quietSpikes = new double[variants];
		double quietSeconds = 0;
		List<List<Double>> ratios = new ArrayList<>();
		for (int v = 0; v < variants; v++) ratios.add(new ArrayList<>());
		for (int s = 0; s < sets.size(); s++) {
			TraceSet t = sets.get(s);
			try (SpikeRateModel model = SpikeRateModel.open(models.get(s))) {
				SpikeInference.Result r = SpikeInference.run(model, t);
				double width = model.spikeWidthFrames(t.rateHz());
				for (int i = 0; i < t.size(); i++) {
					double[] truth = t.spikes(i);
					quietSeconds += SpikeMetrics.quiet(truth, r.rates[i], t.rateHz(), SpikeMetrics.QUIET_SECONDS)
						.seconds;
					int v = 0;
					for (int w = 0; w < WINDOWS_S.length; w++) {
						for (double q : QUANTILES) {
							if (w == 0 && q > 0) continue;
							double[] d = w == 0 ? r.discrete[i] : SpikeStatistics.discreteSpikes(minus(r.rates[i],
								background(r.rates[i], (int) Math.round(WINDOWS_S[w] * t.rateHz()), q)), width);
							SpikeMetrics.Matching mt = SpikeMetrics.match(truth, d, t.rateHz(), 0.1);
							m[v][0] += mt.matched;
							m[v][1] += mt.recorded;
							m[v][2] += mt.detected;
							quietSpikes[v] += SpikeMetrics.quiet(truth, d, t.rateHz(), SpikeMetrics.QUIET_SECONDS)
								.spikes;
							ratios.get(v).add(SpikeMetrics.countRatio(truth, d));
							v++;
						}
					}
				}
			}
		}
		System.out.println("| background | discrete P | R | F1 | discrete quiet rate (Hz) | median discrete / recorded |");
		System.out.println("|---|---|---|---|---|---|");
		int v = 0;
		for (int w = 0; w < WINDOWS_S.length; w++) {
			for (double q : QUANTILES) {
				if (w == 0 && q > 0) continue;
				double p = (double) m[v][0] / m[v][2], rc = (double) m[v][0] / m[v][1];
				System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.2f |%n", w == 0 ? "none (now)"
					: (q == 0 ? "minimum" : "quantile " + q) + " over " + WINDOWS_S[w] + " s", p, rc, 2 * p * rc
						/ (p + rc), quietSpikes[v] / quietSeconds, SpikeMetrics.median(ratios.get(v).stream()
							.mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray()));
				v++;
			}
		}
	}

	/** @return per frame, quantile q of {@code x} over the centred window of {@code w} frames */
	static double[] background(double[] x, int w, double q) {
		int n = x.length, h = Math.max(1, w / 2);
		double[] b = new double[n];
		double[] buf = new double[2 * h + 1];
		// a block-wise quantile, interpolated: exact sliding quantiles are not needed for a probe
		int step = Math.max(1, h / 4);
		for (int c = 0; c < n; c += step) {
			int a = Math.max(0, c - h), e = Math.min(n, c + h + 1);
			int k = 0;
			for (int t = a; t < e; t++) if (Double.isFinite(x[t])) buf[k++] = x[t];
			double v = 0;
			if (k > 0) {
				Arrays.sort(buf, 0, k);
				v = buf[Math.min(k - 1, (int) Math.floor(q * (k - 1)))];
			}
			for (int t = c; t < Math.min(n, c + step); t++) b[t] = v;
		}
		return b;
	}

	static double[] minus(double[] x, double[] b) {
		double[] y = new double[x.length];
		for (int t = 0; t < y.length; t++) y[t] = Math.max(0, x[t] - b[t]);
		return y;
	}
}
