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
import ai.djl.training.tracker.Tracker;

import io.github.calspike.data.RateTargets;
import io.github.calspike.nn.CorrelationLoss;
import io.github.calspike.nn.Djl;
import io.github.calspike.nn.RateNetwork;
import io.github.calspike.nn.RateNetworkBlock;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.Resampling;
import io.github.calspike.trace.TraceSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains the spike-rate network on random crops of normalised calcium against Gaussian-smoothed
 * spike counts, with mean squared error and Adam. Crops never cross a neuron's end. Each crop is
 * augmented with a random amplitude and random added noise. After every epoch the network runs
 * over the whole validation traces and is scored with the SpikeFinder correlation; a stop request
 * takes effect at the next batch and returns the last complete epoch's parameters.
 */
public final class RateTrainer {

	/**
	 * The network learns spikes per frame times this factor: targets of order 1 train far better
	 * than the raw 0.01-0.1 spikes per frame. Predictions are divided by it again.
	 */
	public static final float TARGET_SCALE = 10f;

	private RateTrainer() {}

	/**
	 * @param train traces with spikes, at the model's rate (normalised here)
	 * @param validation held-out traces with spikes (may be empty)
	 * @param norm per-neuron normalisation
	 * @param score scores per-neuron predictions against truth: (truth, prediction) -> mean score
	 */
	public static TrainingResult train(TraceSet train, TraceSet validation,
		Normalization norm, RateConfig cfg, Scorer score, TrainingProgress progress, StopSignal stop)
	{
		return train(train, validation, norm, cfg, score, progress, stop, RateNetworkBlock.builder()
			.optFilters(cfg.filters()).optKernel(cfg.kernel()).optLayers(cfg.layers()).optGlobalContext(cfg
				.globalContext()).build(),
			RateNetworkBlock.receptiveField(cfg.kernel(), cfg.layers()));
	}

