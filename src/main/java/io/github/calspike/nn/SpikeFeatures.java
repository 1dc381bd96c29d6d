package io.github.calspike.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Turns windows (batch, bins) into per-bin features (batch, bins, 3): the value x, its first
 * difference dx = x[t] - x[t-1] (0 for the first bin) and its square x². Has no parameters.
 */
public class SpikeFeatures extends AbstractBlock {

	private static final byte VERSION = 1;

	/** Number of features per bin. */
	public static final int FEATURES = 3;

	/** Creates the feature block. */
	public SpikeFeatures() {
		super(VERSION);
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
		PairList<String, Object> params)
	{
		NDArray x = inputs.singletonOrThrow();
		long bins = x.getShape().get(1);
		NDArray dx = x.get(":, 1:").sub(x.get(":, :" + (bins - 1)));
		NDArray first = x.getManager().zeros(new Shape(x.getShape().get(0), 1), x.getDataType());
		dx = NDArrays.concat(new NDList(first, dx), 1);
		return new NDList(NDArrays.stack(new NDList(x, dx, x.square()), 2));
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		Shape in = inputShapes[0];
		return new Shape[] { new Shape(in.get(0), in.get(1), FEATURES) };
	}
}
