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
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;

import io.github.calspike.nn.DigitVae;
import io.github.calspike.nn.Djl;
import io.github.calspike.nn.VariationalLayer;

import java.util.Random;

/**
 * The tutorial's toy check of a variational layer: a VAE learns to reconstruct one-hot digits
 * through a 2-D latent code (softmax cross-entropy + beta * KL, Adam), then encodes new digits so
 * the latent space can be plotted. Well trained, each digit forms its own cluster.
 */
public final class DigitVaeTraining {

	/** The tutorial's settings. */
	public static final int DEFAULT_SAMPLES = 10_000;
	/** Epochs. */
	public static final int DEFAULT_EPOCHS = 10;
	/** KL weight. */
	public static final double DEFAULT_BETA = 1e-2;
	/** Digits encoded for the plot. */
	public static final int DEFAULT_PLOTTED = 300;
	/** Batch size. */
	public static final int BATCH = 32;

	private DigitVaeTraining() {}

	/** Encoded digits and the loss per epoch. */
	public static final class Result {
		/** Latent samples, one (z0, z1) per plotted digit. */
		public final double[][] latent;
		/** The digit of each latent sample. */
		public final int[] digits;
		/** Mean loss (cross-entropy + beta KL) per epoch. */
		public final double[] loss;

		Result(double[][] latent, int[] digits, double[] loss) {
			this.latent = latent;
			this.digits = digits;
			this.loss = loss;
		}
	}

	/**
	 * @param samples random training digits
	 * @param plotted random digits encoded (with the layer's sampling) after training
	 */
	public static Result run(int samples, int epochs, double beta, int plotted, long seed,
		StopSignal stop)
	{
		if (samples < 1 || epochs < 1 || plotted < 1 || !(beta >= 0)) {
			throw new IllegalArgumentException("samples, epochs and plotted must be >= 1, beta >= 0");
		}
		Djl.engine().setRandomSeed((int) seed);
		Random rnd = new Random(seed);
		int[] train = new int[samples];
		for (int i = 0; i < samples; i++) train[i] = rnd.nextInt(DigitVae.DIGITS);
		DigitVae vae = new DigitVae();
		// The loss is computed here from all three outputs; DJL's trainer only needs one to exist.
		DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(Optimizer
			.adam().build()).optDevices(new Device[] { Device.cpu() });
		try (Model model = Model.newInstance("digit-vae", Device.cpu(), Djl.ENGINE)) {
			model.setBlock(vae);
			try (Trainer trainer = model.newTrainer(tc)) {
				trainer.initialize(new Shape(BATCH, DigitVae.DIGITS));
				int batches = (samples + BATCH - 1) / BATCH;
				TrainingLoop.Batches oneHots = new TrainingLoop.Batches() {
					@Override
					public int count() {
						return batches;
					}

					@Override
					public TrainingLoop.Batch next(NDManager m, int b) {
						int from = b * BATCH, n = Math.min(BATCH, samples - from);
						NDList x = new NDList(oneHot(m, train, from, n));
						return new TrainingLoop.Batch(x, x, n);
					}
				};
				TrainingResult r = TrainingLoop.fit(trainer, vae, epochs, oneHots, (x, out) -> {
					NDArray ce = out.get(0).logSoftmax(1).mul(x.head()).sum(new int[] { 1 }).neg().mean();
					return ce.add(VariationalLayer.klDivergence(out.get(1), out.get(2)).mul((float) beta));
				}, null, e -> new EpochResult(e.epoch, e.lossSum / e.batches, Double.NaN, Double.NaN,
					Double.NaN, EpochResult.NO_SCORE, e.seconds, e.samples / e.seconds, EpochResult.DIGITS),
					TrainingProgress.NONE, stop);
				double[] history = r.history().stream().mapToDouble(EpochResult::trainLoss).toArray();
				int[] digits = new int[plotted];
				for (int i = 0; i < plotted; i++) digits[i] = rnd.nextInt(DigitVae.DIGITS);
				// Deterministic mean and log-variance, then the layer's sampling with a seeded
				// generator, so each digit shows as a reproducible cloud.
				double[][] z = Djl.withoutGradients(() -> {
					try (NDManager m = trainer.getManager().newSubManager()) {
						NDList v = vae.forward(new ParameterStore(m, false), new NDList(oneHot(m, digits, 0,
							plotted)), false);
						float[] mean = v.get(1).toFloatArray(), logvar = v.get(2).toFloatArray();
						double[][] out = new double[plotted][DigitVae.LATENT];
						Random eps = new Random(seed + 1);
						for (int i = 0; i < plotted; i++) {
							for (int d = 0; d < DigitVae.LATENT; d++) {
								int k = i * DigitVae.LATENT + d;
								out[i][d] = mean[k] + Math.exp(logvar[k] / 2) * eps.nextGaussian();
							}
						}
						return out;
					}
				});
				return new Result(z, digits, history);
			}
		}
	}

	private static NDArray oneHot(NDManager m, int[] digits, int from, int n) {
		float[] x = new float[n * DigitVae.DIGITS];
		for (int i = 0; i < n; i++) x[i * DigitVae.DIGITS + digits[from + i]] = 1;
		return m.create(x, new Shape(n, DigitVae.DIGITS));
	}
}
