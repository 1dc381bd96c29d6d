package io.github.calspike.bench;

import io.github.calspike.infer.SpikeRateModel;
import io.github.calspike.nn.Djl;
import io.github.calspike.testing.Synthetic;
import io.github.calspike.trace.TraceSet;

import java.nio.file.Paths;
import java.util.Locale;

/**
 * Inference speed of a spike-rate model on ten neuron-hours at 100 Hz (10 synthetic neurons of
 * one hour each, 3.6 million frames), one libtorch thread, normalisation and resampling included.
 * Usage: RateSpeedBenchmark [MODEL_DIR] (default: the bundled model)
 */
public final class RateSpeedBenchmark {

	private RateSpeedBenchmark() {}

	public static void main(String[] args) throws Exception {
		Djl.setThreads(1);
		TraceSet t = Synthetic.recording(5, 10, 360_000 + 37 * 9, 100, 0.03, 0.2);
		try (SpikeRateModel m = args.length > 0 ? SpikeRateModel.open(Paths.get(args[0]))
			: SpikeRateModel.bundled())
		{
			m.rates(t.select(0)); // warm-up
			long t0 = System.nanoTime();
			m.rates(t);
			double s = (System.nanoTime() - t0) / 1e9;
			System.out.printf(Locale.ROOT, "ten neuron-hours (%d frames), %d-member ensemble: %.1f s," +
				" %.0f frames/s%n", t.totalFrames(), m.info().network.members, s, t.totalFrames() / s);
		}
	}
}
