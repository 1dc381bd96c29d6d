package io.github.calspike.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.data.NeuronSplit;
import io.github.calspike.testing.Synthetic;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.Recording;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What a training shows while it runs: one bar from 0 to 1 across every member of an ensemble,
 * a status naming the member, and epochs numbered across members as the chart and the model's
 * history have them.
 */
class TrainingProgressTest {

	/** What a progress bar and a chart would show: every fraction, status and epoch. */
	private static final class Recorder implements TrainingProgress {
		final List<Double> fractions = new ArrayList<>();
		final List<String> statuses = new ArrayList<>();
		final List<Integer> epochs = new ArrayList<>();

		@Override
		public void report(double fraction, String status) {
			fractions.add(fraction);
			statuses.add(status);
		}

		@Override
		public void epoch(EpochResult r) {
			epochs.add(r.epoch());
		}
	}

	@Test
	void aSliceMapsItsFractionsAndRenumbersItsEpochs() {
		Recorder parent = new Recorder();
		TrainingProgress second = parent.slice(0.5, 0.25, "member 3/4, ", 10);
		second.report(0.5, "epoch 1/2, batch 3/6, loss 0.5000");
		second.epoch(new EpochResult(2, 1, Double.NaN, Double.NaN, Double.NaN, "", 1, 1, "frames"));
		assertEquals(List.of(0.625), parent.fractions);
		assertEquals(List.of("member 3/4, epoch 1/2, batch 3/6, loss 0.5000"), parent.statuses);
		assertEquals(List.of(12), parent.epochs);
	}

	@Test
	void anEnsembleFillsOneBarAndNumbersItsEpochsAcrossMembers() {
		Recording rec = new Recording("syn", Synthetic.recording(3, 2, 4200, 100, 0.02, 0.3), Path.of(
			"syn.calcium.csv"), Path.of("syn.spikes.csv"));
		NeuronSplit split = NeuronSplit.byFraction(List.of(rec), 0.5, 1);
		RateConfig cfg = RateConfig.defaults().withEpochs(2).withBatch(2, 512).withNetwork(16, 3, 2)
			.withGlobalContext(-1).withThreads(1);
		Recorder shown = new Recorder();
		TrainingResult r = RateTraining.run(split, Normalization.NOISE, cfg, 2, (t, p) -> 0, shown,
			new StopSignal());
		List<Double> fractions = shown.fractions;
		List<String> statuses = shown.statuses;
		List<Integer> epochs = shown.epochs;
		assertEquals(List.of(1, 2, 3, 4), epochs, "the chart's epochs");
		for (int i = 0; i < 4; i++) assertEquals(i + 1, r.history().get(i).epoch(), "history");
		for (int i = 1; i < fractions.size(); i++) {
			assertTrue(fractions.get(i) > fractions.get(i - 1), "the bar never goes back: " + fractions);
		}
		assertEquals(1, fractions.get(fractions.size() - 1), 1e-12);
		assertTrue(fractions.get(fractions.size() / 2 - 1) <= 0.5 + 1e-12);
		assertTrue(statuses.get(0).startsWith("member 1/2, epoch 1/2, batch 1/"), statuses.get(0));
		assertTrue(statuses.get(statuses.size() - 1).startsWith("member 2/2, epoch 2/2, batch "),
			statuses.get(statuses.size() - 1));
	}
}
