package io.github.calspike.train;

import io.github.calspike.data.RateTargets;
import io.github.calspike.data.Seeds;
import io.github.calspike.nn.Djl;
import io.github.calspike.nn.RateNetworkBlock;

/**
 * Every setting of spike-rate training, with the defaults used by the command, the scripts and
 * the tests (each chosen by measurement, see BENCHMARKS.md). Immutable; change a setting with a
 * {@code withX} method.
 */
public final class RateConfig extends CopiedOnChange<RateConfig> {

	/** Default epochs (an epoch draws about as many frames as the training neurons hold). */
	public static final int DEFAULT_EPOCHS = 30;
	/** Default crops per batch. */
	public static final int DEFAULT_BATCH = 8;
	/** Default crop length in frames. */
	public static final int DEFAULT_CROP = 1024;
	/** Default learning rate (decayed along a cosine to 1% of it). */
	public static final double DEFAULT_LEARNING_RATE = 1e-3;
	/** Default Gaussian smoothing of the target spike counts, in seconds. */
	public static final double DEFAULT_SMOOTHING_S = RateTargets.DEFAULT_SMOOTHING_S;
	/** Default largest added noise sd (normalised units). */
	public static final double DEFAULT_AUGMENT_NOISE = 1.0;
	/** Default log-amplitude jitter sd. */
	public static final double DEFAULT_AUGMENT_SCALE = 0.5;
	/** Default time-stretch range s: crops resampled by a factor in [exp(-s), exp(s)]. */
	public static final double DEFAULT_AUGMENT_STRETCH = 0.7;
	/**
	 * Default weight of the correlation term of the loss (0: mean squared error alone); 20 raised
	 * single-model held-out correlation by 0.01-0.03 over MSE alone (BENCHMARKS.md).
	 */
	public static final double DEFAULT_CORRELATION_WEIGHT = 20;
	/**
	 * Default fraction of training crops whose calcium is simulated from their spikes with a random
	 * indicator: 0.3 raised single-network held-out correlation by 0.005-0.01 on three seeds
	 * (BENCHMARKS.md).
	 */
	public static final double DEFAULT_SYNTHETIC = 0.3;

	/**
	 * Default weight of the Poisson deviance of the 25 Hz sums in the loss, which makes the rate
	 * mean expected spikes (level and scale) where the correlation term ignores both.
	 */
	public static final double DEFAULT_POISSON_WEIGHT = 5;

	/**
	 * Default fraction of training crops recorded again at a lower frame rate
	 * ({@link #lowRate()}).
	 */
	public static final double DEFAULT_LOW_RATE = 0;

	/**
	 * Default number of ensemble members trained without augmentation ({@link #cleanMembers()}).
	 */
	public static final int DEFAULT_CLEAN_MEMBERS = 0;

	/** Slowest and fastest frame rate (Hz) of a crop recorded again at a lower frame rate. */
	public static final double LOW_RATE_MIN_HZ = 5, LOW_RATE_MAX_HZ = 50;

	private int epochs = DEFAULT_EPOCHS;
	private int batchSize = DEFAULT_BATCH;
	private int cropLength = DEFAULT_CROP;
	private double learningRate = DEFAULT_LEARNING_RATE;
	private long seed = Seeds.DEFAULT;
	private double smoothingS = DEFAULT_SMOOTHING_S;
	private double augmentNoise = DEFAULT_AUGMENT_NOISE;
	private double augmentScale = DEFAULT_AUGMENT_SCALE;
	private double augmentStretch = DEFAULT_AUGMENT_STRETCH;
	private double correlationWeight = DEFAULT_CORRELATION_WEIGHT;
	private double synthetic = DEFAULT_SYNTHETIC;
	private double poissonWeight = DEFAULT_POISSON_WEIGHT;
	private double lowRate = DEFAULT_LOW_RATE;
	private int cleanMembers = DEFAULT_CLEAN_MEMBERS;
	private int filters = RateNetworkBlock.DEFAULT_FILTERS;
	private int kernel = RateNetworkBlock.DEFAULT_KERNEL;
	private int layers = RateNetworkBlock.DEFAULT_LAYERS;
	private int globalContext = RateNetworkBlock.DEFAULT_GLOBAL_CONTEXT;
	private int threads = Djl.DEFAULT_THREADS;

