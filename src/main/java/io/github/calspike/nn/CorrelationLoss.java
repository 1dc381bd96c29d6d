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

	/**
	 * @param pool frames summed before correlating (1 for none)
	 * @param weight weight of (1 - correlation) against the MSE
	 */
	public CorrelationLoss(String name, int pool, float weight) {
		super(name);
		if (pool < 1) throw new IllegalArgumentException("pool must be at least 1");
		this.pool = pool;
		this.weight = weight;
	}

	@Override
	public NDArray evaluate(NDList labels, NDList predictions) {
		NDArray y = labels.singletonOrThrow(), p = predictions.singletonOrThrow();
		NDArray mse = p.sub(y).square().mean();
		if (weight == 0) return mse;
		long rows = y.getShape().get(0), frames = y.getShape().get(1) / pool * pool;
		NDArray yg = y.get(":, :" + frames).reshape(rows, frames / pool, pool).sum(new int[] { 2 });
		NDArray pg = p.get(":, :" + frames).reshape(rows, frames / pool, pool).sum(new int[] { 2 });
		NDArray yc = yg.sub(yg.mean(new int[] { 1 }, true));
		NDArray pc = pg.sub(pg.mean(new int[] { 1 }, true));
		NDArray cov = yc.mul(pc).sum(new int[] { 1 });
		NDArray scale = yc.square().sum(new int[] { 1 }).mul(pc.square().sum(new int[] { 1 })).add(
			1e-8f).sqrt();
		NDArray corr = cov.div(scale);
		return mse.add(corr.neg().add(1).mean().mul(weight));
	}
}
