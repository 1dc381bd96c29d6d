package io.github.calspike.train;

import io.github.calspike.progress.Progress;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * What a training reports: after each batch, through {@link Progress}, the fraction of all its
 * batches done with a status such as "epoch 2/5, batch 40/120, loss 0.1234"; after each
 * completed epoch, its result (validation included). A training that is one step of a larger one
 * (a member of an ensemble) reports to a {@link #slice} of its parent.
 */
@FunctionalInterface
public interface TrainingProgress extends Progress {

	/** Called after each completed epoch, validation included. */
	default void epoch(EpochResult result) {}

	/** Progress that ignores everything. */
	TrainingProgress NONE = (f, s) -> {};

	/** @return progress that passes each epoch's result to {@code epochs} and ignores the rest */
	static TrainingProgress onEpoch(Consumer<EpochResult> epochs) {
		return new TrainingProgress() {
			@Override
			public void report(double fraction, String status) {}

			@Override
			public void epoch(EpochResult result) {
				epochs.accept(result);
			}
		};
	}

	/**
	 * @return progress for a step that owns [start, start + range) of this training's batches,
	 *         its status prefixed with {@code prefix} (e.g. "member 2/3: "), and its epochs
	 *         renumbered to follow {@code epochsBefore} earlier ones before they reach this
	 *         progress
	 */
	default TrainingProgress slice(double start, double range, String prefix, int epochsBefore) {
		Progress bar = sub(start, range);
		TrainingProgress parent = this;
		return new TrainingProgress() {
			@Override
			public void report(double fraction, String status) {
				bar.report(fraction, prefix + status);
			}

			@Override
			public void epoch(EpochResult result) {
				parent.epoch(result.withEpoch(epochsBefore + result.epoch()));
			}
		};
	}

	/** @return the status a training loop reports after a batch */
	static String batchStatus(int epoch, int epochs, int batch, int batches, double loss) {
		return String.format(Locale.ROOT, "epoch %d/%d, batch %d/%d, loss %.4f", epoch, epochs, batch,
			batches, loss);
	}
}