	/**
	 * The same with another network mapping (batch, frames) to (batch, frames) of rates, e.g. to
	 * compare architectures.
	 *
	 * @param context frames each side a frame's output depends on (inference overlap)
	 */
	public static TrainingResult train(TraceSet train, TraceSet validation,
		Normalization norm, RateConfig cfg, Scorer score, TrainingProgress progress, StopSignal stop,
		ai.djl.nn.Block block, int context)
	{
		int crop = cfg.cropLength();
		List<float[]> x = new ArrayList<>(), y = new ArrayList<>(), spikes = new ArrayList<>();
		long frames = 0;
		double sigma = cfg.smoothingS() * train.rateHz();
		for (int i = 0; i < train.size(); i++) {
			if (train.length(i) < crop) continue;
			x.add(toFloat(norm.apply(train.calcium(i))));
			float[] target = toFloat(RateTargets.smooth(train.spikes(i), sigma));
			for (int k = 0; k < target.length; k++) target[k] *= TARGET_SCALE;
			y.add(target);
			spikes.add(toFloat(train.spikes(i)));
			frames += train.length(i);
		}
		if (x.isEmpty()) {
			throw new IllegalArgumentException("calcium: no training neuron has the " + crop +
				" frames (" + crop / train.rateHz() + " s) that a training crop needs; give longer " +
				"recordings");
		}
		float[][] valX = new float[validation.size()][];
		double[][] valTruth = new double[validation.size()][];
		for (int i = 0; i < validation.size(); i++) {
			valX[i] = toFloat(norm.apply(validation.calcium(i)));
			valTruth[i] = validation.spikes(i);
		}
		Djl.setThreads(cfg.threads());
		Djl.engine().setRandomSeed((int) cfg.seed());
		int batches = (int) Math.max(1, frames / ((long) crop * cfg.batchSize()));
		// Cosine decay to 1% of the learning rate over the run: the late epochs settle instead of
		// jumping between solutions.
		Tracker lr = CosineTracker.builder().setBaseValue((float) cfg.learningRate()).optFinalValue(
			(float) (cfg.learningRate() / 100)).setMaxUpdates(batches * cfg.epochs()).build();
		// frames summed for the correlation term: the SpikeFinder metric's 25 Hz groups
		int pool = Math.max(1, (int) Math.round(train.rateHz() / 25));
		DefaultTrainingConfig tc = new DefaultTrainingConfig(new CorrelationLoss("mse+corr", pool,
			(float) cfg.correlationWeight(), (float) cfg.poissonWeight())).optOptimizer(
			Optimizer.adam().optLearningRateTracker(lr).build()).optDevices(new Device[] { Device
				.cpu() });
		Random rnd = new Random(cfg.seed());
		int bsz = cfg.batchSize();
		TrainingLoop.Batches crops = new TrainingLoop.Batches() {
			@Override
			public int count() {
				return batches;
			}

			@Override
			public TrainingLoop.Batch next(NDManager m, int b) {
				float[] bx = new float[bsz * crop], by = new float[bx.length];
				for (int k = 0; k < bsz; k++) {
					int n = pickNeuron(x, rnd);
					if (cfg.synthetic() > 0 && rnd.nextDouble() < cfg.synthetic()) {
						int at = rnd.nextInt(x.get(n).length - crop + 1);
						double[] sim = norm.apply(SyntheticCalcium.simulate(spikes.get(n), at, crop, train
							.rateHz(), rnd));
						for (int i = 0; i < crop; i++) {
							bx[k * crop + i] = (float) sim[i];
							by[k * crop + i] = y.get(n)[at + i];
						}
						degrade(bx, k * crop, crop, cfg, norm, train.rateHz(), rnd);
						continue;
					}
					double f = cfg.augmentStretch() > 0 ? Math.exp(cfg.augmentStretch() * (2 * rnd
						.nextDouble() - 1)) : 1;
					int span = Math.min(x.get(n).length, (int) Math.ceil(crop * f) + 1);
					f = Math.min(f, (span - 1.0) / crop);
					int at = rnd.nextInt(x.get(n).length - span + 1);
					crop(x.get(n), y.get(n), at, f, bx, by, k * crop, crop);
					degrade(bx, k * crop, crop, cfg, norm, train.rateHz(), rnd);
				}
				return new TrainingLoop.Batch(new NDList(m.create(bx, new Shape(bsz, crop))), new NDList(m
					.create(by, new Shape(bsz, crop))), bsz);
			}
		};
		try (Model model = Model.newInstance("spike-rate", Device.cpu(), Djl.ENGINE)) {
			model.setBlock(block);
			try (Trainer trainer = model.newTrainer(tc)) {
				trainer.initialize(new Shape(bsz, crop));
				return TrainingLoop.fit(trainer, block, cfg.epochs(), crops, TrainingLoop.Objective.of(
					trainer), null, e -> {
						double valScore = Double.NaN;
						if (valX.length > 0) {
							double[][] pred = new double[valX.length][];
							for (int i = 0; i < valX.length; i++) {
								pred[i] = toDouble(RateNetwork.rates(block, context, trainer.getManager(), valX[i]));
							}
							valScore = score.score(valTruth, pred);
						}
						return new EpochResult(e.epoch, e.lossSum / batches, Double.NaN, Double.NaN, valScore,
							EpochResult.CORRELATION, e.seconds, (double) batches * bsz * crop / e.seconds,
							EpochResult.FRAMES);
					}, progress, stop);
			}
		}
	}

	/** Scores predictions of whole traces. */
	public interface Scorer {
		/** @return one number, higher is better */
		double score(double[][] truth, double[][] prediction);
	}

	/** Picks a neuron with probability proportional to its length. */
	private static int pickNeuron(List<float[]> x, Random rnd) {
		long total = 0;
		for (float[] a : x) total += a.length;
		long r = (long) (rnd.nextDouble() * total);
		for (int i = 0; i < x.size(); i++) {
			r -= x.get(i).length;
			if (r < 0) return i;
		}
		return x.size() - 1;
	}

	/**
	 * Copies a crop starting at source frame {@code at}, {@code f} source frames per output frame
	 * (f = 1: a plain copy). Calcium is interpolated linearly; targets are interpolated and
	 * multiplied by f, so a stretched crop holds as many expected spikes as its source span: the
	 * same events, as if recorded with a slower (f &lt; 1) or faster (f &gt; 1) indicator.
	 */
	static void crop(float[] x, float[] y, int at, double f, float[] bx, float[] by, int off,
		int len)
	{
		for (int i = 0; i < len; i++) {
			double pos = at + i * f;
			int a = (int) pos;
			int b = Math.min(a + 1, x.length - 1);
			float w = (float) (pos - a);
			bx[off + i] = x[a] + w * (x[b] - x[a]);
			by[off + i] = (float) ((y[a] + w * (y[b] - y[a])) * f);
		}
	}

