package io.github.calspike.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The PyTorch engine starts from the jars on the class path without any network access. */
class DjlOfflineTest {

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

	@Test
	void pytorchEngineStartsAndComputesWithNoNetwork() {
		ProxySelector before = ProxySelector.getDefault();
		RecordingSelector rec = new RecordingSelector();
		ProxySelector.setDefault(rec);
		try {
			Engine engine = Djl.engine();
			assertEquals("PyTorch", engine.getEngineName());
			assertEquals("true", System.getProperty("ai.djl.offline"));
			assertEquals("true", System.getProperty("OPT_OUT_TRACKING"));
			try (NDManager m = engine.newBaseManager()) {
				NDArray a = m.create(new float[] { 1, 2, 3, 4 }, new ai.djl.ndarray.types.Shape(2, 2));
				assertArrayEquals(new float[] { 7, 10, 15, 22 }, a.matMul(a).toFloatArray());
			}
		}
		finally {
			ProxySelector.setDefault(before);
		}
		assertTrue(rec.requested.isEmpty(), "DJL tried to reach " + rec.requested);
	}

	@Test
	void engineStartsUnderAPluginClassLoaderInAFreshJvm() throws Exception {
		String javaBin = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
		Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
			PluginLoaderMain.class.getName()).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(120, TimeUnit.SECONDS));
		assertEquals(0, p.exitValue(), out);
		assertTrue(out.contains("engine=PyTorch sum=6.0"), out);
	}
}
