package io.github.calspike.bench;

import io.github.calspike.infer.SpikeRateModel;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.Resampling;
import io.github.calspike.trace.TraceSet;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Gains fitted on noisy slow versions of the training neurons, on unseen neurons (the folds of
 * {@code scripts/benchmark-rate-neurons}): each fold model's calibrated rate on the training
 * neurons recorded at 7.5 Hz with white noise of sd L x their 1st-99th percentile range is
 * compared with their recorded spikes, and that correction multiplies its rate on the held-out
 * neurons as the benchmark records them (7.5 Hz, noise 0.1, seed 7 + fold). L = 0 is the model as
 * it is. Usage: NoisyGainProbe K OUT L1 L2 ...
 */
public final class NoisyGainProbe {

	private static final double HZ = 7.5;

	public static void main(String[] a) throws Exception {
		int k = Integer.parseInt(a[0]);
		Path out = Paths.get(a[1]);
		double[] levels = new double[a.length - 2];
		for (int i = 0; i < levels.length; i++) levels[i] = Double.parseDouble(a[i + 2]);
		List<List<TraceSet>> tests = new ArrayList<>();
		List<List<double[][]>> testRates = new ArrayList<>();
		double[][] corr = new double[k][levels.length];
		double[] width = new double[k];
		for (int f = 0; f < k; f++) {
			Path dir = out.resolve("nf-" + f);
			List<TraceSet> ts = new ArrayList<>();
			List<double[][]> rs = new ArrayList<>();
			try (SpikeRateModel m = SpikeRateModel.open(dir.resolve("model"))) {
				width[f] = m.spikeWidthFrames(HZ);
				for (int j = 0; j < levels.length; j++) {
					double recorded = 0, inferred = 0;
					for (String d : NeuronFolds.DATASETS) for (TraceSet train : noisy(NeuronFolds.read(dir
						.resolve("train"), d), levels[j], 100 + f)) {
						double[][] r = m.rates(train);
						for (int i = 0; i < train.size(); i++) {
							double[] y = train.spikes(i);
							for (int t = 0; t < y.length && t < r[i].length; t++) {
								if (!Double.isFinite(y[t]) || !Double.isFinite(r[i][t])) continue;
								recorded += y[t];
								inferred += r[i][t];
							}
						}
					}
					corr[f][j] = levels[j] == 0 ? 1 : recorded / inferred;
					System.out.printf("fold %d, noise %.3f: correction %.3f%n", f, levels[j], corr[f][j]);
				}
				for (String d : NeuronFolds.DATASETS) {
					TraceSet test = SpikeCountBenchmark.noisyLowRate(NeuronFolds.read(dir.resolve("test"),
						d), HZ, 0.1, 7 + f);
					ts.add(test);
					rs.add(m.rates(test));
				}
			}
			tests.add(ts);
			testRates.add(rs);
		}
		for (int j = 0; j < levels.length; j++) {
			int jj = j;
			NeuronFolds.printScores(tests, testRates, width, "L=" + levels[j], (f, r) -> {
				double[] v = r.clone();
				for (int u = 0; u < v.length; u++) v[u] *= corr[f][jj];
				return v;
			});
		}
	}

	/**
	 * @return the training neurons at 7.5 Hz with noise: L >= 0, sd L x range (as the benchmark);
	 *         L < 0, five copies with sd 1, 3, 5, 7 and 9 x the averaged frames' own noise (the
	 *         noise the slow training crops get, uniform 0-10 x)
	 */
	private static List<TraceSet> noisy(TraceSet t, double level, long seed) {
		if (level >= 0) return List.of(SpikeCountBenchmark.noisyLowRate(t, HZ, level, seed));
		List<TraceSet> out = new ArrayList<>();
		Random rnd = new Random(seed);
		for (double ratio : new double[] { 1, 3, 5, 7, 9 }) {
			double[][] c = new double[t.size()][], y = new double[t.size()][];
			for (int i = 0; i < t.size(); i++) {
				double[] x = t.calcium(i);
				double sd100 = Normalization.NOISE.centreAndScale(x)[1] * 0.1;
				c[i] = Resampling.slower(x, t.rateHz(), HZ, false);
				y[i] = Resampling.slower(t.spikes(i), t.rateHz(), HZ, true);
				double sd = ratio * sd100 / Math.sqrt(t.rateHz() / HZ);
				for (int u = 0; u < c[i].length; u++) c[i][u] += sd * rnd.nextGaussian();
			}
			out.add(new TraceSet(t.names(), HZ, c, y));
		}
		return out;
	}
}
