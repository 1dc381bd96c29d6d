package io.github.calspike.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.Random;

import org.junit.jupiter.api.Test;

class RateNetworkBlockTest {

	/** Two traces that differ only in their last 200 frames, far beyond the receptive field. */
	static float[][] traces() {
		Random rnd = new Random(7);
		float[] a = new float[2000], b = new float[2000];
		for (int t = 0; t < a.length; t++) a[t] = b[t] = (float) rnd.nextGaussian();
		for (int t = 1800; t < b.length; t++) b[t] += 3;
		return new float[][] { a, b };
	}

	static float[][] rates(int globalContext) throws Exception {
		try (NDManager m = Djl.engine().newBaseManager()) {
			Djl.engine().setRandomSeed(3);
			RateNetworkBlock block = RateNetworkBlock.builder().optGlobalContext(globalContext).build();
			block.initialize(m, DataType.FLOAT32, new Shape(1, 64));
			try (RateNetwork net = new RateNetwork(RateNetworkBlock.DEFAULT_FILTERS,
				RateNetworkBlock.DEFAULT_KERNEL, RateNetworkBlock.DEFAULT_LAYERS, globalContext,
				Parameters.save(block)))
			{
				float[][] t = traces();
				return new float[][] { net.rates(t[0]), net.rates(t[1]) };
			}
		}
	}

	@Test
	void withoutGlobalContextAFrameSeesOnlyItsReceptiveField() throws Exception {
		assertEquals(187, RateNetworkBlock.receptiveField(7, 5));
		float[][] r = rates(-1);
		assertArrayEquals(java.util.Arrays.copyOf(r[0], 1500), java.util.Arrays.copyOf(r[1], 1500));
	}

	@Test
	void globalContextLetsTheWholeTraceSteerEveryFrame() throws Exception {
		float[][] r = rates(RateNetworkBlock.DEFAULT_GLOBAL_CONTEXT);
		assertNotEquals(r[0][0], r[1][0], 0f, "frame 0 must feel a change 1800 frames away");
		assertEquals(2000, r[0].length);
	}
}
