package io.github.calspike.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Mean squared error plus a weighted correlation term, for rate networks judged by the SpikeFinder
 * correlation: per sequence of a batch (rows of {@code [batch, frames]}), target and prediction
 * are summed over non-overlapping groups of {@code pool} frames (as the metric does, e.g. 100 to
 * 25 Hz), and the loss adds {@code weight * (1 - Pearson correlation)} averaged over the batch to
 * the mean squared error of the frames. A row whose target is constant contributes no correlation
 * gradient.
 */
public class CorrelationLoss extends Loss {

	private final int pool;
	private final float weight;
	private final float poisson;

	/**
	 * @param pool frames summed before correlating (1 for none)
	 * @param weight weight of (1 - correlation) against the MSE
	 */
	public CorrelationLoss(String name, int pool, float weight) {
		this(name, pool, weight, 0);
	}

	/**
	 * @param pool frames summed before correlating (1 for none)
	 * @param weight weight of (1 - correlation) against the MSE
	 * @param poisson weight of the Poisson deviance of the pooled sums, which ties the rate's
	 *        level and scale to the counts (the correlation ignores both): a rate above zero where
	 *        the target is zero costs its size, and a rate k times too high or low costs about
	 *        k - 1 - log k per spike
	 */
	public CorrelationLoss(String name, int pool, float weight, float poisson) {
		super(name);
		if (pool < 1) throw new IllegalArgumentException("pool must be at least 1");
		if (weight < 0 || poisson < 0) throw new IllegalArgumentException("weights must be >= 0");
		this.pool = pool;
		this.weight = weight;
		this.poisson = poisson;
	}

	@Override
	public NDArray evaluate(NDList labels, NDList predictions) {
		NDArray y = labels.singletonOrThrow(), p = predictions.singletonOrThrow();
		NDArray mse = p.sub(y).square().mean();
		if (weight == 0 && poisson == 0) return mse;
		long rows = y.getShape().get(0), frames = y.getShape().get(1) / pool * pool;
		NDArray yg = y.get(":, :" + frames).reshape(rows, frames / pool, pool).sum(new int[] { 2 });
		NDArray pg = p.get(":, :" + frames).reshape(rows, frames / pool, pool).sum(new int[] { 2 });
		if (poisson > 0) {
			// deviance: p - y + y log(y / p), 0 where p = y
			NDArray dev = pg.sub(yg).add(yg.mul(yg.add(1e-6f).log().sub(pg.add(1e-6f).log())));
			mse = mse.add(dev.mean().mul(poisson));
		}
		if (weight == 0) return mse;
		NDArray yc = yg.sub(yg.mean(new int[] { 1 }, true));
		NDArray pc = pg.sub(pg.mean(new int[] { 1 }, true));
		NDArray cov = yc.mul(pc).sum(new int[] { 1 });
		NDArray scale = yc.square().sum(new int[] { 1 }).mul(pc.square().sum(new int[] { 1 })).add(
			1e-8f).sqrt();
		NDArray corr = cov.div(scale);
		return mse.add(corr.neg().add(1).mean().mul(weight));
	}
}
