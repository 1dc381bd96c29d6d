package io.github.calspike.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The tutorial's toy VAE: one-hot digits (batch, 10) -> Dense(20, tanh) -> 2-D variational latent
 * -> Dense(20, tanh) -> Dense(20, tanh) -> Dense(10) logits. Output: NDList(logits, mean, logvar).
 */
public class DigitVae extends AbstractBlock {

	/** Number of classes (digits 0 to 9). */
	public static final int DIGITS = 10;
	/** Hidden width. */
	public static final int HIDDEN = 20;
	/** Latent size. */
	public static final int LATENT = 2;

	private final Linear encode = Linear.builder().setUnits(HIDDEN).build();
	private final VariationalLayer variational;
	private final Linear decode1 = Linear.builder().setUnits(HIDDEN).build();
	private final Linear decode2 = Linear.builder().setUnits(HIDDEN).build();
	private final Linear out = Linear.builder().setUnits(DIGITS).build();

	/** Creates the toy VAE. */
	public DigitVae() {
		super((byte) 1);
		addChildBlock("encode", encode);
		variational = addChildBlock("variational", VariationalLayer.builder().setLatent(LATENT)
			.build());
		addChildBlock("decode1", decode1);
		addChildBlock("decode2", decode2);
		addChildBlock("out", out);
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
		PairList<String, Object> params)
	{
		NDArray h = Activation.tanh(encode.forward(ps, inputs, training, params).head());
		NDList v = variational.forward(ps, new NDList(h), training, params);
		return new NDList(decode(ps, v.get(0), training, params), v.get(1), v.get(2));
	}

	/** @return the logits decoded from latent codes (batch, 2) */
	public NDArray decode(ParameterStore ps, NDArray z, boolean training,
		PairList<String, Object> params)
	{
		NDArray d = Activation.tanh(decode1.forward(ps, new NDList(z), training, params).head());
		d = Activation.tanh(decode2.forward(ps, new NDList(d), training, params).head());
		return out.forward(ps, new NDList(d), training, params).head();
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		long b = inputShapes[0].get(0);
		return new Shape[] { new Shape(b, DIGITS), new Shape(b, LATENT), new Shape(b, LATENT) };
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		long b = inputShapes[0].get(0);
		encode.initialize(manager, dataType, inputShapes[0]);
		variational.initialize(manager, dataType, new Shape(b, HIDDEN));
		decode1.initialize(manager, dataType, new Shape(b, LATENT));
		decode2.initialize(manager, dataType, new Shape(b, HIDDEN));
		out.initialize(manager, dataType, new Shape(b, HIDDEN));
	}
}
