package io.github.calspike.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class NormalizationTest {

	@Test
	void robustZScoreUsesMedianAndScaledMad() {
		// median 3, absolute deviations {2,1,0,1,97} -> MAD 1
		double[] z = Normalization.ROBUST_ZSCORE.apply(new double[] { 1, 2, 3, 4, 100 });
		double s = Normalization.MAD_TO_SD;
		assertArrayEquals(new double[] { -2 / s, -1 / s, 0, 1 / s, 97 / s }, z, 1e-12);
	}

	@Test
	void robustScaleMatchesGaussianSdAndIgnoresSpikes() {
		Random rnd = new Random(3);
		double[] x = new double[20000];
		for (int i = 0; i < x.length; i++) x[i] = 5 + 2 * rnd.nextGaussian();
		for (int i = 0; i < x.length; i += 50) x[i] += 40; // 2% large transients
		double[] cs = Normalization.ROBUST_ZSCORE.centreAndScale(x);
		assertEquals(5, cs[0], 0.1);
		assertEquals(2, cs[1], 0.1);
		double[] plain = Normalization.ZSCORE.centreAndScale(x);
		assertTrue(plain[1] > 5, "the plain sd is inflated by the transients");
	}

	@Test
	void noiseUnitsOfASlowerRecordingMatchTheSameNoiseRecordedAtTheModelsRate() {
		// 100 Hz white noise, and the same light collected in 10-frame exposures: a 10 Hz recording
		Random rnd = new Random(11);
		double[] fast = new double[200_000], slow = new double[fast.length / 10];
		for (int i = 0; i < fast.length; i++) {
			fast[i] = 3 + rnd.nextGaussian();
			slow[i / 10] += fast[i] / 10;
		}
		double at100 = Normalization.NOISE.centreAndScale(fast, 100, 100)[1];
		double at10 = Normalization.NOISE.centreAndScale(slow, 10, 100)[1];
		assertEquals(10, at100, 0.2); // 10 noise sds
		assertEquals(at100, at10, 0.05 * at100);
		// measured on the interpolated copy instead, the noise would look about 10 times smaller
		double naive = Normalization.NOISE.centreAndScale(Resampling.resample(slow, 10, 100))[1];
		assertTrue(naive < at100 / 5, "naive " + naive);
		double[] z = Normalization.NOISE.applyResampled(slow, 10, 100);
		assertEquals(Resampling.length(slow.length, 10, 100), z.length);
		assertEquals((slow[7] - 3) / at10, z[70], 0.01);
		// other normalisations do not depend on the rate
		assertArrayEquals(Normalization.ROBUST_ZSCORE.centreAndScale(slow), Normalization.ROBUST_ZSCORE
			.centreAndScale(slow, 10, 100));
	}

	@Test
	void flatTraceDoesNotDivideByZero() {
		double[] z = Normalization.ROBUST_ZSCORE.apply(new double[] { 2, 2, 2 });
		assertArrayEquals(new double[] { 0, 0, 0 }, z);
	}

	@Test
	void labelsRoundTrip() {
		for (Normalization n : Normalization.values()) assertEquals(n, Normalization.fromLabel(n
			.label()));
	}
}
