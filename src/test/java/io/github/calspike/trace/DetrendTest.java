package io.github.calspike.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class DetrendTest {

	@Test
	void slowDriftGoesAndTransientsStay() {
		// 100 Hz, 300 s: a linear drift of 2, noise 0.05, a transient of 1 every 20 s (0.5 s decay)
		int n = 30000;
		double[] x = new double[n], clean = new double[n];
		Random r = new Random(2);
		for (int t = 0; t < n; t++) {
			double tr = 0;
			for (int k = 1000; k <= t; k += 2000) tr += Math.exp(-(t - k) / 50.0);
			clean[t] = tr + 0.05 * r.nextGaussian();
			x[t] = clean[t] + 2.0 * t / n;
		}
		double[] d = Detrend.apply(x, 100, 30);
		// the drift is gone: a minute in and a minute before the end sit at the same baseline
		double early = 0, late = 0;
		for (int t = 6100; t < 6500; t++) early += d[t] / 400;
		for (int t = n - 6100; t < n - 5700; t++) late += d[t] / 400;
		assertEquals(early, late, 0.1, "drift of 2 left " + (late - early));
		// a transient keeps its height above its baseline
		double peak = d[21000] - d[20990];
		assertTrue(peak > 0.85 && peak < 1.1, "transient height " + peak);
		// a trace without drift is left nearly as it is
		double[] same = Detrend.apply(clean, 100, 30);
		double maxShift = 0;
		for (int t = 0; t < n; t++) maxShift = Math.max(maxShift, Math.abs(same[t] - clean[t]));
		assertTrue(maxShift < 0.1, "shifted a drift-free trace by " + maxShift);
	}
}