	private RateConfig() {}

	/** @return the defaults */
	public static RateConfig defaults() {
		return new RateConfig();
	}

	private static void check(boolean ok, String message) {
		if (!ok) throw new IllegalArgumentException(message);
	}

	/** @return epochs */
	public int epochs() {
		return epochs;
	}

	/** @return crops per batch */
	public int batchSize() {
		return batchSize;
	}

	/** @return crop length, frames */
	public int cropLength() {
		return cropLength;
	}

	/** @return Adam's initial learning rate */
	public double learningRate() {
		return learningRate;
	}

	/** @return the seed of cropping, augmentation and initialisation */
	public long seed() {
		return seed;
	}

	/** @return target smoothing sigma, s */
	public double smoothingS() {
		return smoothingS;
	}

	/** @return the largest added noise sd */
	public double augmentNoise() {
		return augmentNoise;
	}

	/** @return the log-amplitude jitter sd */
	public double augmentScale() {
		return augmentScale;
	}

	/** @return the time-stretch range s */
	public double augmentStretch() {
		return augmentStretch;
	}

	/** @return weight of (1 - correlation at 25 Hz) added to the MSE loss */
	public double correlationWeight() {
		return correlationWeight;
	}

	/** @return a copy whose loss adds {@code w * (1 - correlation)} to the MSE */
	public RateConfig withCorrelationWeight(double w) {
		check(w >= 0, "correlation weight must not be negative, got " + w);
		return with(c -> c.correlationWeight = w);
	}

	/** @return weight of the Poisson deviance of the 25 Hz sums in the loss */
	public double poissonWeight() {
		return poissonWeight;
	}

	/** @return a copy whose loss adds {@code w} times the Poisson deviance of the 25 Hz sums */
	public RateConfig withPoissonWeight(double w) {
		check(w >= 0 && Double.isFinite(w), "Poisson weight must be finite and >= 0, got " + w);
		return with(c -> c.poissonWeight = w);
	}

	/**
	 * @return fraction of training crops whose calcium is simulated from the recorded spikes with
	 *         a random indicator ({@link SyntheticCalcium}) instead of the recorded calcium
	 */
	public double synthetic() {
		return synthetic;
	}

	/** @return a copy that simulates the calcium of this fraction of training crops, 0..1 */
	public RateConfig withSynthetic(double fraction) {
		check(fraction >= 0 && fraction <= 1, "synthetic fraction must be in [0, 1], got " +
			fraction);
		return with(c -> c.synthetic = fraction);
	}

	/**
	 * @return fraction of training crops recorded again at a random lower frame rate (log-uniform
	 *         in {@link #LOW_RATE_MIN_HZ}..{@link #LOW_RATE_MAX_HZ} Hz) with added noise, then
	 *         brought back to the model's rate as inference brings such a recording: CASCADE's
	 *         training at the recording's frame rate and noise level, folded into one model
	 */
	public double lowRate() {
		return lowRate;
	}

	/** @return a copy that records this fraction of training crops at a lower rate, 0..1 */
	public RateConfig withLowRate(double fraction) {
		check(fraction >= 0 && fraction <= 1, "low-rate fraction must be in [0, 1], got " +
			fraction);
		return with(c -> c.lowRate = fraction);
	}

	/**
	 * @return how many of an ensemble's members (the last ones) train on the recorded crops as
	 *         they are: no added noise, amplitude jitter, time stretch or simulated indicators
	 *         ({@link #withoutAugmentation()}); the others train with this config's augmentation
	 */
	public int cleanMembers() {
		return cleanMembers;
	}

