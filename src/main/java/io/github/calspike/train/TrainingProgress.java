package io.github.calspike.train;

/** Receives progress from a training loop; every method has an empty default. */
public interface TrainingListener {

	/**
	 * Called after each batch.
	 *
	 * @param epoch 1-based epoch
	 * @param batch 1-based batch within the epoch
	 * @param batches batches per epoch
	 * @param loss the batch's mean loss
	 */
	default void batch(int epoch, int batch, int batches, double loss) {}

	/** Called after each completed epoch, validation included. */
	default void epoch(EpochResult result) {}

	/** A listener that ignores everything. */
	TrainingListener NONE = new TrainingListener() {};
}
