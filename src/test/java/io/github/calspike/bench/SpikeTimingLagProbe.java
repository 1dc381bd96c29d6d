package io.github.calspike.bench;

import io.github.calspike.infer.SpikeInference;
import io.github.calspike.infer.SpikeRateModel;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.SpikeFinderCsv;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * Where discrete spikes sit in time against the recorded ones (BENCHMARKS.md, "Calibrated
 * spikes"): for each held-out dataset of a leave-one-dataset-out run, how many recorded spikes
 * have a discrete spike within 20 ms of their time shifted by a lag (-200 to 200 ms), and the
 * rate-weighted mean lag of the rate within 300 ms of each recorded spike. A peak away from lag 0
 * is a timing offset between imaging and electrophysiology that the model did not learn.
 * Usage: SpikeTimingLagProbe BENCH_DIR (with lodo-4/model ...) SPIKEFINDER_FOLDER
 */
public final class SpikeTimingLagProbe {

	private SpikeTimingLagProbe() {}

	public static void main(String[] a) throws Exception {
		Path bench = Paths.get(a[0]), data = Paths.get(a[1]);
		for (String h : new String[] { "4", "5", "6" }) {
			TraceSet t = SpikeFinderCsv.read(data.resolve(h + ".train.calcium.csv"), data.resolve(h +
				".train.spikes.csv"), SpikeFinderCsv.Options.defaults());
			double hz = t.rateHz();
			try (SpikeRateModel m = SpikeRateModel.open(bench.resolve("lodo-" + h + "/model"))) {
				SpikeInference.Result r = SpikeInference.run(m, t);
				StringBuilder sb = new StringBuilder("dataset " + h + ": recorded spikes with a discrete " +
					"spike within 20 ms, by lag (ms):");
				int near = (int) Math.round(0.02 * hz);
				for (int lagMs = -200; lagMs <= 200; lagMs += 20) {
					int lag = (int) Math.round(lagMs * hz / 1000);
					long hits = 0;
					for (int i = 0; i < t.size(); i++) {
						double[] s = t.spikes(i), d = r.discrete[i];
						for (int k = 0; k < s.length; k++) {
							if (!(s[k] > 0)) continue;
							int j = k + lag;
							for (int q = Math.max(0, j - near); q <= Math.min(d.length - 1, j + near); q++) {
								if (d[q] > 0) {
									hits++;
									break;
								}
							}
						}
					}
					sb.append(String.format(Locale.ROOT, " %d:%d", lagMs, hits));
				}
				double num = 0, den = 0;
				int w = (int) Math.round(0.3 * hz);
				for (int i = 0; i < t.size(); i++) {
					double[] s = t.spikes(i), u = r.rates[i];
					for (int k = 0; k < s.length; k++) {
						if (!(s[k] > 0)) continue;
						for (int l = -w; l <= w; l++) {
							int j = k + l;
							if (j < 0 || j >= u.length || !Double.isFinite(u[j])) continue;
							num += s[k] * u[j] * l * 1000 / hz;
							den += s[k] * u[j];
						}
					}
				}
				System.out.println(sb);
				System.out.printf(Locale.ROOT, "dataset %s: rate-weighted mean lag %.1f ms%n", h, num / den);
			}
		}
	}
}
