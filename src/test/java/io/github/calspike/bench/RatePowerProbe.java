package io.github.calspike.bench;

import io.github.calspike.infer.SpikeRateModel;
import io.github.calspike.trace.TraceSet;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * A sharpened rate on unseen neurons (the folds of {@code scripts/benchmark-rate-neurons}): each
 * fold model's calibrated rate r becomes G r^p, G fitted so that the fold's training neurons'
 * expected spikes add up to their recorded spikes, discrete spikes placed again; scored per
 * dataset at 100 Hz as {@link NeuronFolds}. p = 1 is the model as it is. (The rounding of events,
 * -Dround=C in BENCHMARKS, was measured with this probe as of commit 1731a4b.) Usage:
 * RatePowerProbe K OUT p1 p2 ...
 */
public final class RatePowerProbe {

	public static void main(String[] a) throws Exception {
		int k = Integer.parseInt(a[0]);
		Path out = Paths.get(a[1]);
		double[] ps = new double[a.length - 2];
		for (int i = 0; i < ps.length; i++) ps[i] = Double.parseDouble(a[i + 2]);
		// per fold: held-out traces and rates per dataset, the gain of each p, the spike width
		List<List<TraceSet>> tests = new ArrayList<>();
		List<List<double[][]>> testRates = new ArrayList<>();
		double[][] gains = new double[k][ps.length];
		double[] width = new double[k];
		for (int f = 0; f < k; f++) {
			Path dir = out.resolve("nf-" + f);
			double[] recorded = new double[ps.length], inferred = new double[ps.length];
			List<TraceSet> ts = new ArrayList<>();
			List<double[][]> rs = new ArrayList<>();
			try (SpikeRateModel m = SpikeRateModel.open(dir.resolve("model"))) {
				width[f] = m.spikeWidthFrames(100);
				for (String d : NeuronFolds.DATASETS) {
					TraceSet train = NeuronFolds.read(dir.resolve("train"), d);
					double[][] r = m.rates(train);
					for (int i = 0; i < train.size(); i++) {
						double[] y = train.spikes(i);
						for (int t = 0; t < y.length; t++) {
							if (!Double.isFinite(y[t]) || !Double.isFinite(r[i][t])) continue;
							for (int j = 0; j < ps.length; j++) {
								recorded[j] += y[t];
								inferred[j] += Math.pow(Math.max(0, r[i][t]), ps[j]);
							}
						}
					}
					TraceSet test = NeuronFolds.read(dir.resolve("test"), d);
					ts.add(test);
					rs.add(m.rates(test));
				}
			}
			for (int j = 0; j < ps.length; j++) gains[f][j] = recorded[j] / inferred[j];
			tests.add(ts);
			testRates.add(rs);
		}
		for (int j = 0; j < ps.length; j++) {
			int jj = j;
			NeuronFolds.printScores(tests, testRates, width, "p=" + ps[j], (f, r) -> {
				double[] v = new double[r.length];
				for (int u = 0; u < r.length; u++) {
					v[u] = Double.isFinite(r[u]) ? gains[f][jj] * Math.pow(Math.max(0, r[u]), ps[jj])
						: r[u];
				}
				return v;
			});
		}
	}
}
