package io.github.calspike.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.model.ModelFolder;
import io.github.calspike.model.ModelFormatException;
import io.github.calspike.model.ModelInfo;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every user of the bundled rate models relies on: the right one for the recording's rate,
 * and almost no spikes when nothing happens in a trace.
 */
class BundledRateModelTest {

	private static double hz(double[] rate, double rateHz) {
		double s = 0;
		for (double v : rate) s += v;
		return s / (rate.length / rateHz);
	}

	@Test
	void noActivityGivesAlmostNoSpikes() throws Exception {
		try (SpikeRateModel m = SpikeRateModel.bundled()) {
			assertQuiet(m, 100, 7.5);
		}
	}

	@Test
	void slowRecordingsGetTheModelTrainedForThemAndItIsQuietOnNoiseToo() throws Exception {
		try (SpikeRateModel fast = SpikeRateModel.bundled(100); SpikeRateModel slow = SpikeRateModel
			.bundled(7.5); SpikeRateModel at30 = SpikeRateModel.bundled(30))
		{
			assertEquals(0, fast.info().training.lowRate, fast.source());
			assertTrue(slow.info().training.lowRate > 0, slow.source() + " was trained on slow crops");
			assertEquals(slow.info().calibration.gain, at30.info().calibration.gain, 0, "30 Hz: " + at30
				.source());
			assertQuiet(slow, 7.5, 30);
		}
	}

	@Test
	void theNoiseRangeCountsTheNoiseTrainingAdded(@TempDir Path dir) throws Exception {
		ModelFolder.Loaded l = ModelFolder.readResource(ModelFolder.class, SpikeRateModel.BUNDLED,
			ModelInfo.SPIKE_RATE);
		ModelInfo.Calibration c = l.info().calibration;
		try (SpikeRateModel m = SpikeRateModel.bundled(100)) {
			// noise augmentation 1.0 in noise units (sd 0.1): up to 10 times a crop's own noise added
			assertEquals(1.0, m.info().training.augmentNoise);
			double[] r = m.trainedNoiseRange();
			assertEquals(c.noiseLevelMin, r[0]);
			assertEquals(c.noiseLevelMax * Math.sqrt(101), r[1], 1e-9);
			assertTrue(m.fitsNoiseLevel(5 * c.noiseLevelMax), "5 times noisier was seen in training");
			assertFalse(m.fitsNoiseLevel(20 * c.noiseLevelMax));
			assertFalse(m.fitsNoiseLevel(0.5 * c.noiseLevelMin));
		}
		// the same network trained without added noise saw only its neurons' range
		l.info().training.augmentNoise = 0;
		ModelFolder.write(dir.resolve("m"), l.info(), l.parameters());
		try (SpikeRateModel m = SpikeRateModel.open(dir.resolve("m"))) {
			assertEquals(c.noiseLevelMax, m.trainedNoiseRange()[1]);
			assertFalse(m.fitsNoiseLevel(5 * c.noiseLevelMax));
		}
	}

	@Test
	void aModelWithAnUnknownNormalizationIsRefusedNamingItsFolderAndLabel(@TempDir Path dir)
		throws Exception
	{
		ModelFolder.Loaded l = ModelFolder.readResource(ModelFolder.class, SpikeRateModel.BUNDLED,
			ModelInfo.SPIKE_RATE);
		l.info().normalization = "noise unit";
		ModelFolder.write(dir.resolve("m"), l.info(), l.parameters());
		ModelFormatException e = assertThrows(ModelFormatException.class, () -> SpikeRateModel.open(
			dir.resolve("m")));
		assertTrue(e.getMessage().contains(dir.resolve("m").toString()) && e.getMessage().contains(
			"'noise unit'") && e.getMessage().contains("noise units"), e.getMessage());
	}

