package io.github.calspike.train;

import io.github.calspike.data.BalancedSampler;
import io.github.calspike.data.Seeds;
import io.github.calspike.nn.Djl;
import io.github.calspike.nn.SpikeClassifierBlock;

/**
 * Every setting of classifier training, with the defaults used by the command, the CLI, the
 * scripts and the tests alike. Immutable; change a setting with a {@code withX} method.
 */
public final class ClassifierConfig extends CopiedOnChange<ClassifierConfig> {

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

	private int samples = BalancedSampler.DEFAULT_SAMPLES;
	private int epochs = DEFAULT_EPOCHS;
	private int batchSize = DEFAULT_BATCH;
	private double learningRate = DEFAULT_LEARNING_RATE;
	private long seed = DEFAULT_SEED;
	private int units = SpikeClassifierBlock.DEFAULT_UNITS;
	private int threads = Djl.DEFAULT_THREADS;
	private double augmentNoise = DEFAULT_AUGMENT_NOISE;
	private double augmentScale = DEFAULT_AUGMENT_SCALE;

	private ClassifierConfig() {}

	/** @return the defaults: 10,000 balanced samples, 5 epochs, batch 32, lr 1e-3, seed 1 */
	public static ClassifierConfig defaults() {
		return new ClassifierConfig();
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
		if (v < 0 || v % 2 != 0) {
			throw new IllegalArgumentException("samples must be even and >= 0 (0 = all), got " + v);
		}
		return with(c -> c.samples = v);
	}

	/** @return a copy with another number of epochs */
	public ClassifierConfig withEpochs(int v) {
		if (v < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + v);
		return with(c -> c.epochs = v);
	}

	/** @return a copy with another batch size */
	public ClassifierConfig withBatchSize(int v) {
		if (v < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + v);
		return with(c -> c.batchSize = v);
	}

	/** @return a copy with another learning rate */
	public ClassifierConfig withLearningRate(double v) {
		if (!(v > 0)) throw new IllegalArgumentException("learning rate must be positive, got " + v);
		return with(c -> c.learningRate = v);
	}

	/** @return a copy with another seed */
	public ClassifierConfig withSeed(long v) {
		return with(c -> c.seed = v);
	}

	/** @return a copy with another LSTM size */
	public ClassifierConfig withUnits(int v) {
		return with(c -> c.units = v);
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
		if (noise < 0 || scale < 0) throw new IllegalArgumentException("augmentation must be >= 0");
		return with(c -> {
			c.augmentNoise = noise;
			c.augmentScale = scale;
		});
	}

	/** @return a copy with another thread count */
	public ClassifierConfig withThreads(int v) {
		if (v < 1) throw new IllegalArgumentException("threads must be >= 1, got " + v);
		return with(c -> c.threads = v);
	}
}
