package io.github.calspike.train;

import io.github.calspike.data.Seeds;
import io.github.calspike.nn.CalciumVae;
import io.github.calspike.nn.Djl;

/**
 * Every setting of calcium-VAE training, with the tutorial's defaults, used by the command, the
 * scripts and the tests. Immutable; change a setting with a {@code withX} method.
 */
public final class VaeConfig {

	/** Balanced windows trained on (the tutorial's). */
	public static final int DEFAULT_SAMPLES = 1000;
	/** Epochs. */
	public static final int DEFAULT_EPOCHS = 100;
	/** KL weight. */
	public static final double DEFAULT_BETA = 1e-4;
	/** Batch size. */
	public static final int DEFAULT_BATCH = 32;
	/** Adam's learning rate (fixed). */
	public static final double DEFAULT_LEARNING_RATE = 1e-3;

	private final int latent, units, epochs, batch, threads;
	private final double learningRate, beta;
	private final long seed;

	private VaeConfig(int latent, int units, int epochs, int batch, double learningRate,
		double beta, long seed, int threads)
	{
		if (latent < 1 || units < 1 || epochs < 1 || batch < 1 || threads < 1) {
			throw new IllegalArgumentException("latent, units, epochs, batch and threads must be >= 1");
		}
		if (!(learningRate > 0) || !(beta >= 0)) {
			throw new IllegalArgumentException("learning rate must be > 0 and beta >= 0");
		}
		this.latent = latent;
		this.units = units;
		this.epochs = epochs;
		this.batch = batch;
		this.learningRate = learningRate;
		this.beta = beta;
		this.seed = seed;
		this.threads = threads;
	}

	/** @return the defaults */
	public static VaeConfig defaults() {
		return new VaeConfig(CalciumVae.DEFAULT_LATENT, CalciumVae.DEFAULT_UNITS, DEFAULT_EPOCHS,
			DEFAULT_BATCH, DEFAULT_LEARNING_RATE, DEFAULT_BETA, Seeds.DEFAULT, Djl.DEFAULT_THREADS);
	}

	/** @return a copy with this latent size and hidden units */
	public VaeConfig withNetwork(int latentSize, int hiddenUnits) {
		return new VaeConfig(latentSize, hiddenUnits, epochs, batch, learningRate, beta, seed, threads);
	}

	/** @return a copy with these epochs and batch size */
	public VaeConfig withEpochs(int e, int batchSize) {
		return new VaeConfig(latent, units, e, batchSize, learningRate, beta, seed, threads);
	}

	/** @return a copy with this learning rate and KL weight */
	public VaeConfig withLoss(double lr, double klWeight) {
		return new VaeConfig(latent, units, epochs, batch, lr, klWeight, seed, threads);
	}

	/** @return a copy with this seed and libtorch thread count */
	public VaeConfig withRun(long s, int t) {
		return new VaeConfig(latent, units, epochs, batch, learningRate, beta, s, t);
	}

	/** @return latent size */
	public int latent() {
		return latent;
	}

	/** @return hidden units of encoder and decoder */
	public int units() {
		return units;
	}

	/** @return epochs */
	public int epochs() {
		return epochs;
	}

	/** @return windows per batch */
	public int batch() {
		return batch;
	}

	/** @return Adam's learning rate */
	public double learningRate() {
		return learningRate;
	}

	/** @return the KL weight */
	public double beta() {
		return beta;
	}

	/** @return seed of shuffling and initialisation */
	public long seed() {
		return seed;
	}

	/** @return libtorch threads */
	public int threads() {
		return threads;
	}
}
