package io.github.calspike.nn;

import ai.djl.engine.Engine;

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

	private static volatile boolean configured;

	private Djl() {}

	/**
	 * Sets DJL's offline properties unless the user set them already; idempotent. Called by
	 * {@link #engine()}; call it yourself before any other DJL class is touched.
	 */
	public static synchronized void configure() {
		if (configured) return;
		setIfAbsent("ai.djl.offline", "true");
		setIfAbsent("OPT_OUT_TRACKING", "true");
		setIfAbsent("ai.djl.default_engine", ENGINE);
		configured = true;
	}

	private static void setIfAbsent(String key, String value) {
		if (System.getProperty(key) == null) System.setProperty(key, value);
	}

	/**
	 * @return the PyTorch engine, started offline with this plugin's class loader
	 * @throws IllegalStateException with an actionable message if the engine cannot start
	 */
	public static Engine engine() {
		configure();
		Thread th = Thread.currentThread();
		ClassLoader before = th.getContextClassLoader();
		th.setContextClassLoader(Djl.class.getClassLoader());
		try {
			return Engine.getEngine(ENGINE);
		}
		catch (RuntimeException | LinkageError e) {
			throw new IllegalStateException("Cannot start DJL's PyTorch engine offline: " +
				e.getMessage() + ". CalSpike needs the jars ai.djl:api, ai.djl.pytorch:pytorch-engine, " +
				"pytorch-jni and pytorch-native-cpu (for this platform) on the class path.", e);
		}
		finally {
			th.setContextClassLoader(before);
		}
	}
}