	/**
	 * Random amplitude {@code g} and added white noise of a random sd. With noise units
	 * ({@link Normalization#NOISE}, where a recording's noise has sd {@link #NOISE_UNIT_SD}) the
	 * noisier crop is normalised again, as inference would normalise a noisier recording: its
	 * transients shrink against its noise, so the network learns the counts of noisy recordings
	 * instead of a noise level it never sees at inference.
	 */
	static void augment(float[] x, int off, int len, RateConfig cfg, Normalization norm,
		Random rnd)
	{
		double g = cfg.augmentScale() > 0 ? Math.exp(cfg.augmentScale() * rnd.nextGaussian()) : 1;
		double sd = cfg.augmentNoise() * rnd.nextDouble();
		double renorm = norm == Normalization.NOISE ? Math.sqrt(1 + (sd / NOISE_UNIT_SD) * (sd /
			NOISE_UNIT_SD)) : 1;
		for (int b = 0; b < len; b++) {
			x[off + b] = (float) ((g * x[off + b] + (sd > 0 ? sd * rnd.nextGaussian() : 0)) / renorm);
		}
	}

	/**
	 * {@link #augment}s a crop or, for a fraction {@link RateConfig#lowRate()} of crops, records it
	 * again at a lower frame rate ({@link #lowRate}).
	 */
	private static void degrade(float[] x, int off, int len, RateConfig cfg, Normalization norm,
		double modelHz, Random rnd)
	{
		if (cfg.lowRate() > 0 && rnd.nextDouble() < cfg.lowRate()) {
			double hz = Math.exp(Math.log(RateConfig.LOW_RATE_MIN_HZ) + rnd.nextDouble() * Math.log(
				RateConfig.LOW_RATE_MAX_HZ / RateConfig.LOW_RATE_MIN_HZ));
			lowRate(x, off, len, hz, modelHz, cfg, norm, rnd);
		}
		else augment(x, off, len, cfg, norm, rnd);
	}

	/**
	 * The crop as a recording at {@code hz} would reach the network: amplitude jitter as in
	 * {@link #augment}, frames averaged into frames of {@code hz} (a slower camera or scan, whose
	 * frame j holds model frames [j p, (j + 1) p), p = modelHz / hz), white noise of a random sd
	 * added to those frames (relative to their own noise, as {@link #augment} adds it to a model
	 * rate crop) and normalised again, then interpolated back to the model's rate as
	 * {@link Resampling#resample} brings such a recording at inference. Targets are unchanged: the
	 * network learns where the spikes of a slow, noisy recording are.
	 */
	static void lowRate(float[] x, int off, int len, double hz, double modelHz, RateConfig cfg,
		Normalization norm, Random rnd)
	{
		double g = cfg.augmentScale() > 0 ? Math.exp(cfg.augmentScale() * rnd.nextGaussian()) : 1;
		double per = modelHz / hz;
		int n = (int) Math.ceil(len / per);
		double[] bins = new double[n];
		int[] count = new int[n];
		for (int k = 0; k < len; k++) {
			int j = Math.min(n - 1, (int) Math.floor(k / per));
			bins[j] += x[off + k];
			count[j]++;
		}
		// relative to the averaged frames' own noise, as augment() adds noise relative to a crop's
		double ratio = cfg.augmentNoise() / NOISE_UNIT_SD * rnd.nextDouble();
		double sd = ratio * NOISE_UNIT_SD / Math.sqrt(per);
		for (int j = 0; j < n; j++) {
			bins[j] = g * bins[j] / Math.max(1, count[j]) + (sd > 0 ? sd * rnd.nextGaussian() : 0);
		}
		if (norm == Normalization.NOISE) {
			// the scale inference would measure on these frames (their noise, brought to the model's
			// rate), in units where the model-rate recording's scale is 1
			double scale = Normalization.NOISE.centreAndScale(bins, hz, modelHz)[1];
			if (!(scale > 0) || !Double.isFinite(scale)) scale = Math.sqrt(1 + ratio * ratio);
			for (int j = 0; j < n; j++) bins[j] /= scale;
		}
		double[] back = Resampling.resample(bins, hz, modelHz, len);
		for (int k = 0; k < len; k++) x[off + k] = (float) back[k];
	}

	/** The sd of a recording's noise after noise-unit normalisation (1 / 10 noise sd). */
	static final double NOISE_UNIT_SD = Normalization.NOISE_UNIT_SD;

	static float[] toFloat(double[] d) {
		float[] f = new float[d.length];
		for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
		return f;
	}

	static double[] toDouble(float[] f) {
		double[] d = new double[f.length];
		for (int i = 0; i < f.length; i++) d[i] = f[i];
		return d;
	}
}
