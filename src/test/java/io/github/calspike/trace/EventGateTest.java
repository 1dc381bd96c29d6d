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
	void theGainOfASlowRecordingIsInterpolatedInLogRateBetweenTheRatesItWasFittedAt() {
		// as calibration writes them: slow rates, then the model's rate (80 Hz) with its gain
		EventGate.Calibration c = new EventGate.Calibration(0, 0, 0.8, 0.999, 30, 0, 1, "test",
			new double[] { 5, 20, 80 }, new double[] { 2, 1, 0.8 });
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
