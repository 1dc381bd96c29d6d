package io.github.calspike.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * The calcium VAE's loss: the mean squared error of the reconstruction plus {@code beta} times
 * the KL divergence of the latent code from a standard normal ({@link VariationalLayer}). Labels
 * are the input windows; predictions are the VAE's (reconstruction, mean, log-variance).
 */
public class VaeLoss extends Loss {

	private final float beta;

	/** @param beta weight of the KL term, &gt;= 0 */
	public VaeLoss(double beta) {
		super("mse+beta*kl");
		if (!(beta >= 0)) throw new IllegalArgumentException("beta must be >= 0, got " + beta);
		this.beta = (float) beta;
	}

	@Override
	public NDArray evaluate(NDList labels, NDList predictions) {
		NDArray mse = predictions.get(0).sub(labels.head()).square().mean();
		return mse.add(VariationalLayer.klDivergence(predictions.get(1), predictions.get(2)).mul(beta));
	}
}
