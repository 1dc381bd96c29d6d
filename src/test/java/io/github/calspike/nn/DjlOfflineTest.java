package io.github.calspike.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PyTorch engine starts from the jars on the class path without any network access. */
class DjlOfflineTest {

	/**
	 * In a JVM of its own (in this one an earlier test may already have started the engine, and
	 * DJL never looks for its natives again), with every URL connection recorded and refused from
	 * the start, and an empty DJL cache folder, so libtorch must come out of the native jar on the
	 * class path: the engine starts and computes, and nothing asked for the network.
	 */
	@Test
	void pytorchEngineStartsFromAnEmptyCacheAndComputesWithNoNetwork(@TempDir Path cache)
		throws Exception
	{
		String javaBin = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
		Process p = new ProcessBuilder(javaBin, "-DDJL_CACHE_DIR=" + cache, "-DENGINE_CACHE_DIR=" +
			cache, "-cp", System.getProperty("java.class.path"), OfflineEngineMain.class.getName())
				.redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(300, TimeUnit.SECONDS));
		assertEquals(0, p.exitValue(), out);
		assertTrue(out.contains("engine=PyTorch offline=true tracking-opt-out=true " +
			"product=[7.0, 10.0, 15.0, 22.0] requested=[]"), out);
		try (Stream<Path> files = Files.walk(cache)) {
			assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("libtorch")),
				"libtorch was unpacked into the empty cache " + cache);
		}
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
