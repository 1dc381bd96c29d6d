package io.github.calspike.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import io.github.calspike.data.WindowSet;
import io.github.calspike.nn.ClassifierNetwork;
import io.github.calspike.nn.Djl;
import io.github.calspike.nn.SpikeClassifierBlock;

import java.util.Random;

/**
 * Trains the spike classifier with sigmoid binary cross-entropy and Adam, batch by batch, on
 * windows already normalised and sampled. After every epoch it evaluates the validation windows
 * and keeps a copy of the parameters; a stop request takes effect at the next batch and returns
 * the parameters of the last complete epoch.
 */
public final class ClassifierTrainer {

	private ClassifierTrainer() {}

	/**
	 * @param train training windows (balanced, normalised)
	 * @param validation validation windows from other neurons; may be empty
	 * @param progress receives batch and epoch progress
	 * @param stop checked before every batch
	 */
	public static TrainingResult train(WindowSet train, WindowSet validation, ClassifierConfig cfg,
		TrainingProgress progress, StopSignal stop)
	{
		if (train.size() == 0) throw new IllegalArgumentException("No training windows");
		int len = train.length();
		if (validation.size() > 0 && validation.length() != len) {
			throw new IllegalArgumentException("Validation windows have " + validation.length() +
				" bins, training windows " + len);
		}
		Djl.setThreads(cfg.threads());
		Djl.engine().setRandomSeed((int) cfg.seed());
		SpikeClassifierBlock block = SpikeClassifierBlock.builder().optUnits(cfg.units()).build();
		DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
			.optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) cfg
				.learningRate())).build()).optDevices(new Device[] { Device.cpu() });
		try (Model model = Model.newInstance("spike-classifier", Device.cpu(), Djl.ENGINE)) {
			model.setBlock(block);
			try (Trainer trainer = model.newTrainer(tc)) {
				trainer.initialize(new Shape(cfg.batchSize(), len));
				int n = train.size();
				Random rnd = new Random(cfg.seed());
				long[] correct = new long[1];
				TrainingLoop.Batches windows = new ShuffledWindows(n, cfg.batchSize(), rnd) {
					@Override
					public void startEpoch(int epoch) {
						super.startEpoch(epoch);
						correct[0] = 0;
					}

					@Override
					TrainingLoop.Batch batch(NDManager m, int[] samples) {
						int size = samples.length;
						float[] x = new float[size * len], y = new float[size];
						for (int i = 0; i < size; i++) {
							train.copyWindow(samples[i], x, i * len);
							y[i] = train.isSpike(samples[i]) ? 1 : 0;
							augment(x, i * len, len, cfg, rnd);
						}
						return new TrainingLoop.Batch(new NDList(m.create(x, new Shape(size, len))), new NDList(m
							.create(y)), size);
					}
				};
				return TrainingLoop.fit(trainer, block, cfg.epochs(), windows, TrainingLoop.Objective.of(
					trainer), (labels, out) -> correct[0] += out.head().gt(0).toType(
						ai.djl.ndarray.types.DataType.FLOAT32, false).eq(labels.head()).sum().getLong(), e -> {
							double[] val = evaluate(block, trainer.getManager(), validation);
							return new EpochResult(e.epoch, e.weightedLossSum / n, (double) correct[0] / n,
								val[0], val[1], EpochResult.ACCURACY, e.seconds, n / e.seconds, EpochResult.WINDOWS);
						}, progress, stop);
			}
		}
	}

	/** @return {mean loss, accuracy} of the block on the windows; NaN for an empty set */
	static double[] evaluate(SpikeClassifierBlock block, NDManager manager, WindowSet w) {
		if (w.size() == 0) return new double[] { Double.NaN, Double.NaN };
		float[] flat = w.flatValues();
		float[] z = ClassifierNetwork.logits(block, manager, flat, w.size(), w.length());
		double loss = 0;
		long correct = 0;
		for (int k = 0; k < z.length; k++) {
			double y = w.isSpike(k) ? 1 : 0;
			// numerically stable sigmoid cross-entropy on the logit
			loss += Math.max(z[k], 0) - z[k] * y + Math.log1p(Math.exp(-Math.abs(z[k])));
			if ((z[k] > 0) == w.isSpike(k)) correct++;
		}
		return new double[] { loss / z.length, (double) correct / z.length };
	}

	/**
	 * Augmentation of one window in place: multiplies it by exp(N(0, scaleJitter²)) around its
	 * mean and adds N(0, noise²) to every bin, as if the same events were recorded with another
	 * indicator amplitude and noise level.
	 */
	static void augment(float[] x, int off, int len, ClassifierConfig cfg, Random rnd) {
		if (cfg.augmentScale() > 0) {
			double mean = 0;
			for (int b = 0; b < len; b++) mean += x[off + b];
			mean /= len;
			double g = Math.exp(cfg.augmentScale() * rnd.nextGaussian());
			for (int b = 0; b < len; b++) x[off + b] = (float) (mean + g * (x[off + b] - mean));
		}
		if (cfg.augmentNoise() > 0) {
			double sd = cfg.augmentNoise() * rnd.nextDouble();
			for (int b = 0; b < len; b++) x[off + b] += (float) (sd * rnd.nextGaussian());
		}
	}

}
