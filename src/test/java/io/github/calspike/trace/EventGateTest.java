package io.github.calspike.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The gate and the gain a recording's rate gets, against hand-computed cases. */
class EventGateTest {

	@Test
	void anEventIsKeptWholeWhenItsPeakPassesTheFloorAndDroppedOtherwise() {
		double[] u = { 0, 0.2, 0.6, 0.2, 0, 0.3, 0.3, 0 };
		// base 0.1, floor 0.5: the first run (peak 0.6) stays, scaled by 2; the second (0.3) goes
		assertArrayEquals(new double[] { 0, 0.4, 1.2, 0.4, 0, 0, 0, 0 }, EventGate.gate(u, 0.1, 0.5,
			2), 1e-12);
	}

	@Test
	void aHigherBaseEndsAnEventWhereItsRateFallsBackToNoise() {
		// one real event (peak 0.9) trailed by a long, low tail at the noise response's level
		double[] u = { 0, 0.9, 0.5, 0.1, 0.08, 0.12, 0.09, 0.11, 0 };
		// base 0.05 (a median of noise): the tail belongs to the event and is kept with it
		assertArrayEquals(new double[] { 0, 0.9, 0.5, 0.1, 0.08, 0.12, 0.09, 0.11, 0 }, EventGate
			.gate(u, 0.05, 0.5, 1), 1e-12);
		// base 0.2 (a high quantile of noise): the event ends where its rate falls to noise
		assertArrayEquals(new double[] { 0, 0.9, 0.5, 0, 0, 0, 0, 0, 0 }, EventGate.gate(u, 0.2,
			0.5, 1), 1e-12);
	}

	@Test
	void theNoiseGateTakesItsBaseAtTheGivenQuantileOfTheNoiseResponse() {
		// a "network" that returns its input: the levels are quantiles of normalised white noise
		EventGate.Rates identity = x -> {
			double[] d = new double[x.length];
			for (int i = 0; i < x.length; i++) d[i] = x[i];
			return d;
		};
		double[] median = EventGate.noiseGate(identity, Normalization.ZSCORE, 100, 100, 0.999, 0.5, 0,
			1);
		double[] high = EventGate.noiseGate(identity, Normalization.ZSCORE, 100, 100, 0.999, 0.9, 0,
			1);
		assertEquals(0, median[0], 0.02, "the median of z-scored noise");
		assertEquals(1.2816, high[0], 0.03, "its 0.9 quantile, 1.28 sd");
		assertEquals(3.09, high[1], 0.1, "the floor, its 0.999 quantile, 3.09 sd");
		assertEquals(median[1], high[1], 0, "the base leaves the floor alone");
	}

	@Test
	void theGainOfASlowRecordingIsInterpolatedInLogRateBetweenTheRatesItWasFittedAt() {
		// as calibration writes them: slow rates, then the model's rate (80 Hz) with its gain
		EventGate.Calibration c = new EventGate.Calibration(0, 0, 0.8, 0.999, 30, 0, 1, "test",
			new double[] { 5, 20, 80 }, new double[] { 2, 1, 0.8 }, 0.5);
		assertEquals(2, c.gainAt(2), 1e-12, "below the slowest: its gain");
		assertEquals(2, c.gainAt(5), 1e-12);
		assertEquals(1.5, c.gainAt(10), 1e-12, "10 Hz lies halfway between 5 and 20 in log rate");
		assertEquals(1, c.gainAt(20), 1e-12);
		assertEquals(0.9, c.gainAt(40), 1e-12, "no step between the fastest slow rate and the model's");
		assertEquals(0.8, c.gainAt(80), 1e-12, "from the model's rate up: its gain");
		assertEquals(0.8, c.gainAt(100), 1e-12);
		assertEquals(1.5, c.at(10, 0.1, 0.2).gain, 1e-12, "at() carries the rate's gain");
		EventGate.Calibration one = new EventGate.Calibration(0, 0, 0.8, 0.999, 30, 0, 1, "test");
		assertEquals(0.8, one.gainAt(7.5), 1e-12, "a model with one gain keeps it at every rate");
	}
}
