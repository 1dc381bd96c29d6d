package io.github.calspike.nn;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

import java.util.function.Supplier;

/**
 * The one place CalSpike starts DJL. Before the first DJL call it switches DJL to offline mode
 * (no model-zoo or native-library downloads, no usage tracking), so the PyTorch engine loads
 * the libtorch natives shipped in the {@code pytorch-native-cpu} jar and never touches the
 * network. It also makes the plugin's class loader the thread's context class loader while DJL
 * looks up its engines, since Fiji loads plugins through its own class loader.
 */
public final class Djl {

	/** DJL's engine name for PyTorch. */
	public static final String ENGINE = "PyTorch";

	/**
	 * Default libtorch threads. One: on a busy 2-core machine two threads were several times slower
	 * for CalSpike's small batches (BENCHMARKS.md, "Thread count").
	 */
	public static final int DEFAULT_THREADS = 1;

	/**
	 * Channel counts of a trained convolution must be multiples of this. libtorch 2.7's oneDNN
	 * convolutions on CPU store channels in blocks of 16 (8 without AVX-512); when a layer's channels
	 * do not fill their blocks, training reads the blocks' uninitialised padding, and whatever the
	 * allocator left there (sometimes a NaN bit pattern) turns gradients NaN or makes one seed give
	 * two models (BENCHMARKS.md, "Detector training and the native heap").
	 */
	public static final int CONV_CHANNEL_BLOCK = 16;

	private static volatile Engine engine;

	private Djl() {}

	/**
	 * Sets DJL's offline properties unless the user set them already; idempotent. Called by
	 * {@link #engine()}; call it yourself before any other DJL class is touched.
	 */
	public static synchronized void configure() {
		setIfAbsent("ai.djl.offline", "true");
		setIfAbsent("OPT_OUT_TRACKING", "true");
		setIfAbsent("ai.djl.default_engine", ENGINE);
		// One inter-op thread: CalSpike runs one operation at a time.
		setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
	}

	private static void setIfAbsent(String key, String value) {
		if (System.getProperty(key) == null) System.setProperty(key, value);
	}

	/**
	 * @return the PyTorch engine, started offline with this plugin's class loader
	 * @throws IllegalStateException with an actionable message if the engine cannot start
	 */
	public static Engine engine() {
		Engine e = engine;
		if (e != null) return e;
		synchronized (Djl.class) {
			if (engine != null) return engine;
			configure();
			Thread th = Thread.currentThread();
			ClassLoader before = th.getContextClassLoader();
			th.setContextClassLoader(Djl.class.getClassLoader());
			try {
				engine = Engine.getEngine(ENGINE);
				return engine;
			}
			catch (RuntimeException | LinkageError ex) {
				throw new IllegalStateException("Cannot start DJL's PyTorch engine offline: " + ex
					.getMessage() + ". CalSpike needs the jars ai.djl:api, ai.djl.pytorch:pytorch-engine," +
					" pytorch-jni and pytorch-native-cpu (for this platform) on the class path.", ex);
			}
			finally {
				th.setContextClassLoader(before);
			}
		}
	}

	/**
	 * Refuses a convolution width that training cannot use safely (see {@link #CONV_CHANNEL_BLOCK}).
	 *
	 * @param name the parameter, for the message
	 * @throws IllegalArgumentException naming the parameter, its value and the nearest allowed ones
	 */
	public static void checkTrainableChannels(String name, int channels) {
		if (channels >= CONV_CHANNEL_BLOCK && channels % CONV_CHANNEL_BLOCK == 0) return;
		int below = channels / CONV_CHANNEL_BLOCK * CONV_CHANNEL_BLOCK, above = below +
			CONV_CHANNEL_BLOCK;
		throw new IllegalArgumentException(name + " must be a multiple of " + CONV_CHANNEL_BLOCK +
			" to train (got " + channels + "; " + (below > 0 ? "try " + below + " or " + above : "try " +
				above) + "): libtorch's CPU convolutions read uninitialised memory in partly filled " +
			"channel blocks while training, which makes the loss NaN at random");
	}

	/**
	 * Sets how many threads libtorch uses inside one operation, at once (also after the engine
	 * started).
	 *
	 * @param threads 1 or more
	 */
	public static void setThreads(int threads) {
		if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
		engine();
		JniUtils.setNumThreads(threads);
	}

	/**
	 * Runs {@code work} with autograd recording off on this thread (PyTorch's grad mode is per
	 * thread), for fast inference, and restores the previous mode.
	 */
	public static <T> T withoutGradients(Supplier<T> work) {
		engine();
		boolean before = JniUtils.isGradMode();
		JniUtils.setGradMode(false);
		try {
			return work.get();
		}
		finally {
			JniUtils.setGradMode(before);
		}
	}
}
