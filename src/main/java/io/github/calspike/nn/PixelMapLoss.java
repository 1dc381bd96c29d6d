package io.github.calspike.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Binary cross-entropy on logits, per pixel and per map, with a weight per map: labels and
 * predictions are (batch, maps, height, width); labels may be soft (in [0, 1]). Returns the sum
 * over maps of weight x the mean over pixels.
 */
public class PixelMapLoss extends Loss {

	private final float[] weights;

	/** @param weights one per map, each >= 0 */
	public PixelMapLoss(String name, float... weights) {
		super(name);
		for (float w : weights) if (!(w >= 0)) throw new IllegalArgumentException("weights must be >= 0");
		this.weights = weights.clone();
	}

	@Override
	public NDArray evaluate(NDList labels, NDList predictions) {
		NDArray y = labels.singletonOrThrow(), z = predictions.singletonOrThrow();
		if (z.getShape().get(1) != weights.length) {
			throw new IllegalArgumentException("expected " + weights.length + " maps, got " + z.getShape());
		}
		// stable BCE with logits: max(z, 0) - z y + log(1 + exp(-|z|))
		NDArray bce = z.maximum(0).sub(z.mul(y)).add(z.abs().neg().exp().add(1).log());
		NDArray perMap = bce.transpose(1, 0, 2, 3).reshape(weights.length, -1).mean(new int[] { 1 });
		return perMap.mul(perMap.getManager().create(weights)).sum();
	}
}
