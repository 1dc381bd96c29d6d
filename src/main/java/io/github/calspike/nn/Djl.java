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
