package io.github.calspike.nn;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a fresh JVM by {@link DjlOfflineTest}: loads CalSpike and DJL through a separate class
 * loader, as Fiji loads plugins, while the thread's context class loader sees none of them, then
 * starts the engine and computes a sum. Prints "engine=NAME sum=VALUE"; exits non-zero on failure.
 */
public final class PluginLoaderMain {

	private PluginLoaderMain() {}

	public static void main(String[] args) throws Exception {
		List<URL> urls = new ArrayList<>();
		for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) {
			urls.add(new File(p).toURI().toURL());
		}
		try (URLClassLoader plugins = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader
			.getPlatformClassLoader()))
		{
			Thread.currentThread().setContextClassLoader(new ClassLoader(null) {});
			Class<?> djl = Class.forName("io.github.calspike.nn.Djl", true, plugins);
			if (djl.getClassLoader() != plugins) throw new IllegalStateException("wrong loader");
			Object engine = djl.getMethod("engine").invoke(null);
			Method newManager = engine.getClass().getMethod("newBaseManager");
			try (AutoCloseable m = (AutoCloseable) newManager.invoke(engine)) {
				Object arr = m.getClass().getMethod("create", float[].class).invoke(m, (Object) new float[] {
					1, 2, 3 });
				Object sum = arr.getClass().getMethod("sum").invoke(arr);
				Object v = sum.getClass().getMethod("getFloat", long[].class).invoke(sum,
					(Object) new long[0]);
				String name = (String) engine.getClass().getMethod("getEngineName").invoke(engine);
				System.out.println("engine=" + name + " sum=" + v);
			}
		}
	}
}
