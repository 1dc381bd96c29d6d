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
 * means over datasets 4, 5 and 6. Usage: FrameRateSweepProbe FAST_DIR SLOW_DIR K [RATES...]
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
		System.out.println("| rate (Hz) | noise | model | corr 7.5 Hz bins | count error | " +
			"median count ratio | quiet rate (Hz) | rate corr | discrete P | R | F1 | " +
			"median count ratio 4 / 5 / 6 |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
		for (double hz : rates) {
			for (double noise : new double[] { 0, 0.1 }) {
				for (boolean useSlow : slow(hz)) {
					double[] mean = new double[9];
					StringBuilder ratios = new StringBuilder();
					for (String d : NeuronFolds.DATASETS) {
						NeuronFolds.Pooled pooled = new NeuronFolds.Pooled();
						for (int f = 0; f < k; f++) {
							TraceSet t = NeuronFolds.read(fast.resolve("nf-" + f + "/test"), d);
							if (hz < t.rateHz() || noise > 0) {
								t = SpikeCountBenchmark.noisyLowRate(t, hz, noise, 7 + f);
							}
							Path model = useSlow ? slowModels[f] : fastModels[f];
							try (SpikeRateModel m = SpikeRateModel.open(model)) {
								pooled.add(f, t, SpikeInference.run(m, t));
							}
						}
						SpikeScores s = pooled.scores(hz);
						double[] row = SpikeCountBenchmark.scores(s, false);
						for (int j = 0; j < row.length; j++) {
							mean[j] += row[j] / NeuronFolds.DATASETS.length;
						}
						ratios.append(ratios.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT,
							"%.2f", s.medianCountRatio()));
					}
					System.out.println(String.format(Locale.ROOT, "| %s | %s | %s | %.3f | %.3f | %.2f " +
						"| %.2f | %.2f | %.2f | %.2f | %.3f | %s |", hz, noise > 0 ? "0.1 x range" : "none",
						useSlow ? "slow" : "100 Hz", mean[1], mean[2], mean[3], mean[4], mean[5], mean[6],
						mean[7], mean[8], ratios));
				}
			}
		}
	}
}