	/** @return a copy whose last {@code n} ensemble members train without augmentation */
	public RateConfig withCleanMembers(int n) {
		check(n >= 0, "clean members must not be negative, got " + n);
		return with(c -> c.cleanMembers = n);
	}

	/**
	 * @return a copy that trains on the recorded crops as they are: no added noise, amplitude
	 *         jitter, time stretch or simulated indicators (crops recorded again at a lower rate,
	 *         {@link #lowRate()}, are kept)
	 */
	public RateConfig withoutAugmentation() {
		return withAugmentation(0, 0).withStretch(0).withSynthetic(0);
	}

	/** @return channels per hidden layer */
	public int filters() {
		return filters;
	}

	/** @return kernel width */
	public int kernel() {
		return kernel;
	}

	/** @return dilated layers */
	public int layers() {
		return layers;
	}

	/** @return hidden layer after which global context is added, -1 for none */
	public int globalContext() {
		return globalContext;
	}

	/** @return a copy that adds global context after hidden layer {@code layer} (-1: none) */
	public RateConfig withGlobalContext(int layer) {
		check(layer >= -1 && layer < layers, "global context layer must be in [-1, " + (layers - 1) +
			"], got " + layer);
		return with(c -> c.globalContext = layer);
	}

	/** @return libtorch threads */
	public int threads() {
		return threads;
	}

	/** @return a copy with other epochs */
	public RateConfig withEpochs(int v) {
		check(v >= 1, "epochs must be >= 1, got " + v);
		return with(c -> c.epochs = v);
	}

	/** @return a copy with another batch size and crop length */
	public RateConfig withBatch(int batch, int crop) {
		check(batch >= 1, "batch size must be >= 1, got " + batch);
		check(crop >= 16, "crop length must be >= 16, got " + crop);
		return with(c -> {
			c.batchSize = batch;
			c.cropLength = crop;
		});
	}

	/** @return a copy with another learning rate */
	public RateConfig withLearningRate(double v) {
		check(v > 0, "learning rate must be positive, got " + v);
		return with(c -> c.learningRate = v);
	}

	/** @return a copy with another seed */
	public RateConfig withSeed(long v) {
		return with(c -> c.seed = v);
	}

	/** @return a copy with another target smoothing, s */
	public RateConfig withSmoothing(double seconds) {
		check(seconds >= 0, "smoothing must be >= 0, got " + seconds);
		return with(c -> c.smoothingS = seconds);
	}

	/** @return a copy with other noise and amplitude augmentation */
	public RateConfig withAugmentation(double noise, double scale) {
		check(noise >= 0 && scale >= 0, "augmentation must be >= 0");
		return with(c -> {
			c.augmentNoise = noise;
			c.augmentScale = scale;
		});
	}

	/** @return a copy with another time-stretch range, 0..1 */
	public RateConfig withStretch(double s) {
		check(s >= 0 && s <= 1, "stretch must be in [0, 1], got " + s);
		return with(c -> c.augmentStretch = s);
	}

	/**
	 * @return a copy with other network sizes
	 * @throws IllegalArgumentException unless {@code filters} is a multiple of
	 *         {@link Djl#CONV_CHANNEL_BLOCK}, the kernel odd and the layers at least one
	 */
	public RateConfig withNetwork(int filters, int kernel, int layers) {
		Djl.checkTrainableChannels("filters", filters);
		RateNetworkBlock.builder().optFilters(filters).optKernel(kernel).optLayers(layers); // checks
		return with(c -> {
			c.filters = filters;
			c.kernel = kernel;
			c.layers = layers;
			c.globalContext = Math.min(c.globalContext, layers - 1); // a shallower network: its last layer
		});
	}

	/** @return a copy with another thread count */
	public RateConfig withThreads(int v) {
		check(v >= 1, "threads must be >= 1, got " + v);
		return with(c -> c.threads = v);
	}
}
