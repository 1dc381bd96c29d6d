package io.github.calspike.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;

import io.github.calspike.nn.Djl;
import io.github.calspike.nn.PixelMapLoss;
import io.github.calspike.nn.PixelMaps;
import io.github.calspike.nn.UNetBlock;
import io.github.calspike.nn.UNetMaps;

import java.util.List;
import java.util.Random;

/**
 * Trains the neuron detector's U-Net on annotated images: random square tiles, each flipped and
 * transposed at random (the eight symmetries of the square) and each channel's gain jittered,
 * against the target maps (cell, centre) with {@link PixelMapLoss}; Adam with cosine decay.
 */
public final class DetectorTrainer {

	/** Spread of the per-channel gain jitter (log scale). */
	static final double GAIN_JITTER = 0.15;

	/** One annotated image: input channels and target maps, each width x height values. */
	public static final class Image {
		final float[][] channels, targets;
		final int width, height;

		/** @param channels input channels; @param targets target maps in [0, 1] */
		public Image(float[][] channels, float[][] targets, int width, int height) {
			this.channels = channels;
			this.targets = targets;
			this.width = width;
			this.height = height;
		}
	}

	/** Scores the network after an epoch (e.g. detection F1 on held-out images); higher is better. */
	@FunctionalInterface
	public interface Validator {
		/** @return the score of the network behind {@code maps} */
		double score(PixelMaps maps);
	}

	private DetectorTrainer() {}

	/**
	 * @param validator null for none
	 * @return the parameters after the last complete epoch (null if none), the history, and
	 *         whether Stop ended the run
	 * @throws IllegalArgumentException when an image is smaller than a tile or images disagree in
	 *         their channels
	 */
	public static TrainingResult train(List<Image> images, DetectorConfig cfg, Validator validator,
		TrainingProgress progress, StopSignal stop)
	{
		if (images.isEmpty()) throw new IllegalArgumentException("no annotated images to train on");
		int tile = cfg.tile(), channels = images.get(0).channels.length, maps = images.get(0).targets.length;
		for (Image im : images) {
			if (im.width < tile || im.height < tile) {
				throw new IllegalArgumentException("an annotated image of " + im.width + " x " + im.height +
					" px is smaller than a training tile (" + tile + " px); use a smaller tile");
			}
			if (im.channels.length != channels || im.targets.length != maps) {
				throw new IllegalArgumentException("annotated images differ in their channels");
			}
		}
		Djl.setThreads(cfg.threads());
		Djl.engine().setRandomSeed((int) cfg.seed());
		float[] weights = new float[maps];
		weights[0] = 1;
		for (int k = 1; k < maps; k++) weights[k] = (float) cfg.centreWeight();
		DefaultTrainingConfig tc = new DefaultTrainingConfig(new PixelMapLoss("bce", weights))
			.optOptimizer(Optimizer.adam().optLearningRateTracker(CosineTracker.builder().setBaseValue(
				(float) cfg.learningRate()).optFinalValue((float) (cfg.learningRate() / 50)).setMaxUpdates(cfg
					.epochs() * cfg.batches()).build()).build()).optDevices(new Device[] { Device.cpu() });
		Random rnd = new Random(cfg.seed());
		UNetBlock block = cfg.block(maps);
		int bs = cfg.batchSize();
		TrainingLoop.Batches tiles = new TrainingLoop.Batches() {
			@Override
			public int count() {
				return cfg.batches();
			}

			@Override
			public TrainingLoop.Batch next(NDManager m, int b) {
				float[] x = new float[bs * channels * tile * tile], y = new float[bs * maps * tile * tile];
				for (int k = 0; k < bs; k++) sample(images, rnd, tile, x, y, k, channels, maps);
				return new TrainingLoop.Batch(new NDList(m.create(x, new Shape(bs, channels, tile, tile))),
					new NDList(m.create(y, new Shape(bs, maps, tile, tile))), bs);
			}
		};
		try (Model model = Model.newInstance("neuron-detector", Device.cpu(), Djl.ENGINE)) {
			model.setBlock(block);
			try (Trainer trainer = model.newTrainer(tc)) {
				trainer.initialize(new Shape(bs, channels, tile, tile));
				return TrainingLoop.fit(trainer, block, cfg.epochs(), tiles, TrainingLoop.Objective.of(
					trainer), null, e -> {
						double score = validator == null ? Double.NaN : validator.score((ch, w, h) -> UNetMaps
							.predict(block, trainer.getManager(), ch, w, h));
						return new EpochResult(e.epoch, e.lossSum / cfg.batches(), Double.NaN, Double.NaN,
							score, EpochResult.F1, e.seconds, cfg.batches() * (double) bs / e.seconds,
							EpochResult.TILES);
					}, progress, stop);
			}
		}
	}

	private static void sample(List<Image> images, Random rnd, int tile, float[] x, float[] y, int k,
		int channels, int maps)
	{
		long total = 0;
		for (Image im : images) total += (long) im.width * im.height;
		long pick = (long) (rnd.nextDouble() * total);
		Image im = images.get(images.size() - 1);
		for (Image i : images) {
			pick -= (long) i.width * i.height;
			if (pick < 0) {
				im = i;
				break;
			}
		}
		int x0 = rnd.nextInt(im.width - tile + 1), y0 = rnd.nextInt(im.height - tile + 1);
		boolean flipX = rnd.nextBoolean(), flipY = rnd.nextBoolean(), transpose = rnd.nextBoolean();
		int plane = tile * tile;
		for (int c = 0; c < channels + maps; c++) {
			boolean input = c < channels;
			float[] src = input ? im.channels[c] : im.targets[c - channels];
			float gain = input ? (float) Math.exp(GAIN_JITTER * rnd.nextGaussian()) : 1;
			float[] dst = input ? x : y;
			int off = (k * (input ? channels : maps) + (input ? c : c - channels)) * plane;
			for (int ty = 0; ty < tile; ty++) {
				for (int tx = 0; tx < tile; tx++) {
					int sx = transpose ? ty : tx, sy = transpose ? tx : ty;
					if (flipX) sx = tile - 1 - sx;
					if (flipY) sy = tile - 1 - sy;
					dst[off + ty * tile + tx] = gain * src[(y0 + sy) * im.width + x0 + sx];
				}
			}
		}
	}
}
