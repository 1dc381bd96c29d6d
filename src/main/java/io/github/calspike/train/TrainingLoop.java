package io.github.calspike.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;

import io.github.calspike.nn.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * The one training loop of CalSpike, shaped like DJL's {@code EasyTrain.fit} with cancel checks:
 * for each epoch, each batch in a sub-manager of its own, forward under a gradient collector,
 * backward, one optimiser step; a stop request takes effect before the next batch; after each
 * complete epoch the caller's {@link EpochEnd} validates and reports, and the block's parameters
 * are kept as the epoch's snapshot. A loss that is not a number ends the training with a
 * {@link TrainingDivergedException}. What differs between models (their batches, their loss, what
 * an epoch reports) comes in as small interfaces.
 */
public final class TrainingLoop {

	private TrainingLoop() {}

	/** One batch: what goes into the network, what its loss compares against, how many samples. */
	public static final class Batch {
		final NDList inputs, labels;
		final int size;

		/**
		 * @param inputs the network's inputs
		 * @param labels the targets (for an autoencoder, its inputs again)
		 * @param size samples in the batch
		 */
		public Batch(NDList inputs, NDList labels, int size) {
			this.inputs = inputs;
			this.labels = labels;
			this.size = size;
		}
	}

	/** The batches of every epoch. */
	public interface Batches {
		/** @return batches per epoch */
		int count();

		/** Called before each epoch's first batch, e.g. to shuffle. */
		default void startEpoch(int epoch) {}

		/** @return batch {@code b} (0-based) of the current epoch, its arrays made in {@code m} */
		Batch next(NDManager m, int b);
	}

	/** A batch's loss, a scalar, from the labels and the network's outputs. */
	public interface Objective {
		/** @return the loss to minimise */
		NDArray loss(NDList labels, NDList outputs);

		/** @return the trainer's own loss ({@code DefaultTrainingConfig}'s) */
		static Objective of(Trainer trainer) {
			return (labels, outputs) -> trainer.getLoss().evaluate(labels, new NDList(outputs.head()));
		}
	}

	/** Sees each batch's labels and outputs while they exist, e.g. to count right answers. */
	public interface BatchHook {
		/** Called after the backward pass, inside the batch's manager. */
		void after(NDList labels, NDList outputs);
	}

	/** Sums over one epoch's batches. */
	public static final class EpochStats {
		/** The epoch, 1-based. */
		public final int epoch;
		/** Batches run. */
		public final int batches;
		/** Samples run. */
		public final long samples;
		/** Sum of the batches' losses, and of each batch's loss times its size. */
		public final double lossSum, weightedLossSum;
		/** Wall time of the batches, validation excluded. */
		public final double seconds;

		EpochStats(int epoch, int batches, long samples, double lossSum, double weightedLossSum,
			double seconds)
		{
			this.epoch = epoch;
			this.batches = batches;
			this.samples = samples;
			this.lossSum = lossSum;
			this.weightedLossSum = weightedLossSum;
			this.seconds = seconds;
		}
	}

	/** Validates after an epoch and says what it was. */
	public interface EpochEnd {
		/** @return the epoch's result (validation included) */
		EpochResult finish(EpochStats stats);
	}

	/**
	 * Trains {@code block} (already the model's block, initialised by {@code trainer}) for
	 * {@code epochs} epochs.
	 *
	 * @param hook null for none
	 * @return the parameters after the last complete epoch (null if none), the history, and
	 *         whether a stop request ended the run
	 * @throws TrainingDivergedException at the first batch whose loss is NaN or infinite, before
	 *         its step (so no epoch with such a loss is ever reported or kept)
	 */
	public static TrainingResult fit(Trainer trainer, Block block, int epochs, Batches batches,
		Objective objective, BatchHook hook, EpochEnd end, TrainingProgress progress, StopSignal stop)
	{
		List<EpochResult> history = new ArrayList<>();
		byte[] snapshot = null;
		int n = batches.count();
		double previous = Double.NaN;
		for (int epoch = 1; epoch <= epochs; epoch++) {
			batches.startEpoch(epoch);
			long t0 = System.nanoTime(), samples = 0;
			double lossSum = 0, weighted = 0;
			for (int b = 0; b < n; b++) {
				if (stop.isStopRequested()) return new TrainingResult(snapshot, history, true);
				double loss;
				int size;
				try (NDManager m = trainer.getManager().newSubManager()) {
					Batch batch = batches.next(m, b);
					size = batch.size;
					try (GradientCollector gc = trainer.newGradientCollector()) {
						NDList out = trainer.forward(batch.inputs);
						NDArray l = objective.loss(batch.labels, out);
						gc.backward(l);
						loss = l.getFloat();
						// a NaN or infinite loss would make every parameter NaN at this step
						if (!Double.isFinite(loss)) {
							throw new TrainingDivergedException(epoch, b + 1, n, loss, previous);
						}
						if (hook != null) hook.after(batch.labels, out);
					}
					trainer.step();
				}
				previous = loss;
				lossSum += loss;
				weighted += loss * size;
				samples += size;
				progress.report((double) ((long) (epoch - 1) * n + b + 1) / ((long) epochs * n),
					TrainingProgress.batchStatus(epoch, epochs, b + 1, n, loss));
			}
			double seconds = (System.nanoTime() - t0) / 1e9;
			EpochResult r = end.finish(new EpochStats(epoch, n, samples, lossSum, weighted, seconds));
			snapshot = Parameters.save(block);
			history.add(r);
			progress.epoch(r);
		}
		return new TrainingResult(snapshot, history, false);
	}
}
