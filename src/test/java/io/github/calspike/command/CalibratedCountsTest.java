package io.github.calspike.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.infer.SpikeInference;
import io.github.calspike.infer.SpikeRateModel;
import io.github.calspike.testing.Synthetic;
import io.github.calspike.trace.Resampling;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.Padding;
import io.github.calspike.trace.io.SpikeFinderCsv;
import io.github.calspike.ui.OutputService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * Counts a user can read: "Train Spike Rate Model" on ground truth of one indicator, firing at
 * 0.1 to 25 Hz, without the augmentations that make a model generalise to other indicators
 * (README, "Training for your own indicator"), then "Infer Spikes" on other neurons of that
 * indicator. A silent neuron gets almost nothing, and neurons firing at 1, 5 and 20 Hz get their
 * spike counts within 1.4x.
 */
class CalibratedCountsTest {

	@TempDir
	static Path dir;

	static Context context;
	static Path model;

	/** Firing rates (Hz) of the training neurons, three recordings of four. */
	private static final double[][] TRAINING_HZ = { { 0.5, 2, 8, 25 }, { 1, 4, 12, 0.2 }, { 3, 6, 16,
		0.1 } };

	@BeforeAll
	static void train() throws Exception {
		context = new Context();
		context.service(OutputService.class).setOutputFolder(dir.resolve("out"));
		Path data = Files.createDirectory(dir.resolve("data"));
		for (int k = 0; k < TRAINING_HZ.length; k++) {
			TraceSet t = neurons(20 + k, TRAINING_HZ[k]);
			SpikeFinderCsv.writeCalcium(data.resolve("s" + k + ".calcium.csv"), t, Padding.NAN);
			SpikeFinderCsv.writeSpikes(data.resolve("s" + k + ".spikes.csv"), t, Padding.NAN);
		}
		model = dir.resolve("model");
		CommandModule m = context.service(CommandService.class).run(TrainSpikeRateModel.class, true,
			"calcium", data.toFile(), "model", model.toFile(), "epochs", 15, "members", 1, "fraction",
			0.0, "noise", 0.0, "scale", 0.0, "stretch", 0.0, "synthetic", 0.0).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	/** @return one synthetic neuron per rate, 2 minutes at 100 Hz each */
	private static TraceSet neurons(long seed, double[] hz) {
		List<TraceSet> sets = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < hz.length; i++) {
			// Synthetic spikes: per-frame probability p, a fifth of them doubles: 1.2 p spikes a frame
			sets.add(Synthetic.recording(seed * 100 + i, 1, 12000, 100, hz[i] / 100 / 1.2, 0.3));
			names.add("n" + i);
		}
		return TraceSet.concat(sets, names);
	}

	/** @return inferred and recorded spikes per second of each neuron */
	private static double[][] inferredAndRecordedHz(TraceSet t) throws Exception {
		try (SpikeRateModel m = SpikeRateModel.open(model)) {
			SpikeInference.Result r = SpikeInference.run(m, t);
			double[][] out = new double[t.size()][2];
			for (int i = 0; i < t.size(); i++) {
				double seconds = t.length(i) / t.rateHz();
				for (int f = 0; f < t.length(i); f++) {
					out[i][0] += r.rates[i][f] / seconds;
					out[i][1] += t.spikes(i)[f] / seconds;
				}
			}
			return out;
		}
	}

	@Test
	void aSilentNeuronGetsAtMostATenthOfASpikeEveryHalfSecond() throws Exception {
		double[][] hz = inferredAndRecordedHz(neurons(99, new double[] { 0, 0 }));
		for (double[] n : hz) {
			assertEquals(0, n[1]);
			assertTrue(n[0] <= 0.2, "silent neuron: " + n[0] + " Hz inferred");
		}
	}

	@Test
	void neuronsFiringAtOneFiveAndTwentyHzGetTheirCountsWithin1point4x() throws Exception {
		double[] rates = { 1, 5, 20 };
		double[][] hz = inferredAndRecordedHz(neurons(98, rates));
		StringBuilder all = new StringBuilder();
		boolean ok = true;
		for (int i = 0; i < rates.length; i++) {
			double ratio = hz[i][0] / hz[i][1];
			all.append(String.format(java.util.Locale.ROOT, "%.2f Hz recorded, %.2f Hz inferred (%.2fx); ",
				hz[i][1], hz[i][0], ratio));
			ok &= hz[i][1] > 0.5 * rates[i] && ratio >= 1 / 1.4 && ratio <= 1.4;
		}
		assertTrue(ok, all.toString());
	}

	/**
	 * The gain is fitted again at slower rates on the training neurons recorded there, so a slow
	 * recording of the indicator keeps its total count. (Per neuron, counts at 7.5 Hz are
	 * compressed toward the mean: noise-unit normalisation of dense, slow frames measures
	 * activity as noise. BENCHMARKS.md, "Slow recordings".)
	 */
	@Test
	void theSameNeuronsRecordedAt7point5HzGetTheirTotalCountWithin1point2x() throws Exception {
		TraceSet fast = neurons(98, new double[] { 1, 5, 20 });
		double[][] c = new double[fast.size()][], y = new double[fast.size()][];
		for (int i = 0; i < fast.size(); i++) {
			c[i] = Resampling.slower(fast.calcium(i), 100, 7.5, false);
			y[i] = Resampling.slower(fast.spikes(i), 100, 7.5, true);
		}
		double[][] hz = inferredAndRecordedHz(new TraceSet(fast.names(), 7.5, c, y));
		double inferred = 0, recorded = 0;
		for (double[] n : hz) {
			inferred += n[0];
			recorded += n[1];
		}
		double ratio = inferred / recorded;
		assertTrue(ratio >= 1 / 1.2 && ratio <= 1.2, String.format(java.util.Locale.ROOT,
			"%.2f Hz recorded, %.2f Hz inferred (%.2fx)", recorded, inferred, ratio));
	}
}
