package io.github.calspike.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** What every user of the bundled rate model relies on when nothing happens in a trace. */
class BundledRateModelTest {

	private static double hz(double[] rate, double rateHz) {
		double s = 0;
		for (double v : rate) s += v;
		return s / (rate.length / rateHz);
	}

	@Test
	void noActivityGivesAlmostNoSpikes() throws Exception {
		try (SpikeRateModel m = SpikeRateModel.bundled()) {
			ModelInfo.Calibration c = m.info().calibration;
			assertNotNull(c, "the bundled model is calibrated");
			assertTrue(c.noiseLevelMin < c.noiseLevelMax && c.floor > c.base && c.gain > 0);
			double[] flat = new double[6000];
			java.util.Arrays.fill(flat, 3.5);
			assertEquals(0, hz(m.rates(flat, 100), 100));
			Random r = new Random(4);
			for (int k = 0; k < 3; k++) {
				double[] noise = new double[30000];
				for (int t = 0; t < noise.length; t++) noise[t] = 0.05 * r.nextGaussian() + 1;
				double h = hz(m.rates(noise, 100), 100);
				assertTrue(h <= 0.2, "white noise at 100 Hz: " + h + " Hz");
			}
			// a silent neuron on a bleaching baseline: slow drift is not activity
			double[] quiet = new double[30000];
			for (int t = 0; t < quiet.length; t++) {
				quiet[t] = 1 + 0.3 * Math.exp(-t / 20000.0) + 0.05 * r.nextGaussian();
			}
			double b = hz(m.rates(quiet, 100), 100);
			assertTrue(b <= 0.2, "a silent, bleaching neuron: " + b + " Hz");
			// white noise recorded at 7.5 Hz (a movie's rate), where the gate is measured again
			for (int k = 0; k < 3; k++) {
				double[] noise = new double[3000];
				for (int t = 0; t < noise.length; t++) noise[t] = 0.05 * r.nextGaussian() + 1;
				double h = hz(m.rates(noise, 7.5), 7.5);
				assertTrue(h <= 0.2, "white noise at 7.5 Hz: " + h + " Hz");
			}
		}
	}
}
