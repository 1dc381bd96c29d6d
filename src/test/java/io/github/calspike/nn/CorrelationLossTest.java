package io.github.calspike.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.calspike.analysis.SpikeFinderMetric;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

class CorrelationLossTest {

	static final float[] Y = { 0, 0, 1, 0, 0, 0, 2, 1, 0, 0, 0, 1 };
	static final float[] P = { 0.1f, 0.2f, 0.6f, 0.1f, 0, 0.3f, 1.5f, 0.4f, 0.2f, 0, 0.1f, 0.9f };

	@Test
	void addsWeightedOneMinusCorrelationOfPooledRowsToTheMse() {
		try (NDManager m = Djl.engine().newBaseManager()) {
			// two rows of 6 frames, pooled by 2 into 3 groups each
			NDArray y = m.create(Y, new Shape(2, 6)), p = m.create(P, new Shape(2, 6));
			double mse = 0;
			for (int i = 0; i < Y.length; i++) mse += (P[i] - Y[i]) * (P[i] - Y[i]);
			mse /= Y.length;
			double oneMinus = 0;
			for (int r = 0; r < 2; r++) {
				double[] yg = new double[3], pg = new double[3];
				for (int g = 0; g < 3; g++) {
					yg[g] = Y[r * 6 + 2 * g] + Y[r * 6 + 2 * g + 1];
					pg[g] = P[r * 6 + 2 * g] + P[r * 6 + 2 * g + 1];
				}
				oneMinus += 1 - SpikeFinderMetric.pearson(yg, pg);
			}
			float w = 3;
			double expected = mse + w * oneMinus / 2;
			float got = new CorrelationLoss("l", 2, w).evaluate(new NDList(y), new NDList(p)).getFloat();
			assertEquals(expected, got, 1e-5);
			float plain = new CorrelationLoss("l", 2, 0).evaluate(new NDList(y), new NDList(p))
				.getFloat();
			assertEquals(mse, plain, 1e-6);
		}
	}
}
