package io.github.calspike.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * Runs a {@link UNetBlock} over a whole image: pads it (mirrored) to the network's size
 * multiple, predicts, crops back and applies a sigmoid, so each output map is a probability per
 * pixel.
 */
public final class UNetMaps {

	private UNetMaps() {}

	/**
	 * @param manager the manager the block's parameters live in; temporary arrays are closed
	 * @return the block's output maps for {@code channels}, each {@code width * height} values in [0, 1]
	 */
	public static float[][] predict(UNetBlock block, NDManager manager, float[][] channels, int w,
		int h)
	{
		int m = block.sizeMultiple();
		int pw = (w + m - 1) / m * m, ph = (h + m - 1) / m * m, c = channels.length;
		float[] in = new float[c * pw * ph];
		for (int k = 0; k < c; k++) {
			for (int y = 0; y < ph; y++) {
				int sy = mirror(y, h);
				for (int x = 0; x < pw; x++) in[(k * ph + y) * pw + x] = channels[k][sy * w + mirror(x, w)];
			}
		}
		return Djl.withoutGradients(() -> run(block, manager, in, c, w, h, pw, ph));
	}

	private static float[][] run(UNetBlock block, NDManager manager, float[] in, int c, int w, int h,
		int pw, int ph)
	{
		try (NDManager sub = manager.newSubManager()) {
			NDArray x = sub.create(in, new Shape(1, c, ph, pw));
			NDArray out = block.forward(new ParameterStore(sub, false), new NDList(x), false).head();
			float[] p = ai.djl.nn.Activation.sigmoid(out).toFloatArray();
			int outputs = (int) out.getShape().get(1);
			float[][] maps = new float[outputs][w * h];
			for (int k = 0; k < outputs; k++) {
				for (int y = 0; y < h; y++) {
					System.arraycopy(p, (k * ph + y) * pw, maps[k], y * w, w);
				}
			}
			return maps;
		}
	}

	private static int mirror(int i, int n) {
		if (n == 1) return 0;
		while (i < 0 || i >= n) i = i < 0 ? -i : 2 * n - 2 - i;
		return i;
	}
}
