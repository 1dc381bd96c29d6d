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

class SpikeFeaturesTest {

	@Test
	void featuresAreValueDifferenceAndSquare() {
		try (NDManager m = Djl.engine().newBaseManager()) {
			SpikeFeatures f = new SpikeFeatures();
			f.initialize(m, DataType.FLOAT32, new Shape(2, 3));
			NDArray x = m.create(new float[] { 1, 3, 6, -2, 0, 5 }, new Shape(2, 3));
			NDArray out = f.forward(new ParameterStore(m, false), new NDList(x), false).head();
			assertEquals(new Shape(2, 3, 3), out.getShape());
			assertArrayEquals(new float[] { 1, 0, 1, 3, 2, 9, 6, 3, 36, -2, 0, 4, 0, 2, 0, 5, 5, 25 }, out
				.toFloatArray());
		}
	}

	@Test
	void classifierGivesOneLogitPerWindow() {
		try (NDManager m = Djl.engine().newBaseManager()) {
			SpikeClassifierBlock b = SpikeClassifierBlock.builder().optUnits(8).build();
			b.initialize(m, DataType.FLOAT32, new Shape(4, 20));
			NDArray z = b.forward(new ParameterStore(m, false), new NDList(m.randomNormal(new Shape(5,
				20))), false).head();
			assertEquals(new Shape(5), z.getShape());
			assertArrayEquals(new Shape[] { new Shape(7) }, b.getOutputShapes(new Shape[] { new Shape(
				7, 20) }));
		}
	}
}
