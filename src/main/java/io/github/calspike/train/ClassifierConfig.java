package io.github.calspike.train;

import io.github.calspike.data.BalancedSampler;
import io.github.calspike.data.Seeds;
import io.github.calspike.nn.Djl;
import io.github.calspike.nn.SpikeClassifierBlock;

/**
 * Every setting of classifier training, with the defaults used by the command, the CLI, the
 * scripts and the tests alike. Immutable; change a setting with a {@code withX} method.
 */
public final class ClassifierConfig {

	/** The tutorial's 5 epochs. */
	public static final int DEFAULT_EPOCHS = 5;
	/** The tutorial's batch size. */
	public static final int DEFAULT_BATCH = 32;
	/** Adam's usual learning rate. */
	public static final double DEFAULT_LEARNING_RATE = 1e-3;
	/** Default seed. */
	public static final long DEFAULT_SEED = Seeds.DEFAULT;
	/** Default fraction of neurons held out for validation. */
	public static final double DEFAULT_VALIDATION_FRACTION = 0.2;
	/** Default largest added noise sd: improved every leave-one-dataset-out fold (BENCHMARKS.md). */
	public static final double DEFAULT_AUGMENT_NOISE = 1.0;
	/** Default log-amplitude jitter: improved every leave-one-dataset-out fold (BENCHMARKS.md). */
	public static final double DEFAULT_AUGMENT_SCALE = 0.7;

	private final int samples;
	private final int epochs;
	private final int batchSize;
	private final double learningRate;
	private final long seed;
	private final int units;
	private final int threads;
	private final double augmentNoise;
	private final double augmentScale;

	private ClassifierConfig(int samples, int epochs, int batchSize, double learningRate, long seed,
		int units, int threads, double augmentNoise, double augmentScale)
	{
		if (augmentNoise < 0 || augmentScale < 0) throw new IllegalArgumentException(
			"augmentation must be >= 0");
		this.augmentNoise = augmentNoise;
		this.augmentScale = augmentScale;
		if (samples < 0 || samples % 2 != 0) {
			throw new IllegalArgumentException("samples must be even and >= 0 (0 = all), got " +
				samples);
		}
		if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
		if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " +
			batchSize);
		if (!(learningRate > 0)) throw new IllegalArgumentException(
			"learning rate must be positive, got " + learningRate);
		if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
		this.samples = samples;
		this.epochs = epochs;
		this.batchSize = batchSize;
		this.learningRate = learningRate;
		this.seed = seed;
		this.units = units;
		this.threads = threads;
	}

	/** @return the defaults: 10,000 balanced samples, 5 epochs, batch 32, lr 1e-3, seed 1 */
	public static ClassifierConfig defaults() {
		return new ClassifierConfig(BalancedSampler.DEFAULT_SAMPLES, DEFAULT_EPOCHS, DEFAULT_BATCH,
			DEFAULT_LEARNING_RATE, DEFAULT_SEED, SpikeClassifierBlock.DEFAULT_UNITS, Djl.DEFAULT_THREADS,
			DEFAULT_AUGMENT_NOISE, DEFAULT_AUGMENT_SCALE);
	}

	/** @return balanced training samples; {@link BalancedSampler#ALL} for all */
	public int samples() {
		return samples;
	}

	/** @return epochs */
	public int epochs() {
		return epochs;
	}

	/** @return windows per batch */
	public int batchSize() {
		return batchSize;
	}

	/** @return Adam's learning rate */
	public double learningRate() {
		return learningRate;
	}

	/** @return the seed of sampling, shuffling and initialisation */
	public long seed() {
		return seed;
	}

	/** @return LSTM units */
	public int units() {
		return units;
	}

	/** @return libtorch threads */
	public int threads() {
		return threads;
	}

	/** @return a copy with another sample size */
	public ClassifierConfig withSamples(int v) {
		return new ClassifierConfig(v, epochs, batchSize, learningRate, seed, units, threads, augmentNoise, augmentScale);
	}

	/** @return a copy with another number of epochs */
	public ClassifierConfig withEpochs(int v) {
		return new ClassifierConfig(samples, v, batchSize, learningRate, seed, units, threads, augmentNoise, augmentScale);
	}

	/** @return a copy with another batch size */
	public ClassifierConfig withBatchSize(int v) {
		return new ClassifierConfig(samples, epochs, v, learningRate, seed, units, threads, augmentNoise, augmentScale);
	}

	/** @return a copy with another learning rate */
	public ClassifierConfig withLearningRate(double v) {
		return new ClassifierConfig(samples, epochs, batchSize, v, seed, units, threads, augmentNoise, augmentScale);
	}

	/** @return a copy with another seed */
	public ClassifierConfig withSeed(long v) {
		return new ClassifierConfig(samples, epochs, batchSize, learningRate, v, units, threads, augmentNoise, augmentScale);
	}

	/** @return a copy with another LSTM size */
	public ClassifierConfig withUnits(int v) {
		return new ClassifierConfig(samples, epochs, batchSize, learningRate, seed, v, threads, augmentNoise, augmentScale);
	}

	/** @return the largest sd of Gaussian noise added to training windows (normalised units) */
	public double augmentNoise() {
		return augmentNoise;
	}

	/** @return the sd of the log amplitude factor applied to training windows */
	public double augmentScale() {
		return augmentScale;
	}

	/** @return a copy with other augmentation settings */
	public ClassifierConfig withAugmentation(double noise, double scale) {
		return new ClassifierConfig(samples, epochs, batchSize, learningRate, seed, units, threads,
			noise, scale);
	}

	/** @return a copy with another thread count */
	public ClassifierConfig withThreads(int v) {
		return new ClassifierConfig(samples, epochs, batchSize, learningRate, seed, units, v,
			augmentNoise, augmentScale);
	}
}
