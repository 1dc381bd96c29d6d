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
	void discreteSpikesSitAtTheEventsAndNoneInSilence() {
		// two single spikes and a burst of three, smoothed as the model's targets are
		double[] truth = new double[300];
		truth[40] = 1;
		truth[120] = 1;
		truth[200] = 3;
		double[] rate = RateTargets.smooth(truth, 4);
		for (int t = 0; t < rate.length; t++) if (rate[t] < 1e-4) rate[t] = 0; // a silent baseline
		double[] d = SpikeStatistics.discreteSpikes(rate, 4);
		double total = 0;
		for (double v : d) total += v;
		assertEquals(5, total, 1e-12);
		assertEquals(1, d[40]);
		assertEquals(1, d[120]);
		double burst = 0;
		for (int t = 195; t <= 205; t++) burst += d[t];
		assertEquals(3, burst, 1e-12, "the burst's spikes stay at the burst");
		for (int t = 0; t < 30; t++) assertEquals(0, d[t], "no spike in silence");
	}

	@Test
	void discreteSpikesRoundEachEventAndIgnoreAConstantSilence() {
		// an event of 0.7 expected spikes gets one at its peak, one of 0.3 none
		double[] rate = { 0, 0.1, 0.4, 0.2, 0, 0, 0.1, 0.15, 0.05, 0, 0 };
		assertArrayEquals(new double[] { 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0 }, SpikeStatistics
			.discreteSpikes(rate, 1));
		assertArrayEquals(new double[50], SpikeStatistics.discreteSpikes(new double[50], 3));
		double[] negative = { -1, Double.NaN, -0.5 };
		assertArrayEquals(new double[3], SpikeStatistics.discreteSpikes(negative, 1));
	}

	@Test
	void aBaselineRateGivesSpikesAtItsPeaksNotAMetronome() {
		// a constant 0.05 spikes/frame with one bump: the old cumulative sum placed a tick every
		// 20 frames; matching pursuit puts the spikes on the bump, where the rate is highest
		double[] rate = new double[100];
		java.util.Arrays.fill(rate, 0.005);
		for (int t = 45; t <= 55; t++) rate[t] += 0.1;
		double[] d = SpikeStatistics.discreteSpikes(rate, 2);
		double onBump = 0, total = 0;
		for (int t = 0; t < 100; t++) {
			total += d[t];
			if (t >= 42 && t <= 58) onBump += d[t];
		}
		assertEquals(2, total, 1e-12); // round(0.5 + 1.1)
		assertEquals(2, onBump, 1e-12);
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
