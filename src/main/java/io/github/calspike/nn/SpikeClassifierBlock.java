package io.github.calspike.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The tutorial's spike classifier: windows (batch, bins) -> features [x, dx, x²] per bin ->
 * LSTM (last state) -> Dense(1), giving one logit per window (batch). Apply a sigmoid for the
 * probability that the window's centre bin holds a spike.
 */
public class SpikeClassifierBlock extends AbstractBlock {

	private static final byte VERSION = 1;

	/** The tutorial's LSTM size. */
	public static final int DEFAULT_UNITS = 64;

	private final int units;
	private final SpikeFeatures features;
	private final LSTM lstm;
	private final Linear dense;

	private SpikeClassifierBlock(Builder b) {
		super(VERSION);
		units = b.units;
		features = addChildBlock("features", new SpikeFeatures());
		lstm = addChildBlock("lstm", LSTM.builder().setStateSize(units).setNumLayers(1)
			.optBatchFirst(true).optReturnState(false).build());
		dense = addChildBlock("dense", Linear.builder().setUnits(1).build());
	}

	/** @return a builder with the tutorial's sizes */
	public static Builder builder() {
		return new Builder();
	}

	/** @return the number of LSTM units */
	public int units() {
		return units;
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
		PairList<String, Object> params)
	{
		NDList f = features.forward(ps, inputs, training, params);
		NDArray h = lstm.forward(ps, f, training, params).head(); // (batch, bins, units)
		NDArray last = h.get(":, -1, :");
		NDArray logit = dense.forward(ps, new NDList(last), training, params).head();
		return new NDList(logit.reshape(-1));
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return new Shape[] { new Shape(inputShapes[0].get(0)) };
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		Shape in = inputShapes[0];
		features.initialize(manager, dataType, in);
		Shape f = features.getOutputShapes(new Shape[] { in })[0];
		lstm.initialize(manager, dataType, f);
		dense.initialize(manager, dataType, new Shape(in.get(0), units));
	}

	/** Configures a {@link SpikeClassifierBlock}. */
	public static final class Builder {
		private int units = DEFAULT_UNITS;

		/** Sets the LSTM size (default 64). */
		public Builder optUnits(int units) {
			if (units < 1) throw new IllegalArgumentException("units must be >= 1, got " + units);
			this.units = units;
			return this;
		}

		/** @return the block */
		public SpikeClassifierBlock build() {
			return new SpikeClassifierBlock(this);
		}
	}
}
