package io.github.calspike.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The detector's training loop: it learns, Stop keeps the last epoch, and one seed gives one model. */
class DetectorTrainerTest {

	/** Bright squares on noise; the cell target marks them, the centre target their middles. */
	static DetectorTrainer.Image image(long seed) {
		int w = 48, h = 48;
		Random rnd = new Random(seed);
		float[][] ch = new float[2][w * h], tg = new float[2][w * h];
		for (int i = 0; i < w * h; i++) ch[0][i] = (float) (0.3 * rnd.nextGaussian());
		for (int k = 0; k < 6; k++) {
			int cx = 6 + rnd.nextInt(w - 12), cy = 6 + rnd.nextInt(h - 12);
			for (int y = cy - 3; y <= cy + 3; y++) {
				for (int x = cx - 3; x <= cx + 3; x++) {
					ch[0][y * w + x] += 1;
					ch[1][y * w + x] = 1;
					tg[0][y * w + x] = 1;
				}
			}
			tg[1][cy * w + cx] = 1;
		}
		return new DetectorTrainer.Image(ch, tg, w, h);
	}

	static DetectorConfig small() {
		return new DetectorConfig().withEpochs(3).withBatches(6).withTiles(4, 32).withNetwork(16, 2);
	}

	@Test
	void lossFallsAndTheSameSeedGivesTheSameModel() {
		List<DetectorTrainer.Image> images = List.of(image(1), image(2));
		TrainingResult a = DetectorTrainer.train(images, small(), null, TrainingProgress.NONE,
			new StopSignal());
		assertEquals(3, a.history().size());
		// With 4 filters (channel blocks of libtorch's CPU convolutions partly filled) this failed on
		// about a third of runs with a NaN loss or a second model differing from the first
		assertTrue(a.history().stream().allMatch(e -> Double.isFinite(e.trainLoss())), "loss " + a
			.history());
		assertTrue(a.history().get(2).trainLoss() < a.history().get(0).trainLoss(), "loss " + a
			.history().get(0).trainLoss() + " -> " + a.history().get(2).trainLoss());
		TrainingResult b = DetectorTrainer.train(images, small(), null, TrainingProgress.NONE,
			new StopSignal());
		assertArrayEquals(a.parameters(), b.parameters());
	}

	@Test
	void aNetworkWidthThatTrainingCannotUseIsRefused() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
			new DetectorConfig().withNetwork(24, 2));
		assertTrue(e.getMessage().contains("filters") && e.getMessage().contains("24") && e
			.getMessage().contains("16 or 32"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> RateConfig.defaults().withNetwork(8, 3, 2));
		assertEquals(32, RateConfig.defaults().withNetwork(32, 3, 2).filters());
	}

	@Test
	void stopKeepsTheLastCompleteEpochAndStopBeforeAnyGivesNone() {
		StopSignal stop = new StopSignal();
		int[] validated = { 0 };
		TrainingResult r = DetectorTrainer.train(List.of(image(1)), small(), maps -> {
			validated[0]++;
			float[][] m = maps.predict(image(3).channels, 48, 48);
			assertEquals(2, m.length);
			return 0.5;
		}, TrainingProgress.onEpoch(e -> stop.requestStop()), stop);
		assertTrue(r.stopped());
		assertEquals(1, r.history().size());
		assertEquals(1, validated[0]);
		assertEquals(0.5, r.history().get(0).validationScore());
		assertNotNull(r.parameters());
		StopSignal now = new StopSignal();
		now.requestStop();
		r = DetectorTrainer.train(List.of(image(1)), small(), null, TrainingProgress.NONE, now);
		assertNull(r.parameters());
		assertTrue(r.stopped());
	}

	@Test
	void imagesSmallerThanATileAreRefused() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DetectorTrainer
			.train(List.of(image(1)), small().withTiles(4, 64), null, TrainingProgress.NONE,
				new StopSignal()));
		assertTrue(e.getMessage().contains("48 x 48"), e.getMessage());
	}
}
