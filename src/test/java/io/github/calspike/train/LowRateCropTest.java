package io.github.calspike.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.Resampling;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The low-frame-rate augmentation must show the network what inference shows it for a real slow
 * recording: the same frames, at the same places, in the same units.
 */
class LowRateCropTest {

	@Test
	void aCropRecordedAgainAtALowerRateIsWhatInferenceMakesOfSuchARecording() {
		for (double hz : new double[] { 7.5, 30 }) {
			Random r = new Random(3);
			int n = 6000;
			double[] raw = new double[n];
			double c = 0;
			for (int t = 0; t < n; t++) {
				if (r.nextDouble() < 0.01) c += 8;
				c *= Math.exp(-1 / 50.0);
				raw[t] = 100 + 20 * (c + r.nextGaussian());
			}
			// the slow recording: frames averaged, as a slower camera or scan records them
			double[] slow = Resampling.slower(raw, 100, hz, false);
			double[] seen = Normalization.NOISE.applyResampled(slow, hz, 100);

			double[] x = Normalization.NOISE.apply(raw);
			float[] crop = new float[n];
			for (int t = 0; t < n; t++) crop[t] = (float) x[t];
			RateConfig cfg = RateConfig.defaults().withAugmentation(0, 0);
			RateTrainer.lowRate(crop, 0, n, hz, 100, cfg, Normalization.NOISE, new Random(1));

			double diff = 0, signal = 0;
			for (int t = 0; t < n; t++) {
				diff += (crop[t] - seen[t]) * (crop[t] - seen[t]);
				signal += seen[t] * seen[t];
			}
			double rel = Math.sqrt(diff / signal);
			assertTrue(rel < 0.05, hz + " Hz: training crop differs from inference's view by " + rel);
		}
	}

	@Test
	void addedNoiseLeavesTheCropInTheUnitsInferenceWouldMeasure() {
		for (int seed = 1; seed <= 10; seed++) {
			Random r = new Random(seed);
			int n = 2048;
			float[] crop = new float[n];
			for (int t = 0; t < n; t++) crop[t] = (float) (0.1 * r.nextGaussian());
			RateTrainer.lowRate(crop, 0, n, 10, 100, RateConfig.defaults().withAugmentation(1, 0),
				Normalization.NOISE, r);
			double[] frames = new double[n / 10];
			for (int j = 0; j < frames.length; j++) frames[j] = crop[10 * j];
			double scale = Normalization.NOISE.centreAndScale(frames, 10, 100)[1];
			assertTrue(Math.abs(scale - 1) < 0.02, "seed " + seed + ": scale " + scale);
		}
	}
}
