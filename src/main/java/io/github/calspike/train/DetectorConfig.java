package io.github.calspike.train;

import io.github.calspike.nn.Djl;
import io.github.calspike.nn.UNetBlock;

import java.util.Locale;

/**
 * Settings of a neuron-detector training run; each default lives here. Immutable: the
 * {@code with...} methods return a copy.
 */
public final class DetectorConfig extends CopiedOnChange<DetectorConfig> {

	/** Default random seed. */
	public static final long DEFAULT_SEED = ClassifierConfig.DEFAULT_SEED;
	/** Default epochs. */
	public static final int DEFAULT_EPOCHS = 30;
	/** Default batches per epoch. */
	public static final int DEFAULT_BATCHES = 40;
	/** Default tiles per batch. */
	public static final int DEFAULT_BATCH_SIZE = 8;
	/** Default tile side (px). */
	public static final int DEFAULT_TILE = 64;
	/** Default Adam learning rate. */
	public static final double DEFAULT_LEARNING_RATE = 2e-3;
	/** Default weight of the centre map's loss relative to the cell map's. */
	public static final double DEFAULT_CENTRE_WEIGHT = 4;

	private long seed = DEFAULT_SEED;
	private int epochs = DEFAULT_EPOCHS, batches = DEFAULT_BATCHES, batchSize = DEFAULT_BATCH_SIZE;
	private int tile = DEFAULT_TILE, filters = UNetBlock.DEFAULT_FILTERS, levels =
		UNetBlock.DEFAULT_LEVELS, threads = Djl.DEFAULT_THREADS;
	private double learningRate = DEFAULT_LEARNING_RATE, centreWeight = DEFAULT_CENTRE_WEIGHT;

	/** @return a copy with {@code v} as random seed */
	public DetectorConfig withSeed(long v) {
		return with(c -> c.seed = v);
	}

	/** @return a copy training {@code v} epochs */
	public DetectorConfig withEpochs(int v) {
		if (v < 1) throw new IllegalArgumentException("epochs: must be >= 1, got " + v);
		return with(c -> c.epochs = v);
	}

	/** @return a copy with {@code v} batches per epoch */
	public DetectorConfig withBatches(int v) {
		if (v < 1) throw new IllegalArgumentException("batches: must be >= 1, got " + v);
		return with(c -> c.batches = v);
	}

	/** @return a copy with {@code v} tiles of {@code side} px per batch */
	public DetectorConfig withTiles(int v, int side) {
		if (v < 1) throw new IllegalArgumentException("batchsize: must be >= 1, got " + v);
		if (side < 16 || side % 8 != 0) {
			throw new IllegalArgumentException("tile: must be a multiple of 8 of at least 16 px, got " +
				side);
		}
		return with(c -> {
			c.batchSize = v;
			c.tile = side;
		});
	}

	/**
	 * @return a copy with a network of {@code f} first-level channels and {@code l} levels
	 * @throws IllegalArgumentException unless {@code f} is a multiple of
	 *         {@link Djl#CONV_CHANNEL_BLOCK} (deeper levels double it) and the levels at least one
	 */
	public DetectorConfig withNetwork(int f, int l) {
		Djl.checkTrainableChannels("filters", f);
		UNetBlock.builder().optFilters(f).optLevels(l);
		return with(c -> {
			c.filters = f;
			c.levels = l;
		});
	}

	/** @return a copy with Adam's learning rate {@code v} */
	public DetectorConfig withLearningRate(double v) {
		if (!(v > 0)) throw new IllegalArgumentException("learningrate: must be > 0, got " + v);
		return with(c -> c.learningRate = v);
	}

	/** @return a copy with {@code v} libtorch threads */
	public DetectorConfig withThreads(int v) {
		if (v < 1) throw new IllegalArgumentException("threads: must be >= 1, got " + v);
		return with(c -> c.threads = v);
	}

	/** @return a copy weighting the centre map's loss by {@code v} */
	public DetectorConfig withCentreWeight(double v) {
		if (!(v >= 0)) throw new IllegalArgumentException("centre weight: must be >= 0, got " + v);
		return with(c -> c.centreWeight = v);
	}

	/** @return the random seed */
	public long seed() { return seed; }
	/** @return epochs */
	public int epochs() { return epochs; }
	/** @return batches per epoch */
	public int batches() { return batches; }
	/** @return tiles per batch */
	public int batchSize() { return batchSize; }
	/** @return tile side (px) */
	public int tile() { return tile; }
	/** @return first-level channels */
	public int filters() { return filters; }
	/** @return U-Net levels */
	public int levels() { return levels; }
	/** @return libtorch threads */
	public int threads() { return threads; }
	/** @return Adam's learning rate */
	public double learningRate() { return learningRate; }
	/** @return the centre map's loss weight */
	public double centreWeight() { return centreWeight; }

	/** @return the block these settings describe, with {@code outputs} maps */
	public UNetBlock block(int outputs) {
		return UNetBlock.builder().optFilters(filters).optLevels(levels).optOutputs(outputs).build();
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "U-Net %d filters x %d levels, %d epochs x %d batches x %d " +
			"tiles of %d px, lr %g, centre weight %g, seed %d", filters, levels, epochs, batches, batchSize,
			tile, learningRate, centreWeight, seed);
	}
}
