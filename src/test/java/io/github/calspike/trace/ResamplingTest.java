package io.github.calspike.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResamplingTest {

	@Test
	void sameRateIsACopy() {
		double[] x = { 1, 2, 3 };
		double[] y = Resampling.resample(x, 100, 100);
		assertArrayEquals(x, y);
		y[0] = 9;
		assertEquals(1, x[0]);
	}

	@Test
	void upsamplingInterpolatesLinearlyAndHoldsTheEnd() {
		assertArrayEquals(new double[] { 0, 0.5, 1, 1.5, 2, 2 }, Resampling.resample(new double[] { 0,
			1, 2 }, 50, 100), 1e-12);
	}

	@Test
	void downAndBackUpKeepsARampAndTheLength() {
		double[] ramp = new double[101];
		for (int i = 0; i < ramp.length; i++) ramp[i] = 0.3 * i;
		double[] down = Resampling.resample(ramp, 100, 25);
		assertEquals(25, down.length);
		assertEquals(0.3 * 4, down[1], 1e-12);
		double[] back = Resampling.resample(down, 25, 100, ramp.length);
		assertEquals(ramp.length, back.length);
		for (int i = 0; i < 97; i++) assertEquals(ramp[i], back[i], 1e-9, "frame " + i);
	}

	@Test
	void lengthRounds() {
		assertEquals(50, Resampling.length(100, 100, 50));
		assertEquals(1, Resampling.length(1, 100, 7));
		assertEquals(233, Resampling.length(100, 30, 70));
	}

	@Test
	void aSlowerRecordingAveragesCalciumAndSumsSpikesOverWholeSlowFrames() {
		double[] x = { 1, 2, 3, 4, 5, 6, 7 };
		// 100 Hz to 40 Hz: 2.5 frames per slow frame; frames 0-2 and 3-4 (floor(k / 2.5)), frame 5-6 left over
		assertArrayEquals(new double[] { 2, 4.5 }, Resampling.slower(x, 100, 40, false), 1e-12);
		assertArrayEquals(new double[] { 6, 9 }, Resampling.slower(x, 100, 40, true), 1e-12);
	}
}
