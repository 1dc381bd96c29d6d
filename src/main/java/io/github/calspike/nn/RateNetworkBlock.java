package io.github.calspike.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The spike-rate network: a fully convolutional, non-causal stack of dilated 1-D convolutions
 * over whole traces. Input (batch, frames) of normalised calcium; output (batch, frames) of
 * non-negative spike rates (expected spikes per frame), one per input frame. Each hidden layer is
 * Conv1d(kernel, dilation d, "same" padding) + ReLU, with d doubling from layer to layer, so the
 * receptive field grows to {@link #receptiveField()} frames; a 1x1 convolution and a softplus give
 * the rate. With global context (the default), the features after hidden layer
 * {@code globalContext} are also averaged over the whole input, passed through Dense(filters) and
 * added to every frame's features (then ReLU): what the trace shows elsewhere, such as the
 * indicator's kinetics in its large transients, steers every frame's rate.
 */
public class RateNetworkBlock extends AbstractBlock {

	private static final byte VERSION = 1;

	/** Default channels per hidden layer. */
	public static final int DEFAULT_FILTERS = 48;
	/** Default kernel width. */
	public static final int DEFAULT_KERNEL = 7;
	/** Default number of hidden layers (dilations 1, 2, 4, 8, 16). */
	public static final int DEFAULT_LAYERS = 5;
	/** Default hidden layer (0-based) after which global context is added; -1 for none. */
	public static final int DEFAULT_GLOBAL_CONTEXT = 2;

	private final int filters;
	private final int kernel;
	private final int layers;
	private final int globalContext;
	private final List<Conv1d> hidden = new ArrayList<>();
	private final Linear global;
	private final Conv1d out;

	private RateNetworkBlock(Builder b) {
		super(VERSION);
		filters = b.filters;
		kernel = b.kernel;
		layers = b.layers;
		globalContext = b.globalContext;
		if (globalContext >= layers) {
			throw new IllegalArgumentException("global context after layer " + globalContext +
				" of a network with " + layers + " layers (0-based)");
		}
		for (int i = 0; i < layers; i++) {
			int d = 1 << i;
			hidden.add(addChildBlock("conv" + i, Conv1d.builder().setKernelShape(new Shape(kernel))
				.optDilation(new Shape(d)).optPadding(new Shape(d * (kernel - 1) / 2)).setFilters(filters)
				.build()));
		}
		global = globalContext < 0 ? null : addChildBlock("global", Linear.builder().setUnits(filters)
			.build());
		out = addChildBlock("rate", Conv1d.builder().setKernelShape(new Shape(1)).setFilters(1)
			.build());
	}

	/** @return a builder with the default sizes */
	public static Builder builder() {
		return new Builder();
	}

	/** @return how many frames one output frame sees: 1 + (kernel-1)(2^layers - 1) */
	public int receptiveField() {
		return receptiveField(kernel, layers);
	}

	/** @return the receptive field of a network with these sizes, in frames */
	public static int receptiveField(int kernel, int layers) {
		return 1 + (kernel - 1) * ((1 << layers) - 1);
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
		PairList<String, Object> params)
	{
		NDArray x = inputs.singletonOrThrow();
		Shape s = x.getShape();
		NDArray h = x.reshape(s.get(0), 1, s.get(1));
		for (int i = 0; i < hidden.size(); i++) {
			h = Activation.relu(hidden.get(i).forward(ps, new NDList(h), training, params).head());
			if (i == globalContext) {
				NDArray g = global.forward(ps, new NDList(h.mean(new int[] { 2 })), training, params)
					.head();
				h = Activation.relu(h.add(g.expandDims(2)));
			}
		}
		NDArray r = Activation.softPlus(out.forward(ps, new NDList(h), training, params).head());
		return new NDList(r.reshape(s.get(0), s.get(1)));
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return new Shape[] { inputShapes[0] };
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		Shape in = inputShapes[0];
		Shape h = new Shape(in.get(0), 1, in.get(1));
		for (Conv1d c : hidden) {
			c.initialize(manager, dataType, h);
			h = new Shape(in.get(0), filters, in.get(1));
		}
		if (global != null) global.initialize(manager, dataType, new Shape(in.get(0), filters));
		out.initialize(manager, dataType, h);
	}

	@Override
	public String toString() {
		return "RateNetwork(filters=" + filters + ", kernel=" + kernel + ", dilations=" + Arrays
			.toString(java.util.stream.IntStream.range(0, layers).map(i -> 1 << i).toArray()) + (global ==
				null ? "" : ", global context after layer " + globalContext) + ")";
	}

	/** Configures a {@link RateNetworkBlock}. */
	public static final class Builder {
		private int filters = DEFAULT_FILTERS;
		private int kernel = DEFAULT_KERNEL;
		private int layers = DEFAULT_LAYERS;
		private int globalContext = DEFAULT_GLOBAL_CONTEXT;

		/** Sets channels per hidden layer. */
		public Builder optFilters(int v) {
			if (v < 1) throw new IllegalArgumentException("filters must be >= 1, got " + v);
			filters = v;
			return this;
		}

		/** Sets the kernel width (odd). */
		public Builder optKernel(int v) {
			if (v < 1 || v % 2 == 0) throw new IllegalArgumentException("kernel must be odd, got " + v);
			kernel = v;
			return this;
		}

		/** Sets the number of dilated layers. */
		public Builder optLayers(int v) {
			if (v < 1 || v > 12) throw new IllegalArgumentException("layers must be 1..12, got " + v);
			layers = v;
			return this;
		}

		/** Sets the hidden layer (0-based) after which global context is added; -1 for none. */
		public Builder optGlobalContext(int v) {
			if (v < -1) throw new IllegalArgumentException("global context layer must be >= -1, got " + v);
			globalContext = v;
			return this;
		}

		/** @return the block */
		public RateNetworkBlock build() {
			return new RateNetworkBlock(this);
		}
	}
}
