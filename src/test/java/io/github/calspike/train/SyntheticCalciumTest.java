package io.github.calspike.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SyntheticCalciumTest {

	static final double HZ = 100;

	/** One spike every 3 s over 300 s, as spike counts per frame. */
	static float[] spikes() {
		float[] s = new float[30_000];
		for (int t = 150; t < s.length; t += 300) s[t] = 1;
		return s;
	}

	@Test
	void calciumRisesAfterEverySpikeAndFallsBackBeforeTheNext() {
		float[] s = spikes();
		Random rnd = new Random(3);
		int draws = 40;
		double before = 0, after = 0, late = 0;
		int n = 0;
		for (int d = 0; d < draws; d++) {
			double[] c = SyntheticCalcium.simulate(s, 1000, 20_000, HZ, rnd);
			assertEquals(20_000, c.length);
			for (int t = 150; t + 300 < 21_000; t += 300) {
				if (t - 1000 < 20) continue;
				int at = t - 1000;
				for (int k = 1; k <= 20; k++) before += c[at - k];
				for (int k = 10; k < 30; k++) after += c[at + k];
				for (int k = 280; k < 300; k++) late += c[at + k];
				n += 20;
			}
		}
		before /= n;
		after /= n;
		late /= n;
		// the smallest indicator still raises the calcium by 0.1 noise sd within 0.3 s of a spike;
		// averaged over ~2,600 spikes the noise of these means is below 0.01 sd
		assertTrue(after > before + 0.1, "after " + after + ", before " + before);
		assertTrue(late < after, "3 s later " + late + ", just after " + after);
	}

	@Test
	void eachCallDrawsAnotherIndicatorAndNoSpikesGiveNoise() {
		float[] s = spikes();
		Random rnd = new Random(5);
		double[] a = SyntheticCalcium.simulate(s, 0, 1000, HZ, rnd);
		double[] b = SyntheticCalcium.simulate(s, 0, 1000, HZ, rnd);
		assertNotEquals(a[500], b[500]);
		double[] quiet = SyntheticCalcium.simulate(new float[5000], 1000, 4000, HZ, new Random(1));
		double sq = 0;
		for (int t = 1; t < quiet.length; t++) {
			double dx = quiet[t] - quiet[t - 1];
			sq += dx * dx;
		}
		// first differences of unit white noise (drift is far slower) have variance 2
		assertEquals(2, sq / (quiet.length - 1), 0.2);
	}
}
