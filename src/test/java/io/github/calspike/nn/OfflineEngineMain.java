package io.github.calspike.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Run in a fresh JVM by {@link DjlOfflineTest}, so that no earlier test has started DJL: every
 * URL connection the JVM opens is recorded and refused before the first DJL class loads, then the
 * engine starts (with whatever cache folder the test gave it) and multiplies a matrix. Prints
 * "engine=NAME offline=... tracking-opt-out=... product=[...] requested=[...]".
 */
public final class OfflineEngineMain {

	private OfflineEngineMain() {}

	/** Records every URI the JVM's URL connections would reach, and refuses them. */
	static final class RecordingSelector extends ProxySelector {
		final List<URI> requested = Collections.synchronizedList(new ArrayList<>());

		@Override
		public List<Proxy> select(URI uri) {
			requested.add(uri);
			throw new IllegalStateException("network access attempted: " + uri);
		}

		@Override
		public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
	}

	public static void main(String[] args) {
		RecordingSelector rec = new RecordingSelector();
		ProxySelector.setDefault(rec);
		Engine engine = Djl.engine();
		float[] product;
		try (NDManager m = engine.newBaseManager()) {
			NDArray a = m.create(new float[] { 1, 2, 3, 4 }, new Shape(2, 2));
			product = a.matMul(a).toFloatArray();
		}
		System.out.println("engine=" + engine.getEngineName() + " offline=" + System.getProperty(
			"ai.djl.offline") + " tracking-opt-out=" + System.getProperty("OPT_OUT_TRACKING") +
			" product=" + Arrays.toString(product) + " requested=" + rec.requested);
	}
}
