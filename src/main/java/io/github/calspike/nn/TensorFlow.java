package io.github.calspike.nn;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;

import com.sun.jna.Library;
import com.sun.jna.Native;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Starts DJL's TensorFlow engine, offline, on the natives of TensorFlow Java
 * ({@code org.tensorflow:tensorflow-core-native:1.0.0:<platform>}, TensorFlow 2.16.2), and only
 * when asked: PyTorch users never load it. The natives jar is looked for, in order, at the path in
 * the system property {@value #NATIVES_PROPERTY} (the jar or an unpacked folder), on the class path
 * (Fiji's {@code jars/<platform>/}) and in the local Maven repository. Its three libraries are
 * unpacked once into DJL's cache folder, checked against the jar (sizes and CRCs), and reused.
 * A {@code TENSORFLOW_LIBRARY_PATH} the user set wins over all of this.
 */
public final class TensorFlow {

	/** DJL's engine name for TensorFlow. */
	public static final String ENGINE = "TensorFlow";
	/** The TensorFlow version the natives hold and DJL 0.36's engine runs. */
	public static final String VERSION = "2.16.2";
	/** Maven coordinates of the natives, without the platform classifier. */
	public static final String NATIVES_ARTIFACT = "org.tensorflow:tensorflow-core-native:1.0.0";
	/** System property naming the natives jar, or a folder holding its unpacked libraries. */
	public static final String NATIVES_PROPERTY = "calspike.tensorflow.natives";
	/** DJL's property (or environment variable) naming the folder of the TensorFlow libraries. */
	public static final String LIBRARY_PATH = "TENSORFLOW_LIBRARY_PATH";

	private static final String MANIFEST = "calspike-natives.properties";
	private static volatile Engine engine;

	private TensorFlow() {}

	/** A platform as TensorFlow Java's jars ({@link #classifier}) and Fiji ({@link #fijiFolder}) name it. */
	public enum Platform {
		/** Linux on x86-64. */
		LINUX_X86_64("linux-x86_64", "linux64", 149),
		/** Linux on 64-bit ARM. */
		LINUX_ARM64("linux-arm64", "linux-arm64", 148),
		/** macOS on Apple silicon. */
		MACOSX_ARM64("macosx-arm64", "macos-arm64", 127),
		/** macOS on Intel. */
		MACOSX_X86_64("macosx-x86_64", "macosx", 153),
		/** Windows on x86-64. */
		WINDOWS_X86_64("windows-x86_64", "win64", 77);

		/** Maven classifier of the natives jar. */
		public final String classifier;
		/** Fiji's platform folder under {@code jars/}. */
		public final String fijiFolder;
		/** Size of the natives jar on Maven Central, MB. */
		public final int jarMegabytes;

		Platform(String classifier, String fijiFolder, int jarMegabytes) {
			this.classifier = classifier;
			this.fijiFolder = fijiFolder;
			this.jarMegabytes = jarMegabytes;
		}

		/** @return the natives jar's file name */
		public String jarName() {
			return "tensorflow-core-native-1.0.0-" + classifier + ".jar";
		}

		/** @return the folder of the libraries inside the natives jar */
		String resourceFolder() {
			return "org/tensorflow/internal/c_api/" + classifier + "/";
		}

		/** @return this machine's platform, or null when TensorFlow Java has no natives for it */
		public static Platform current() {
			String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
			String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
			boolean x86 = arch.equals("amd64") || arch.equals("x86_64");
			boolean arm = arch.equals("aarch64") || arch.equals("arm64");
			if (os.startsWith("linux")) return x86 ? LINUX_X86_64 : arm ? LINUX_ARM64 : null;
			if (os.startsWith("mac")) return x86 ? MACOSX_X86_64 : arm ? MACOSX_ARM64 : null;
			if (os.startsWith("windows")) return x86 ? WINDOWS_X86_64 : null;
			return null;
		}
	}

	/**
	 * @return the TensorFlow engine, started offline on first use
	 * @throws IllegalStateException naming the jar to install when the natives cannot be found or
	 *         do not start
	 */
	public static Engine engine() {
		Engine e = engine;
		if (e != null) return e;
		synchronized (TensorFlow.class) {
			if (engine != null) return engine;
			Djl.configure();
			try {
				Class.forName("ai.djl.tensorflow.engine.TfEngineProvider", false, TensorFlow.class
					.getClassLoader());
			}
			catch (ClassNotFoundException | LinkageError missing) {
				throw new IllegalStateException("DJL's TensorFlow engine is not installed: the jars " +
					"ai.djl.tensorflow:tensorflow-engine and ai.djl.tensorflow:tensorflow-api 0.36.0 are " +
					"missing. In Fiji, enable the CalSpike-TensorFlow update site, which holds them and " +
					"TensorFlow's natives (" + NATIVES_ARTIFACT + ")");
			}
			String given = Utils.getEnvOrSystemProperty(LIBRARY_PATH);
			if (given == null) System.setProperty(LIBRARY_PATH, nativeFolder().toString());
			quietLogs();
			Thread th = Thread.currentThread();
			ClassLoader before = th.getContextClassLoader();
			th.setContextClassLoader(TensorFlow.class.getClassLoader());
			try {
				Engine started = Engine.getEngine(ENGINE);
				if (!started.getVersion().startsWith("2.16")) {
					throw new IllegalStateException("DJL started TensorFlow " + started.getVersion() +
						", but CalSpike's TensorFlow Java API needs " + VERSION + " (" + NATIVES_ARTIFACT + ")");
				}
				engine = started;
				return engine;
			}
			catch (RuntimeException | LinkageError ex) {
				if (ex instanceof IllegalStateException && ex.getMessage() != null && ex.getMessage()
					.contains(NATIVES_ARTIFACT)) throw (IllegalStateException) ex;
				throw new IllegalStateException("Cannot start DJL's TensorFlow engine from " + System
					.getProperty(LIBRARY_PATH, Utils.getEnvOrSystemProperty(LIBRARY_PATH)) + ": " + ex
						.getMessage() + ". " + installHint(Platform.current()), ex);
			}
			finally {
				th.setContextClassLoader(before);
			}
		}
	}

	/** @return what to install, for a message: the artifact, its size and where it goes */
	public static String installHint(Platform p) {
		if (p == null) {
			return "TensorFlow Java has no natives for " + System.getProperty("os.name") + " on " +
				System.getProperty("os.arch") + "; TensorFlow models cannot run here";
		}
		return "Install " + NATIVES_ARTIFACT + ":" + p.classifier + " (" + p.jarName() + ", about " +
			p.jarMegabytes + " MB): in Fiji, enable the CalSpike-TensorFlow update site (it also holds " +
			"DJL's tensorflow-engine and tensorflow-api) or put the jar into jars/" + p.fijiFolder +
			"/; on the command line, run mvn dependency:get " +
			"-Dartifact=" + NATIVES_ARTIFACT + ":jar:" + p.classifier + ", or give the jar with -D" +
			NATIVES_PROPERTY + "=PATH";
	}

	/** @return a folder holding this platform's TensorFlow libraries, unpacked if need be */
	static Path nativeFolder() {
		Platform p = Platform.current();
		if (p == null) throw new IllegalStateException(installHint(null));
		String prop = System.getProperty(NATIVES_PROPERTY);
		if (prop != null && !prop.isBlank()) {
			Path given = Paths.get(prop);
			if (Files.isDirectory(given)) return given;
			if (!Files.isRegularFile(given)) {
				throw new IllegalStateException("-D" + NATIVES_PROPERTY + "=" + prop + ": no such file or " +
					"folder. " + installHint(p));
			}
			return unpacked(given, p);
		}
		Path jar = onClassPath(p);
		if (jar == null) jar = inMavenRepository(p);
		if (jar == null) {
			throw new IllegalStateException("TensorFlow's natives are not installed. " + installHint(p));
		}
		return Files.isDirectory(jar) ? jar : unpacked(jar, p);
	}

	private static Path onClassPath(Platform p) {
		URL u = TensorFlow.class.getClassLoader().getResource(p.resourceFolder() + "LICENSE");
		if (u == null) return null;
		try {
			if ("jar".equals(u.getProtocol())) {
				return Paths.get(((JarURLConnection) u.openConnection()).getJarFileURL().toURI());
			}
			if ("file".equals(u.getProtocol())) return Paths.get(u.toURI()).getParent();
		}
		catch (IOException | URISyntaxException | RuntimeException e) {
			return null;
		}
		return null;
	}

	private static Path inMavenRepository(Platform p) {
		String repo = System.getProperty("maven.repo.local");
		Path base = repo != null ? Paths.get(repo) : Paths.get(System.getProperty("user.home"), ".m2",
			"repository");
		Path jar = base.resolve("org/tensorflow/tensorflow-core-native/1.0.0").resolve(p.jarName());
		return Files.isRegularFile(jar) ? jar : null;
	}

	/**
	 * @return the cache folder holding the libraries of {@code jar}, unpacked now unless a complete
	 *         copy of this jar's libraries is there already
	 */
	static Path unpacked(Path jar, Platform p) {
		return unpacked(jar, p, Utils.getCacheDir().resolve("calspike"));
	}

	/** As {@link #unpacked(Path, Platform)}, into a folder under {@code cacheRoot}. */
	static Path unpacked(Path jar, Platform p, Path cacheRoot) {
		Path cache = cacheRoot.resolve("tensorflow-core-native-1.0.0-" + p.classifier);
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			List<ZipEntry> libs = libraries(zip, p);
			if (libs.isEmpty()) {
				throw new IllegalStateException(jar + " holds no TensorFlow libraries for " + p.classifier +
					". " + installHint(p));
			}
			if (matches(cache, libs)) return cache;
			Files.createDirectories(cache.getParent());
			Path tmp = Files.createTempDirectory(cache.getParent(), ".unpacking-");
			try {
				Properties manifest = new Properties();
				for (ZipEntry e : libs) {
					String name = e.getName().substring(p.resourceFolder().length());
					copyChecked(zip, e, tmp.resolve(name));
					manifest.setProperty(name, e.getSize() + "," + e.getCrc());
				}
				try (OutputStream o = Files.newOutputStream(tmp.resolve(MANIFEST))) {
					manifest.store(o, "unpacked from " + jar.getFileName());
				}
				if (Files.exists(cache)) deleteTree(cache);
				try {
					Files.move(tmp, cache, StandardCopyOption.ATOMIC_MOVE);
				}
				catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
					if (!matches(cache, libs)) throw raced; // another JVM unpacked it meanwhile
				}
			}
			finally {
				if (Files.exists(tmp)) deleteTree(tmp);
			}
			return cache;
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot unpack TensorFlow's natives from " + jar + " into " +
				cache + ": " + e.getMessage(), e);
		}
	}

	private static List<ZipEntry> libraries(ZipFile zip, Platform p) {
		List<ZipEntry> out = new ArrayList<>();
		for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements();) {
			ZipEntry e = en.nextElement();
			String rest = e.getName().startsWith(p.resourceFolder()) ? e.getName().substring(p
				.resourceFolder().length()) : null;
			if (rest != null && !e.isDirectory() && !rest.contains("/")) {
				out.add(e);
			}
		}
		return out;
	}

	/** @return whether {@code cache} holds exactly these entries, by size and CRC, all present */
	private static boolean matches(Path cache, List<ZipEntry> libs) throws IOException {
		Path m = cache.resolve(MANIFEST);
		if (!Files.isRegularFile(m)) return false;
		Properties manifest = new Properties();
		try (InputStream in = Files.newInputStream(m)) {
			manifest.load(in);
		}
		if (manifest.size() != libs.size()) return false;
		for (ZipEntry e : libs) {
			String name = e.getName().substring(e.getName().lastIndexOf('/') + 1);
			Path f = cache.resolve(name);
			if (!(e.getSize() + "," + e.getCrc()).equals(manifest.getProperty(name))) return false;
			if (!Files.isRegularFile(f) || Files.size(f) != e.getSize()) return false;
		}
		return true;
	}

	private static void copyChecked(ZipFile zip, ZipEntry e, Path to) throws IOException {
		CRC32 crc = new CRC32();
		try (InputStream in = new CheckedInputStream(zip.getInputStream(e), crc)) {
			Files.copy(in, to);
		}
		if (crc.getValue() != e.getCrc() || Files.size(to) != e.getSize()) {
			throw new IOException(e.getName() + " is damaged in the jar (CRC or size differs)");
		}
	}

	private static void deleteTree(Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			s.sorted(Comparator.reverseOrder()).forEach(f -> {
				try {
					Files.deleteIfExists(f);
				}
				catch (IOException x) {
					throw new UncheckedIOException(x);
				}
			});
		}
		catch (UncheckedIOException x) {
			throw x.getCause();
		}
	}

	/** The C library's environment calls, through JNA (which DJL and Fiji ship). */
	private interface CLibrary extends Library {
		int setenv(String name, String value, int overwrite);

		int _putenv_s(String name, String value);
	}

	/**
	 * Quiets TensorFlow's native INFO and WARNING lines (oneDNN, CPU features, SavedModel loading)
	 * by setting {@code TF_CPP_MIN_LOG_LEVEL=2} in this process's environment, which TensorFlow
	 * reads, unless the user set it. Best effort: a platform without these calls keeps the logs.
	 */
	private static void quietLogs() {
		if (System.getenv("TF_CPP_MIN_LOG_LEVEL") != null) return;
		try {
			boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith(
				"windows");
			CLibrary c = Native.load(windows ? "msvcrt" : "c", CLibrary.class);
			if (windows) c._putenv_s("TF_CPP_MIN_LOG_LEVEL", "2");
			else c.setenv("TF_CPP_MIN_LOG_LEVEL", "2", 0);
		}
		catch (RuntimeException | LinkageError ignored) {
			// the logs stay; nothing else depends on this
		}
	}
}
