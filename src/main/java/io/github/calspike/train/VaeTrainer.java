package io.github.calspike.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import io.github.calspike.data.WindowSet;
import io.github.calspike.nn.CalciumVae;
import io.github.calspike.nn.Djl;
import io.github.calspike.nn.VaeLoss;

import java.util.Random;

/**
 * Trains the calcium VAE on windows with loss = mean squared reconstruction error + beta * KL and
 * Adam. After each epoch it reports the validation loss (deterministic encode); a stop request
 * takes effect at the next batch and returns the last complete epoch's parameters.
 */
public final class VaeTrainer {

	private VaeTrainer() {}

	/**
	 * @param validation held-out windows (may be empty)
	 * @return parameters after the last complete epoch, and the history (train loss, validation
	 *         loss in the loss slots)
	 */
	public static TrainingResult train(WindowSet train, WindowSet validation, VaeConfig cfg,
		TrainingProgress progress, StopSignal stop)
	{
		int len = train.length();
		Djl.setThreads(cfg.threads());
		Djl.engine().setRandomSeed((int) cfg.seed());
		CalciumVae vae = new CalciumVae(len, cfg.units(), cfg.latent(), 1f);
		int batch = cfg.batch();
		VaeLoss vaeLoss = new VaeLoss(cfg.beta());
		if (validation.size() > 0) vae.checkBins(validation.length());
		DefaultTrainingConfig tc = new DefaultTrainingConfig(vaeLoss).optOptimizer(Optimizer.adam()
			.optLearningRateTracker(Tracker.fixed((float) cfg.learningRate())).build()).optDevices(
				new Device[] { Device.cpu() });
		int n = train.size(), batches = (n + batch - 1) / batch;
		TrainingLoop.Batches windows = new ShuffledWindows(n, batch, new Random(cfg.seed())) {
			@Override
			TrainingLoop.Batch batch(NDManager m, int[] samples) {
				float[] x = new float[samples.length * len];
				for (int i = 0; i < samples.length; i++) train.copyWindow(samples[i], x, i * len);
				NDList xa = new NDList(m.create(x, new Shape(samples.length, len)));
				return new TrainingLoop.Batch(xa, xa, samples.length);
			}
		};
		try (Model model = Model.newInstance("calcium-vae", Device.cpu(), Djl.ENGINE)) {
			model.setBlock(vae);
			try (Trainer trainer = model.newTrainer(tc)) {
				trainer.initialize(new Shape(batch, len));
				return TrainingLoop.fit(trainer, vae, cfg.epochs(), windows, vaeLoss::evaluate,
					null, e -> {
						double val = validation.size() == 0 ? Double.NaN : validationLoss(vae, trainer
							.getManager(), validation, vaeLoss);
						return new EpochResult(e.epoch, e.lossSum / batches, Double.NaN, val, Double.NaN,
							EpochResult.NO_SCORE, e.seconds, n / e.seconds, EpochResult.WINDOWS);
					}, progress, stop);
			}
		}
	}

	private static double validationLoss(CalciumVae vae, NDManager parent, WindowSet w,
		VaeLoss loss)
	{
		return Djl.withoutGradients(() -> {
			try (NDManager m = parent.newSubManager()) {
				NDArray x = m.create(w.flatValues(), new Shape(w.size(), w.length()));
				return (double) loss.evaluate(new NDList(x), vae.forward(new ParameterStore(m, false),
					new NDList(x), false)).getFloat();
			}
		});
	}
}
