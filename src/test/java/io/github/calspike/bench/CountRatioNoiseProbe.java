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
import java.util.List;
import java.util.Locale;

/**
 * Does a neuron's count error follow its noise level? For every held-out neuron of the
 * unseen-neuron fold models ({@code scripts/benchmark-rate-neurons}), prints its dataset, noise
 * level ν, recorded and inferred rate and log2 count ratio, then per dataset and pooled the
 * correlation of log2 count ratio with log ν and with the recorded rate. A calibration by noise
 * level can only help if the first is strong and has the same sign in every dataset.
 * Usage: CountRatioNoiseProbe BENCH_DIR K
 */
public final class CountRatioNoiseProbe {

	public static void main(String[] a) throws Exception {
		int k = Integer.parseInt(a[1]);
		List<double[]> rows = new ArrayList<>(); // dataset, log nu, log2 ratio, recorded Hz, inferred Hz
		long[] now = new long[3], oracle = new long[3]; // matched, recorded, detected
		for (int f = 0; f < k; f++) {
			Path test = Paths.get(a[0], "nf-" + f, "test");
			try (SpikeRateModel m = SpikeRateModel.open(Paths.get(a[0], "nf-" + f, "model"))) {
				for (String d : new String[] { "4", "5", "6" }) {
					if (!Files.exists(test.resolve(d + ".train.calcium.csv"))) continue;
					TraceSet t = SpikeFinderCsv.read(test.resolve(d + ".train.calcium.csv"), test.resolve(d +
						".train.spikes.csv"), SpikeFinderCsv.Options.defaults());
					SpikeInference.Result r = SpikeInference.run(m, t);
					for (int i = 0; i < t.size(); i++) {
						double[] s = t.spikes(i);
						double rec = 0, inf = 0;
						int n = 0;
						for (int x = 0; x < s.length; x++) {
							if (Double.isFinite(s[x]) && Double.isFinite(r.rates[i][x])) {
								rec += s[x];
								inf += r.rates[i][x];
								n++;
							}
						}
						double secs = n / t.rateHz();
						// an oracle gain: this neuron's rate scaled to its recorded count, spikes placed again
						double[] scaled = r.rates[i].clone();
						for (int x = 0; x < scaled.length; x++) scaled[x] *= inf > 0 ? rec / inf : 0;
						add(now, SpikeMetrics.match(s, r.discrete[i], t.rateHz(), 0.1));
						add(oracle, SpikeMetrics.match(s, SpikeStatistics.discreteSpikes(scaled, m
							.spikeWidthFrames(t.rateHz())), t.rateHz(), 0.1));
						double ratio = SpikeMetrics.countRatio(s, r.rates[i]);
						rows.add(new double[] { Double.parseDouble(d), Math.log(r.noiseLevel[i]), Math.log(ratio) /
							Math.log(2), rec / secs, inf / secs });
						System.out.printf(Locale.ROOT, "dataset %s neuron %s: nu %.3f, recorded %.2f Hz, inferred %.2f Hz, log2 ratio %+.2f%n",
							d, t.name(i), r.noiseLevel[i], rec / secs, inf / secs, Math.log(ratio) / Math.log(2));
					}
				}
			}
		}
		System.out.printf(Locale.ROOT, "discrete spikes, pooled: F1 %.3f as inferred, %.3f with each neuron's count made right (oracle gain)%n",
			f1(now), f1(oracle));
		for (double d : new double[] { 4, 5, 6, 0 }) {
			List<double[]> sel = new ArrayList<>();
			for (double[] r : rows) if (d == 0 || r[0] == d) sel.add(r);
			System.out.printf(Locale.ROOT, "%s (%d neurons): corr(log2 ratio, log nu) %+.2f, corr(log2 ratio, recorded Hz) %+.2f, corr(inferred Hz, recorded Hz) %+.2f%n",
				d == 0 ? "pooled" : "dataset " + (int) d, sel.size(), corr(sel, 2, 1), corr(sel, 2, 3), corr(sel, 4, 3));
		}
	}

	static void add(long[] acc, SpikeMetrics.Matching m) {
		acc[0] += m.matched;
		acc[1] += m.recorded;
		acc[2] += m.detected;
	}

	static double f1(long[] acc) {
		return 2.0 * acc[0] / (acc[1] + acc[2]);
	}

	static double corr(List<double[]> rows, int a, int b) {
		int n = rows.size();
		double ma = 0, mb = 0;
		for (double[] r : rows) {
			ma += r[a] / n;
			mb += r[b] / n;
		}
		double sab = 0, saa = 0, sbb = 0;
		for (double[] r : rows) {
			sab += (r[a] - ma) * (r[b] - mb);
			saa += (r[a] - ma) * (r[a] - ma);
			sbb += (r[b] - mb) * (r[b] - mb);
		}
		return sab / Math.sqrt(saa * sbb);
	}
}
