package io.github.calspike.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Benchmark alternative to the rate CNN: (batch, frames) -> bidirectional LSTM(units) over all
 * frames -> Dense(1) per frame -> softplus. The two directions are two unidirectional LSTMs, the
 * second over the time-reversed trace: DJL 0.36's own bidirectional LSTM crashes libtorch
 * (SIGSEGV) when trained on the PyTorch engine.
 */
public class BiLstmRateBlock extends AbstractBlock {

	private final int units;
	private final LSTM forward;
	private final LSTM backward;
	private final Linear dense;

	public BiLstmRateBlock(int units) {
		super((byte) 1);
		this.units = units;
		forward = addChildBlock("forward", lstm(units));
		backward = addChildBlock("backward", lstm(units));
		dense = addChildBlock("dense", Linear.builder().setUnits(1).build());
	}

	private static LSTM lstm(int units) {
		return LSTM.builder().setStateSize(units).setNumLayers(1).optBatchFirst(true)
			.optReturnState(false).build();
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
		PairList<String, Object> params)
	{
		NDArray x = inputs.singletonOrThrow();
		Shape s = x.getShape();
		NDArray in = x.reshape(s.get(0), s.get(1), 1);
		NDArray f = forward.forward(ps, new NDList(in), training, params).head();
		NDArray b = backward.forward(ps, new NDList(in.flip(1)), training, params).head().flip(1);
		NDArray r = dense.forward(ps, new NDList(NDArrays.concat(new NDList(f, b), 2)), training,
			params).head();
		return new NDList(Activation.softPlus(r).reshape(s.get(0), s.get(1)));
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return new Shape[] { inputShapes[0] };
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		Shape in = inputShapes[0];
		forward.initialize(manager, dataType, new Shape(in.get(0), in.get(1), 1));
		backward.initialize(manager, dataType, new Shape(in.get(0), in.get(1), 1));
		dense.initialize(manager, dataType, new Shape(in.get(0), in.get(1), 2L * units));
	}
}
