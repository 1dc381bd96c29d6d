package io.github.calspike.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How CalSpike prepares TensorFlow's natives: unpacked once from the platform jar, checked and
 * reused, unpacked again when the copy is damaged or the jar changed, and a message naming the
 * jar to install when there is none. Uses small jars laid out like tensorflow-core-native's.
 */
class TensorFlowNativesTest {

	static final TensorFlow.Platform P = TensorFlow.Platform.LINUX_X86_64;

	@TempDir
	Path dir;

	Path jar(String name, long seed) throws IOException {
		Path jar = dir.resolve(name);
		Random r = new Random(seed);
		try (OutputStream o = Files.newOutputStream(jar); ZipOutputStream z = new ZipOutputStream(o)) {
			for (String lib : new String[] { "libjnitensorflow.so", "libtensorflow_cc.so.2", "LICENSE" }) {
				byte[] b = new byte[10_000 + r.nextInt(1000)];
				r.nextBytes(b);
				z.putNextEntry(new ZipEntry(P.resourceFolder() + lib));
				z.write(b);
				z.closeEntry();
			}
			z.putNextEntry(new ZipEntry(P.resourceFolder() + "THIRD_PARTY_TF_JNI_LICENSES/x.txt"));
			z.write(1);
			z.closeEntry();
		}
		return jar;
	}

	@Test
	void unpacksOnceChecksAndReuses() throws IOException {
		Path jar = jar("natives.jar", 1);
		Path cache = dir.resolve("cache");
		Path f = TensorFlow.unpacked(jar, P, cache);
		assertTrue(Files.isRegularFile(f.resolve("libjnitensorflow.so")));
		assertTrue(Files.isRegularFile(f.resolve("libtensorflow_cc.so.2")));
		assertTrue(Files.isRegularFile(f.resolve("LICENSE")));
		assertTrue(!Files.exists(f.resolve("THIRD_PARTY_TF_JNI_LICENSES")), "only the libraries");
		FileTime t = FileTime.fromMillis(1_000_000_000_000L);
		Files.setLastModifiedTime(f.resolve("libtensorflow_cc.so.2"), t);
		assertEquals(f, TensorFlow.unpacked(jar, P, cache));
		assertEquals(t, Files.getLastModifiedTime(f.resolve("libtensorflow_cc.so.2")), "reused as it was");
	}

	@Test
	void aDamagedCopyOrAChangedJarIsUnpackedAgain() throws IOException {
		Path jar = jar("natives.jar", 1);
		Path cache = dir.resolve("cache");
		Path f = TensorFlow.unpacked(jar, P, cache);
		byte[] good = Files.readAllBytes(f.resolve("libjnitensorflow.so"));
		Files.write(f.resolve("libjnitensorflow.so"), new byte[] { 1, 2, 3 });
		TensorFlow.unpacked(jar, P, cache);
		assertArrayEquals(good, Files.readAllBytes(f.resolve("libjnitensorflow.so")));

		Path other = jar("other.jar", 2);
		TensorFlow.unpacked(other, P, cache);
		assertTrue(!java.util.Arrays.equals(good, Files.readAllBytes(f.resolve("libjnitensorflow.so"))));
		try (var s = Files.list(cache)) {
			assertEquals(1, s.count(), "no temporary folders left behind");
		}
	}

	@Test
	void aJarWithoutTheLibrariesOrAMissingPathNamesWhatToInstall() throws IOException {
		Path empty = dir.resolve("empty.jar");
		try (OutputStream o = Files.newOutputStream(empty); ZipOutputStream z = new ZipOutputStream(o)) {
			z.putNextEntry(new ZipEntry("readme.txt"));
			z.closeEntry();
		}
		IllegalStateException e = assertThrows(IllegalStateException.class, () -> TensorFlow.unpacked(
			empty, P, dir.resolve("cache")));
		assertTrue(e.getMessage().contains("org.tensorflow:tensorflow-core-native:1.0.0:linux-x86_64"),
			e.getMessage());
		String before = System.getProperty(TensorFlow.NATIVES_PROPERTY);
		System.setProperty(TensorFlow.NATIVES_PROPERTY, dir.resolve("missing.jar").toString());
		try {
			e = assertThrows(IllegalStateException.class, TensorFlow::nativeFolder);
			assertTrue(e.getMessage().contains("missing.jar") && e.getMessage().contains(
				TensorFlow.NATIVES_ARTIFACT), e.getMessage());
		}
		finally {
			if (before == null) System.clearProperty(TensorFlow.NATIVES_PROPERTY);
			else System.setProperty(TensorFlow.NATIVES_PROPERTY, before);
		}
		String hint = TensorFlow.installHint(TensorFlow.Platform.WINDOWS_X86_64);
		assertTrue(hint.contains("tensorflow-core-native-1.0.0-windows-x86_64.jar") && hint.contains(
			"jars/win64/") && hint.contains("77 MB"), hint);
	}
}
