package io.github.calspike.bench;

import io.github.calspike.data.WindowSpec;
import io.github.calspike.data.Windowing;
import io.github.calspike.infer.ModelSettings;
import io.github.calspike.infer.SpikeClassifierModel;
import io.github.calspike.nn.Djl;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.SpikeFinderCsv;

import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Locale;

/**
 * Inference speed of the bundled classifier on one libtorch thread: windows per second over all
 * frames of a SpikeFinder recording (windowing included), median of 5 runs after 2 warm-ups.
 * Usage: ClassifierSpeedBenchmark CALCIUM_CSV [THREADS]
 */
public final class ClassifierSpeedBenchmark {

	private ClassifierSpeedBenchmark() {}

	public static void main(String[] args) throws Exception {
		int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
		Djl.setThreads(threads);
		TraceSet t = SpikeFinderCsv.readCalcium(Paths.get(args[0]), SpikeFinderCsv.Options
			.defaults());
		try (SpikeClassifierModel m = SpikeClassifierModel.bundled()) {
			WindowSpec spec = ModelSettings.window(m.info());
			double[] secs = new double[7];
			for (int r = 0; r < secs.length; r++) {
				long t0 = System.nanoTime();
				for (int i = 0; i < t.size(); i++) {
					double[] x = Normalization.ROBUST_ZSCORE.apply(t.calcium(i));
					m.probabilities(Windowing.everyFrame(x, spec), x.length);
				}
				secs[r] = (System.nanoTime() - t0) / 1e9;
			}
			double[] warm = Arrays.copyOfRange(secs, 2, secs.length);
			Arrays.sort(warm);
			System.out.printf(Locale.ROOT, "inference: %d windows in %.2f s (median), %.0f windows/s," +
				" %d thread(s)%n", t.totalFrames(), warm[2], t.totalFrames() / warm[2], threads);
		}
	}
}