	@Test
	void theBundledModelsKnowTheEventSizesTheirCountsHoldForAndAMalformedRangeIsRefused(
		@TempDir Path dir) throws Exception
	{
		try (SpikeRateModel fast = SpikeRateModel.bundled(100);
			SpikeRateModel slow = SpikeRateModel.bundled(7.5))
		{
			// at 100 Hz the 24 SpikeFinder neurons themselves; at 7.5 Hz also their noisy copies
			double[] at100 = fast.eventSizeRange(100), at7 = slow.eventSizeRange(7.5);
			assertTrue(at100[0] > 10 && at100[1] > 300, java.util.Arrays.toString(at100));
			assertTrue(at7[0] < at100[0] && at7[1] > 100, java.util.Arrays.toString(at7));
			assertTrue(fast.fitsEventSize(0.5 * (at100[0] + at100[1]), 100));
			assertFalse(fast.fitsEventSize(2 * at100[1], 100));
			// and how their training neurons' counts rose with event size, which scales counts
			// beyond the range: down for larger events, up for smaller ones, not at all inside it
			for (SpikeRateModel m : new SpikeRateModel[] { fast, slow }) {
				Double b = m.info().calibration.eventSizeSlope;
				assertTrue(b != null && b > 0, m.source() + ": slope " + b);
			}
			assertEquals(1, fast.eventSizeFactor(0.5 * (at100[0] + at100[1]), 100), 0);
			assertTrue(fast.eventSizeFactor(2 * at100[1], 100) < 1);
			assertTrue(fast.eventSizeFactor(0.5 * at100[0], 100) > 1);
		}
		ModelFolder.Loaded l = ModelFolder.readResource(ModelFolder.class, SpikeRateModel.BUNDLED,
			ModelInfo.SPIKE_RATE);
		l.info().calibration.eventSizeMin = new double[] { 1 };
		ModelFolder.write(dir.resolve("m"), l.info(), l.parameters());
		ModelFormatException e = assertThrows(ModelFormatException.class, () -> SpikeRateModel.open(
			dir.resolve("m")));
		assertTrue(e.getMessage().contains(dir.resolve("m").toString()) && e.getMessage().contains(
			"event sizes"), e.getMessage());
	}

	private static void assertQuiet(SpikeRateModel m, double rateHz, double otherHz) {
		ModelInfo.Calibration c = m.info().calibration;
		assertNotNull(c, "the bundled model is calibrated");
		assertTrue(c.noiseLevelMin < c.noiseLevelMax && c.floor > c.base && c.gain > 0);
		int frames = (int) (300 * rateHz);
		double[] flat = new double[frames];
		Arrays.fill(flat, 3.5);
		assertEquals(0, hz(m.rates(flat, rateHz), rateHz));
		Random r = new Random(4);
		for (int k = 0; k < 3; k++) {
			double[] noise = new double[frames];
			for (int t = 0; t < noise.length; t++) noise[t] = 0.05 * r.nextGaussian() + 1;
			double h = hz(m.rates(noise, rateHz), rateHz);
			assertTrue(h <= 0.2, m.source() + ": white noise at " + rateHz + " Hz: " + h + " Hz");
		}
		// a silent neuron on a bleaching baseline: slow drift is not activity
		double[] quiet = new double[frames];
		for (int t = 0; t < quiet.length; t++) {
			quiet[t] = 1 + 0.3 * Math.exp(-t / (200 * rateHz)) + 0.05 * r.nextGaussian();
		}
		double b = hz(m.rates(quiet, rateHz), rateHz);
		assertTrue(b <= 0.2, m.source() + ": a silent, bleaching neuron: " + b + " Hz");
		// white noise recorded at another rate, where the gate is measured again
		for (int k = 0; k < 3; k++) {
			double[] noise = new double[(int) (400 * otherHz)];
			for (int t = 0; t < noise.length; t++) noise[t] = 0.05 * r.nextGaussian() + 1;
			double h = hz(m.rates(noise, otherHz), otherHz);
			assertTrue(h <= 0.2, m.source() + ": white noise at " + otherHz + " Hz: " + h + " Hz");
		}
	}
}
