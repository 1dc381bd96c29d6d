package io.github.calspike.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

	@Test
	void countsFractionsAndBalancedAccuracy() {
		boolean[] truth = { true, true, true, true, false, false, false, false, false, false };
		float[] p = { 0.9f, 0.8f, 0.7f, 0.2f, 0.6f, 0.1f, 0.1f, 0.2f, 0.3f, 0.5f };
		ConfusionMatrix cm = ConfusionMatrix.of(truth, p, 0.5);
		assertEquals(3, cm.truePositives());
		assertEquals(1, cm.falseNegatives());
		assertEquals(1, cm.falsePositives(), "0.5 itself is not above the threshold");
		assertEquals(5, cm.trueNegatives());
		assertEquals(0.3, cm.fraction(cm.truePositives()), 1e-12);
		assertEquals(0.75, cm.sensitivity(), 1e-12);
		assertEquals(5.0 / 6, cm.specificity(), 1e-12);
		assertEquals(0.5 * (0.75 + 5.0 / 6), cm.balancedAccuracy(), 1e-12);
		assertEquals(0.8, cm.accuracy(), 1e-12);
	}
}
