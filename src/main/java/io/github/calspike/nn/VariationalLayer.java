package io.github.calspike.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The variational layer of a VAE: two Dense heads give the mean and the log-variance of the latent
 * code; the sample is mean + exp(logvar / 2) * eps, with eps ~ N(0, epsilonStd²) while training
 * and eps = 0 otherwise (a deterministic encode). Output: NDList(sample, mean, logvar), each
 * (batch, latent).
 */
public class VariationalLayer extends AbstractBlock {

	private static final byte VERSION = 1;

	private final int latent;
	private final float epsilonStd;
	private final Linear mean;
	private final Linear logVariance;

	private VariationalLayer(Builder b) {
		super(VERSION);
		latent = b.latent;
		epsilonStd = b.epsilonStd;
		mean = addChildBlock("mean", Linear.builder().setUnits(latent).build());
		logVariance = addChildBlock("logvar", Linear.builder().setUnits(latent).build());
	}

	/** @return a builder; the latent size is required */
	public static Builder builder() {
		return new Builder();
	}

	/** @return the latent size */
	public int latent() {
		return latent;
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
		PairList<String, Object> params)
	{
		NDArray m = mean.forward(ps, inputs, training, params).head();
		NDArray lv = logVariance.forward(ps, inputs, training, params).head();
		NDArray z = m;
		if (training) {
			NDArray eps = m.getManager().randomNormal(0, epsilonStd, m.getShape(), m.getDataType());
			z = m.add(lv.div(2).exp().mul(eps));
		}
		return new NDList(z, m, lv);
	}

	/**
	 * The KL penalty of a batch: -0.5 * sum over latent dimensions of (1 + logvar - mean² -
	 * exp(logvar)), averaged over the batch.
	 *
	 * @return a scalar
	 */
	public static NDArray klDivergence(NDArray mean, NDArray logVariance) {
		NDArray perSample = logVariance.add(1).sub(mean.square()).sub(logVariance.exp()).sum(
			new int[] { 1 }).mul(-0.5);
		return perSample.mean();
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		Shape s = new Shape(inputShapes[0].get(0), latent);
		return new Shape[] { s, s, s };
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		mean.initialize(manager, dataType, inputShapes[0]);
		logVariance.initialize(manager, dataType, inputShapes[0]);
	}

	/** Configures a {@link VariationalLayer}. */
	public static final class Builder {
		private int latent;
		private float epsilonStd = 1f;

		/** Sets the latent size (required). */
		public Builder setLatent(int latent) {
			if (latent < 1) throw new IllegalArgumentException("latent size must be >= 1, got " +
				latent);
			this.latent = latent;
			return this;
		}

		/** Sets the sd of eps while training (default 1). */
		public Builder optEpsilonStd(float std) {
			if (!(std >= 0)) throw new IllegalArgumentException("epsilon std must be >= 0, got " + std);
			epsilonStd = std;
			return this;
		}

		/** @return the layer */
		public VariationalLayer build() {
			if (latent < 1) throw new IllegalStateException("setLatent is required");
			return new VariationalLayer(this);
		}
	}
}
