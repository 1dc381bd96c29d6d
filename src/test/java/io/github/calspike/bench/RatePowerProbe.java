package io.github.calspike.bench;

import io.github.calspike.analysis.SpikeScores;
import io.github.calspike.infer.SpikeInference;
import io.github.calspike.infer.SpikeRateModel;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.SpikeFinderCsv;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sharpened rate on unseen neurons (the folds of {@code scripts/benchmark-rate-neurons}): each
 * fold model's calibrated rate r becomes G r^p, G fitted so that the fold's training neurons'
 * expected spikes add up to their recorded spikes, discrete spikes placed again; scored per
 * dataset at 100 Hz as {@link NeuronFolds}. p = 1 is the model as it is. With -Dround=C an event
 * of expected mass m gets floor(m + C) discrete spikes (0.5: as SpikeStatistics). Usage:
 * RatePowerProbe K OUT p1 p2 ...
 */
public final class RatePowerProbe {

	private static final String[] DATASETS = { "4", "5", "6" };

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
				for (String d : DATASETS) {
					TraceSet train = read(dir.resolve("train"), d);
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
					TraceSet test = read(dir.resolve("test"), d);
					ts.add(test);
					rs.add(m.rates(test));
				}
			}
			for (int j = 0; j < ps.length; j++) gains[f][j] = recorded[j] / inferred[j];
			tests.add(ts);
			testRates.add(rs);
		}
		for (int j = 0; j < ps.length; j++) {
			double[] sums = new double[9];
			for (int di = 0; di < DATASETS.length; di++) {
				List<String> names = new ArrayList<>();
				List<double[]> truth = new ArrayList<>(), rates = new ArrayList<>(), discrete =
					new ArrayList<>();
				for (int f = 0; f < k; f++) {
					TraceSet t = tests.get(f).get(di);
					double[][] r = testRates.get(f).get(di);
					double[][] sharp = new double[t.size()][];
					for (int i = 0; i < t.size(); i++) {
						sharp[i] = new double[r[i].length];
						for (int u = 0; u < r[i].length; u++) {
							sharp[i][u] = Double.isFinite(r[i][u]) ? gains[f][j] * Math.pow(Math.max(0,
								r[i][u]), ps[j]) : r[i][u];
						}
					}
					SpikeInference.Result res = SpikeInference.ofRates(t, sharp, width[f]);
					for (int i = 0; i < t.size(); i++) {
						names.add(f + "/" + t.name(i));
						truth.add(t.spikes(i));
						rates.add(sharp[i]);
						discrete.add(ROUND == 0.5 ? res.discrete[i] : rounded(sharp[i], ROUND, width[f]));
					}
				}
				SpikeScores s = SpikeScores.of(names, truth.toArray(new double[0][]), rates.toArray(
					new double[0][]), discrete.toArray(new double[0][]), 100);
				double[] row = SpikeCountBenchmark.scores(s, true);
				for (int c = 0; c < row.length; c++) sums[c] += row[c] / DATASETS.length;
				System.out.println(SpikeCountBenchmark.row(DATASETS[di] + ".train", "p=" + ps[j], row));
			}
			System.out.println(SpikeCountBenchmark.row("mean", "p=" + ps[j], sums));
		}
	}

	/** -Dround=C: an event of mass m gets floor(m + C) spikes (0.5 in SpikeStatistics). */
	private static final double ROUND = Double.parseDouble(System.getProperty("round", "0.5"));

	/**
	 * Discrete spikes as SpikeStatistics places them (each spike takes a Gaussian of sd {@code w}
	 * frames off the rate), with rounding offset {@code c}.
	 */
	private static double[] rounded(double[] rate, double c, double w) {
		double[] r = new double[rate.length];
		for (int t = 0; t < r.length; t++) r[t] = rate[t] > 0 ? rate[t] : 0;
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
			long n = (long) Math.floor(mass + c);
			double[] res = Arrays.copyOfRange(r, a, t);
			for (long k = 0; k < n; k++) {
				int at = 0;
				for (int u = 1; u < res.length; u++) if (res[u] > res[at]) at = u;
				out[a + at]++;
				for (int u = 0; u < res.length; u++) res[u] -= Math.exp(-0.5 * (u - at) * (u - at) / (w *
					w)) / (w * Math.sqrt(2 * Math.PI));
			}
		}
		return out;
	}

	private static TraceSet read(Path dir, String d) throws Exception {
		return SpikeFinderCsv.read(dir.resolve(d + ".train.calcium.csv"), dir.resolve(d +
			".train.spikes.csv"), SpikeFinderCsv.Options.defaults());
	}
}
