package io.github.calspike.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.calspike.data.RateTargets;

import org.junit.jupiter.api.Test;

class SpikeStatisticsTest {

	@Test
	void noiseLevelIsCascadesNu() {
		// |differences| = 0.01, 0.03, 0.02, 0.05 -> median 0.025; nu = 100 * 0.025 / sqrt(25)
		double[] dff = { 0, 0.01, -0.02, 0, 0.05 };
		assertEquals(0.5, SpikeStatistics.noiseLevel(dff, 25), 1e-12);
	}

	@Test
	void discreteSpikesKeepTheRoundedTotalAndFollowTheRate() {
		double[] rate = { 0, 0.2, 0.6, 0.3, 0, 0, 0.9, 0.9, 0.1, 0 };
		double[] d = SpikeStatistics.discreteSpikes(rate);
		assertArrayEquals(new double[] { 0, 0, 1, 0, 0, 0, 1, 1, 0, 0 }, d);
		double[] burst = { 0, 2.6, 0.1 };
		assertArrayEquals(new double[] { 0, 3, 0 }, SpikeStatistics.discreteSpikes(burst));
	}

	@Test
	void smoothingKeepsEverySpikeIncludingAtTheEdges() {
		double[] s = new double[50];
		s[0] = 1;
		s[20] = 2;
		s[49] = 1;
		double[] y = RateTargets.smooth(s, 3);
		double sum = 0;
		for (double v : y) sum += v;
		assertEquals(4, sum, 1e-12);
		assertEquals(y[19], y[21], 1e-12, "symmetric around a spike");
		assertArrayEquals(s, RateTargets.smooth(s, 0));
	}
}
