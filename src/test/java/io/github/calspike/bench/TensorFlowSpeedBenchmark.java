package io.github.calspike.bench;

import io.github.calspike.infer.TensorFlowModel;
import io.github.calspike.infer.TensorFlowSettings;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.SpikeFinderCsv;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * Windows per second of "Run TensorFlow Model"'s inference (normalisation, windows, features,
 * TensorFlow, resampling) on the SavedModel fixtures, over a SpikeFinder calcium file. Run by
 * scripts/benchmark-tensorflow.
 */
public final class TensorFlowSpeedBenchmark {

	private TensorFlowSpeedBenchmark() {}

	public static void main(String[] args) throws Exception {
		TraceSet traces = SpikeFinderCsv.readCalcium(Paths.get(args[0]), SpikeFinderCsv.Options
			.defaults());
		Path fixtures = Paths.get(args.length > 1 ? args[1] : "test-data/tensorflow");
		run("linear-probability (20 bins)", fixtures.resolve("linear-probability"),
			new TensorFlowSettings(20, TensorFlowSettings.Layout.SAMPLES_BINS,
				TensorFlowSettings.Features.RAW, Normalization.ROBUST_ZSCORE, 100,
				TensorFlowSettings.Kind.PROBABILITY, "serving_default"), traces);
		run("features-rate (32 bins x 3)", fixtures.resolve("features-rate"),
			new TensorFlowSettings(32, TensorFlowSettings.Layout.SAMPLES_BINS_FEATURES,
				TensorFlowSettings.Features.X_DX_X2, Normalization.NOISE, 100,
				TensorFlowSettings.Kind.RATE, "serving_default"), traces);
	}

	private static void run(String name, Path dir, TensorFlowSettings s, TraceSet traces)
		throws Exception
	{
		try (TensorFlowModel m = TensorFlowModel.open(dir, s)) {
			for (int rep = 0; rep < 3; rep++) {
				long t0 = System.nanoTime(), windows = 0;
				for (int i = 0; i < traces.size(); i++) {
					windows += m.outputs(traces.calcium(i), traces.rateHz()).length;
				}
				double sec = (System.nanoTime() - t0) / 1e9;
				System.out.printf(Locale.ROOT, "%s, run %d: %d windows in %.2f s = %.0f windows/s%n",
					name, rep + 1, windows, sec, windows / sec);
			}
		}
	}
}
