package io.github.calspike.bench;

import io.github.calspike.analysis.SpikeScores;
import io.github.calspike.infer.SpikeInference;
import io.github.calspike.infer.SpikeRateModel;
import io.github.calspike.trace.TraceSet;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a recording at another frame rate gets: the unseen-neuron fold models of the two bundled
 * recipes ({@code scripts/benchmark-rate-neurons}; the 100 Hz recipe and the slow one), each
 * calibrated again with today's code, and every fold's held-out neurons recorded again at each
 * rate (frames averaged, spikes summed; with and without white noise of sd 0.1 x each trace's
 * 1st-99th percentile range, the noisy recipe) and run through the model the commands
 * pick for that rate (the slow one at {@value SpikeRateModel#SLOW_MAX_HZ} Hz or slower). Prints the
 * means over datasets 4, 5 and 6. Both folders must hold the same split (the same K); each
 * recording is made once and run through every model asked for. Usage: FrameRateSweepProbe
 * FAST_DIR SLOW_DIR K [RATES...]
 * ({@code -Dmodel=slow} or {@code fast}: that model at every rate; {@code both}: both)
 */
public final class FrameRateSweepProbe {

	/**
	 * @return whether to run the slow model, the 100 Hz one, or both, at {@code hz}: the commands'
	 *         pick, or -Dmodel=slow, fast or both
	 */
	private static boolean[] slow(double hz) {
		String m = System.getProperty("model", "");
		if (m.equals("both")) return new boolean[] { true, false };
		return new boolean[] { m.equals("slow") || !m.equals("fast") && hz <= SpikeRateModel
			.SLOW_MAX_HZ };
	}

	private static boolean runs(List<Double> rates, boolean slow) {
		for (double hz : rates) {
			for (boolean s : slow(hz)) {
				if (s == slow) return true;
			}
		}
		return false;
	}

	public static void main(String[] a) throws Exception {
		Path fast = Paths.get(a[0]), slow = Paths.get(a[1]);
		int k = Integer.parseInt(a[2]);
		List<Double> rates = new ArrayList<>();
		for (int i = 3; i < a.length; i++) rates.add(Double.parseDouble(a[i]));
		if (rates.isEmpty()) rates = List.of(7.5, 15.0, 30.0, 50.0, 60.0, 100.0);
		Path[] fastModels = new Path[k], slowModels = new Path[k];
		boolean anySlow = runs(rates, true), anyFast = runs(rates, false);
		for (int f = 0; f < k; f++) {
			if (anyFast) {
				System.setProperty("basequantile", "0.5");
				fastModels[f] = SpikeCountBenchmark.recalibrated(fast.resolve("nf-" + f + "/model"), fast
					.resolve("nf-" + f + "/train"), "none", 0.999);
			}
			if (anySlow) {
				System.setProperty("basequantile", "0.9");
				slowModels[f] = SpikeCountBenchmark.recalibrated(slow.resolve("nf-" + f + "/model"), slow
					.resolve("nf-" + f + "/train"), "none", 0.999);
			}
		}
		// the held-out neurons, read once; both folders must hold the same split
		TraceSet[][] tests = new TraceSet[k][NeuronFolds.DATASETS.length];
		for (int f = 0; f < k; f++) {
			for (int d = 0; d < tests[f].length; d++) {
				String ds = NeuronFolds.DATASETS[d];
				tests[f][d] = NeuronFolds.read(fast.resolve("nf-" + f + "/test"), ds);
				if (!tests[f][d].names().equals(NeuronFolds.read(slow.resolve("nf-" + f + "/test"), ds)
					.names()))
				{
					throw new IllegalArgumentException(fast + " and " + slow + " hold different " +
						"held-out neurons in fold " + f + " (dataset " + ds + ")");
				}
			}
		}
		System.out.println("| rate (Hz) | noise | model | corr 7.5 Hz bins | count error | " +
			"median count ratio | quiet rate (Hz) | rate corr | discrete P | R | F1 | " +
			"median count ratio 4 / 5 / 6 |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
		SpikeRateModel[] fastOpen = new SpikeRateModel[k], slowOpen = new SpikeRateModel[k];
		try {
			for (int f = 0; f < k; f++) {
				if (anyFast) fastOpen[f] = SpikeRateModel.open(fastModels[f]);
				if (anySlow) slowOpen[f] = SpikeRateModel.open(slowModels[f]);
			}
			for (double hz : rates) {
				for (double noise : new double[] { 0, 0.1 }) {
					boolean[] which = slow(hz);
					double[][] mean = new double[which.length][9];
					StringBuilder[] ratios = new StringBuilder[which.length];
					for (int w = 0; w < which.length; w++) ratios[w] = new StringBuilder();
					for (int d = 0; d < NeuronFolds.DATASETS.length; d++) {
						NeuronFolds.Pooled[] pooled = new NeuronFolds.Pooled[which.length];
						for (int w = 0; w < which.length; w++) pooled[w] = new NeuronFolds.Pooled();
						for (int f = 0; f < k; f++) {
							TraceSet t = tests[f][d];
							if (hz < t.rateHz() || noise > 0) {
								t = SpikeCountBenchmark.noisyLowRate(t, hz, noise, 7 + f);
							}
							for (int w = 0; w < which.length; w++) {
								pooled[w].add(f, t, SpikeInference.run(which[w] ? slowOpen[f] : fastOpen[f], t));
							}
						}
						for (int w = 0; w < which.length; w++) {
							SpikeScores s = pooled[w].scores(hz);
							double[] row = SpikeCountBenchmark.scores(s, false);
							for (int j = 0; j < row.length; j++) {
								mean[w][j] += row[j] / NeuronFolds.DATASETS.length;
							}
							ratios[w].append(ratios[w].length() == 0 ? "" : " / ").append(String.format(
								Locale.ROOT, "%.2f", s.medianCountRatio()));
						}
					}
					for (int w = 0; w < which.length; w++) {
						double[] m = mean[w];
						System.out.println(String.format(Locale.ROOT, "| %s | %s | %s | %.3f | %.3f | " +
							"%.2f | %.2f | %.2f | %.2f | %.2f | %.3f | %s |", hz, noise > 0 ? "0.1 x range"
								: "none", which[w] ? "slow" : "100 Hz", m[1], m[2], m[3], m[4], m[5], m[6],
							m[7], m[8], ratios[w]));
					}
				}
			}
		}
		finally {
			for (int f = 0; f < k; f++) {
				if (fastOpen[f] != null) fastOpen[f].close();
				if (slowOpen[f] != null) slowOpen[f].close();
			}
		}
	}
}
