package io.github.calspike.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.Test;

class VariationalLayerTest {

	@Test
	void klMatchesTheFormulaOnAHandComputedCase() {
		try (NDManager m = Djl.engine().newBaseManager()) {
			// sample 1: mean (1, 0), logvar (0, ln 2): -0.5 * [(1 + 0 - 1 - 1) + (1 + ln2 - 0 - 2)]
			// = -0.5 * (-1 + ln2 - 1) = 1 - ln2/2; sample 2: mean 0, logvar 0 -> 0
			NDArray mean = m.create(new float[] { 1, 0, 0, 0 }, new Shape(2, 2));
			NDArray logvar = m.create(new float[] { 0, (float) Math.log(2), 0, 0 }, new Shape(2, 2));
			double expected = (1 - Math.log(2) / 2) / 2;
			assertEquals(expected, VariationalLayer.klDivergence(mean, logvar).getFloat(), 1e-6);
		}
	}

	@Test
	void encodingIsDeterministicOutsideTrainingAndSpreadWhileTraining() {
		try (NDManager m = Djl.engine().newBaseManager()) {
			Djl.engine().setRandomSeed(3);
			VariationalLayer v = VariationalLayer.builder().setLatent(4).optEpsilonStd(0.5f).build();
			v.initialize(m, DataType.FLOAT32, new Shape(1, 6));
			NDArray x = m.randomNormal(new Shape(1, 6)).repeat(0, 4000);
			ParameterStore ps = new ParameterStore(m, false);
			NDList det = v.forward(ps, new NDList(x), false);
			assertArrayEquals(det.get(1).toFloatArray(), det.get(0).toFloatArray(), "z = mean");
			NDList s = v.forward(ps, new NDList(x), true);
			// z - mean = exp(logvar/2) * eps with eps ~ N(0, 0.5^2): its sd is 0.5 * exp(logvar/2)
			NDArray scaled = s.get(0).sub(s.get(1)).div(s.get(2).div(2).exp());
			float[] e = scaled.toFloatArray();
			double ss = 0;
			for (float f : e) ss += f * f;
			assertEquals(0.5, Math.sqrt(ss / e.length), 0.02);
		}
	}
}
