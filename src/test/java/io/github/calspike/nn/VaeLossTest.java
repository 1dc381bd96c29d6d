package io.github.calspike.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

/** The VAE loss against numbers worked out by hand. */
class VaeLossTest {

	@Test
	void meanSquaredErrorPlusBetaTimesTheKlOfEachSampleAveraged() {
		try (NDManager m = Djl.engine().newBaseManager()) {
			// two windows of two bins: squared errors 0, 4, 1, 1 -> mean 1.5
			NDList labels = new NDList(m.create(new float[] { 1, 0, 2, 2 }, new Shape(2, 2)));
			VaeOutputs p = new VaeOutputs(m);
			// KL per sample: -0.5 * (1 + 0 - 1 - 1) = 0.5 for mean 1, log-variance 0; and 0 for the
			// standard normal (mean 0, log-variance 0): batch mean 0.25
			NDList predictions = new NDList(p.recon, p.mean, p.logVar);
			assertEquals(1.5 + 0.1 * 0.25, new VaeLoss(0.1).evaluate(labels, predictions).getFloat(),
				1e-6);
			assertEquals(1.5, new VaeLoss(0).evaluate(labels, predictions).getFloat(), 1e-6);
		}
		assertThrows(IllegalArgumentException.class, () -> new VaeLoss(-1));
	}

	private static final class VaeOutputs {
		final ai.djl.ndarray.NDArray recon, mean, logVar;

		VaeOutputs(NDManager m) {
			recon = m.create(new float[] { 1, 2, 1, 3 }, new Shape(2, 2));
			mean = m.create(new float[] { 1, 0 }, new Shape(2, 1));
			logVar = m.create(new float[] { 0, 0 }, new Shape(2, 1));
		}
	}
}
