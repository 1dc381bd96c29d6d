package io.github.calspike.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * A spike classifier ready for inference: the block with its parameters in their own native
 * memory. Close it to free that memory.
 */
public final class ClassifierNetwork implements AutoCloseable {

	/** Windows per forward pass during inference. */
	public static final int INFERENCE_BATCH = 4096;

	private final NDManager manager;
	private final SpikeClassifierBlock block;
	private final int windowLength;

	/**
	 * @param units LSTM units
	 * @param windowLength bins per window
	 * @param parameters parameters saved with {@link Parameters#save}
	 * @throws MalformedModelException if the parameters do not fit this network
	 */
	public ClassifierNetwork(int units, int windowLength, byte[] parameters)
		throws MalformedModelException
	{
		manager = Djl.engine().newBaseManager();
		try {
			block = SpikeClassifierBlock.builder().optUnits(units).build();
			block.initialize(manager, DataType.FLOAT32, new Shape(1, windowLength));
			Parameters.load(block, manager, parameters);
		}
		catch (MalformedModelException | RuntimeException e) {
			manager.close();
			throw e;
		}
		this.windowLength = windowLength;
	}

	/** @return bins per window */
	public int windowLength() {
		return windowLength;
	}

	/**
	 * @param windows {@code count} windows of {@link #windowLength()} bins, flat
	 * @return one logit per window
	 */
	public float[] logits(float[] windows, int count) {
		return logits(block, manager, windows, count, windowLength);
	}

	/** @return the spike probability (sigmoid of the logit) of each window */
	public float[] probabilities(float[] windows, int count) {
		float[] z = logits(windows, count);
		for (int i = 0; i < z.length; i++) z[i] = (float) (1 / (1 + Math.exp(-z[i])));
		return z;
	}

	/** Runs any classifier block over windows in inference mode, batch by batch. */
	public static float[] logits(SpikeClassifierBlock block, NDManager parent, float[] windows, int count,
		int length)
	{
		if (windows.length != (long) count * length) {
			throw new IllegalArgumentException("Expected " + count + " windows of " + length +
				" bins, got " + windows.length + " values");
		}
		float[] out = new float[count];
		return Djl.withoutGradients(() -> {
			for (int from = 0; from < count; from += INFERENCE_BATCH) {
				int n = Math.min(INFERENCE_BATCH, count - from);
				float[] chunk = new float[n * length];
				System.arraycopy(windows, from * length, chunk, 0, chunk.length);
				try (NDManager m = parent.newSubManager()) {
					NDArray x = m.create(chunk, new Shape(n, length));
					NDArray z = block.forward(new ParameterStore(m, false), new NDList(x), false).head();
					System.arraycopy(z.toFloatArray(), 0, out, from, n);
				}
			}
			return out;
		});
	}

	@Override
	public void close() {
		manager.close();
	}
}
