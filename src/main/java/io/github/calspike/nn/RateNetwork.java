package io.github.calspike.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * A spike-rate network ready for inference on whole traces. Long traces are processed in chunks
 * that overlap by the receptive field, so memory stays bounded and, without global context, the
 * result equals one pass (with it, each chunk of {@value #CHUNK} frames, 11 minutes at 100 Hz,
 * takes its context from itself);
 * the trace's ends are extended by repeating the first and last value (edge replication).
 */
public final class RateNetwork implements AutoCloseable {

	/** Frames per chunk during inference (plus the overlap on each side). */
	public static final int CHUNK = 1 << 16;

	private final NDManager manager;
	private final RateNetworkBlock block;

	/**
	 * @param globalContext hidden layer after which global context is added, -1 for none
	 * @param parameters saved with {@link Parameters#save}
	 * @throws MalformedModelException if they do not fit a network of these sizes
	 */
	public RateNetwork(int filters, int kernel, int layers, int globalContext, byte[] parameters)
		throws MalformedModelException
	{
		manager = Djl.engine().newBaseManager();
		try {
			block = RateNetworkBlock.builder().optFilters(filters).optKernel(kernel).optLayers(layers)
				.optGlobalContext(globalContext).build();
			block.initialize(manager, DataType.FLOAT32, new Shape(1, 64));
			Parameters.load(block, manager, parameters);
		}
		catch (MalformedModelException | RuntimeException e) {
			manager.close();
			throw e;
		}
	}

	/** @return the rate (expected spikes per frame) for each frame of one normalised trace */
	public float[] rates(float[] x) {
		return rates(block, block.receptiveField(), manager, x);
	}

	/**
	 * Runs any block mapping (1, frames) to (1, frames) over one trace in inference mode, chunk by
	 * chunk, each chunk extended by {@code context} frames on both sides.
	 */
	public static float[] rates(ai.djl.nn.Block block, int context, NDManager parent, float[] x) {
		int halo = context / 2 + 1;
		float[] out = new float[x.length];
		return Djl.withoutGradients(() -> {
			for (int from = 0; from < x.length; from += CHUNK) {
				int to = Math.min(x.length, from + CHUNK);
				int a = from - halo, b = to + halo;
				float[] chunk = new float[b - a];
				for (int i = a; i < b; i++) chunk[i - a] = x[Math.min(x.length - 1, Math.max(0, i))];
				try (NDManager m = parent.newSubManager()) {
					NDArray in = m.create(chunk, new Shape(1, chunk.length));
					float[] r = block.forward(new ParameterStore(m, false), new NDList(in), false).head()
						.toFloatArray();
					System.arraycopy(r, halo, out, from, to - from);
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
