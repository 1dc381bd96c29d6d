package io.github.calspike.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.data.WindowSet;
import io.github.calspike.testing.Synthetic;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.TraceSet;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/**
 * Stop, for the model kinds whose own tests do not cover it (the classifier's and the detector's
 * do): the rate model, the calcium VAE and the digit VAE all run through {@link TrainingLoop}, so
 * a stop request ends the run before the next batch, keeps the last complete epoch, and a stop
 * before any epoch completes keeps nothing.
 */
class StopEveryKindTest {

	/** Requests a stop when the first batch of epoch 2 reports. */
	private static TrainingProgress stopInEpochTwo(StopSignal stop) {
		return (fraction, status) -> {
			if (status.startsWith("epoch 2/")) stop.requestStop();
		};
	}

	private static StopSignal already() {
		StopSignal s = new StopSignal();
		s.requestStop();
		return s;
	}

	@Test
	void rateModel() {
		TraceSet t = Synthetic.recording(3, 2, 4200, 100, 0.02, 0.3);
		RateConfig cfg = RateConfig.defaults().withEpochs(3).withBatch(2, 512).withNetwork(16, 3, 2)
			.withGlobalContext(-1);
		RateTrainer.Scorer none = (truth, p) -> 0;
		StopSignal stop = new StopSignal();
		int[] batches = { 0 };
		TrainingResult r = RateTrainer.train(t, t.select(), Normalization.NOISE, cfg, none,
			(fraction, status) -> {
				batches[0]++;
				if (status.startsWith("epoch 2/")) stop.requestStop();
			}, stop);
		assertTrue(r.stopped());
		assertEquals(1, r.history().size(), "only epoch 1 completed");
		assertNotNull(r.parameters());
		int perEpoch = (int) (t.totalFrames() / (512 * 2));
		assertEquals(perEpoch + 1, batches[0], "the stop took effect before the next batch");
		TrainingResult full = RateTrainer.train(t, t.select(), Normalization.NOISE, cfg, none,
			TrainingProgress.NONE, new StopSignal());
		assertFalse(full.stopped());
		assertEquals(3, full.history().size());
		TrainingResult nothing = RateTrainer.train(t, t.select(), Normalization.NOISE, cfg, none,
			TrainingProgress.NONE, already());
		assertTrue(nothing.stopped());
		assertNull(nothing.parameters());
	}

	private static VaeConfig vae(int epochs) {
		return VaeConfig.defaults().withNetwork(2, 16).withEpochs(epochs, 32).withLoss(1e-3, 1e-4)
			.withRun(9, 1);
	}

	@Test
	void calciumVaeKeepsExactlyItsFirstEpoch() throws IOException {
		WindowSet w = Synthetic.windows(4, 256), v = Synthetic.windows(5, 64);
		// a fixed learning rate: the first epoch of a 3-epoch run is the whole of a 1-epoch run
		TrainingResult one = VaeTrainer.train(w, v, vae(1),
			TrainingProgress.NONE, new StopSignal());
		StopSignal stop = new StopSignal();
		TrainingResult stopped = VaeTrainer.train(w, v, vae(3),
			stopInEpochTwo(stop), stop);
		assertTrue(stopped.stopped());
		assertEquals(1, stopped.history().size());
		assertArrayEquals(one.parameters(), stopped.parameters());
		assertEquals(one.history().get(0).validationLoss(), stopped.history().get(0)
			.validationLoss());
		assertNull(VaeTrainer.train(w, v, vae(3), TrainingProgress.NONE,
			already()).parameters());
	}

	@Test
	void digitVaeStopsAndReportsOnlyTheEpochsItRan() {
		DigitVaeTraining.Result all = DigitVaeTraining.run(640, 2, 1e-2, 20, 3, new StopSignal());
		assertEquals(2, all.loss.length);
		assertTrue(all.loss[1] > 0 && all.loss[1] < all.loss[0], "loss fell: " + all.loss[0] + " -> " +
			all.loss[1]);
		DigitVaeTraining.Result none = DigitVaeTraining.run(640, 2, 1e-2, 20, 3, already());
		assertEquals(0, none.loss.length, "no epoch ran, none is reported as a loss of 0");
		assertEquals(20, none.latent.length);
	}
}
