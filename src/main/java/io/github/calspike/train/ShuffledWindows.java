package io.github.calspike.train;

import ai.djl.ndarray.NDManager;

import io.github.calspike.data.BalancedSampler;

import java.util.Random;

/**
 * Batches over a fixed set of samples, reshuffled at the start of every epoch and cut into
 * batches of {@code batch} (the last one smaller): the classifier's and the VAE's windows.
 */
abstract class ShuffledWindows implements TrainingLoop.Batches {

	private final int[] order;
	private final Random rnd;
	private final int batch;

	/** @param rnd the generator of the shuffles (and of whatever else the subclass draws) */
	ShuffledWindows(int samples, int batch, Random rnd) {
		order = new int[samples];
		for (int i = 0; i < samples; i++) order[i] = i;
		this.batch = batch;
		this.rnd = rnd;
	}

	@Override
	public int count() {
		return (order.length + batch - 1) / batch;
	}

	@Override
	public void startEpoch(int epoch) {
		BalancedSampler.shuffle(order, rnd);
	}

	@Override
	public TrainingLoop.Batch next(NDManager m, int b) {
		int from = b * batch, size = Math.min(batch, order.length - from);
		int[] samples = new int[size];
		System.arraycopy(order, from, samples, 0, size);
		return batch(m, samples);
	}

	/** @return the batch of these samples, in this order */
	abstract TrainingLoop.Batch batch(NDManager m, int[] samples);
}
