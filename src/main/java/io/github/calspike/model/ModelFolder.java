package io.github.calspike.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import io.github.calspike.files.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Model folders on disk: {@code model.json} plus one parameters file named in it. Writing goes to
 * a temporary sibling folder that is renamed into place, so an interrupted save never leaves a
 * broken model. Reading checks the format, the version, the type and the parameters' SHA-256, and
 * reads exactly the file model.json names, never "the highest-numbered epoch file".
 */
public final class ModelFolder {

	/** Metadata file name. */
	public static final String MODEL_JSON = "model.json";

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
		.serializeSpecialFloatingPointValues().create();

	private ModelFolder() {}

	/** A model's metadata with its parameter bytes, as read from a folder or the jar. */
	public static final class Loaded {
		private final ModelInfo info;
		private final byte[] parameters;
		private final String source;

		Loaded(ModelInfo info, byte[] parameters, String source) {
			this.info = info;
			this.parameters = parameters;
			this.source = source;
		}

		/** @return the metadata */
		public ModelInfo info() {
			return info;
		}

		/** @return the parameter bytes */
		public byte[] parameters() {
			return parameters.clone();
		}

		/** @return where the model came from, for messages */
		public String source() {
			return source;
		}
	}

	/**
	 * Checks, before any work, that a model of {@code type} may be written to {@code dir}: it does
	 * not exist yet, is an empty folder, or is a CalSpike model folder of the same type that holds
	 * nothing but its model.json and parameters file. Anything else (a file, a folder of other
	 * files, a model of another type, a broken model) would be lost if replaced, so it is refused.
	 *
	 * @throws IOException saying why the folder may not be replaced; nothing is written
	 */
	public static void checkReplaceable(Path dir, String type) throws IOException {
		Path abs = dir.toAbsolutePath();
		if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) return;
		String refuse = "model: refusing to replace " + abs + ": ";
		if (Files.isSymbolicLink(abs)) {
			throw new IOException(refuse + "it is a symbolic link; give the folder itself");
		}
		if (!Files.isDirectory(abs)) throw new IOException(refuse + "it is a file, not a model folder");
		List<String> names;
		try (Stream<Path> s = Files.list(abs)) {
			names = s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
		if (names.isEmpty()) return;
		if (!names.contains(MODEL_JSON)) {
			throw new IOException(refuse + "it is not a CalSpike model folder (no " + MODEL_JSON +
				") and holds " + names.size() + " other entries, e.g. " + names.get(0) +
				"; choose a new or empty folder");
		}
		ModelInfo old;
		try {
			old = parse(Files.readString(abs.resolve(MODEL_JSON), StandardCharsets.UTF_8), abs
				.resolve(MODEL_JSON).toString(), null);
		}
		catch (IOException | RuntimeException e) {
			throw new IOException(refuse + "its " + MODEL_JSON + " is not a CalSpike model (" + e
				.getMessage() + "); choose a new or empty folder", e);
		}
		if (!type.equals(old.type)) {
			throw new IOException(refuse + "it holds a '" + old.type + "' model, not a '" + type +
				"' model; choose another folder");
		}
		List<String> others = names.stream().filter(n -> !n.equals(MODEL_JSON) && !n.equals(
			old.parameters.file)).collect(Collectors.toList());
		if (!others.isEmpty()) {
			throw new IOException(refuse + "besides the model it holds " + others.size() +
				" other entries (" + String.join(", ", others.subList(0, Math.min(3, others.size()))) +
				"), which replacing it would delete; move them or choose another folder");
		}
	}

	/**
	 * Writes a model folder atomically, replacing an existing model of the same type (see
	 * {@link #checkReplaceable}, checked again here). Fills in the parameters' file name and hash,
	 * the versions and the creation time.
	 */
	public static void write(Path dir, ModelInfo info, byte[] parameters) throws IOException {
		Path abs = dir.toAbsolutePath();
		Path parent = abs.getParent();
		checkReplaceable(abs, info.type);
		Files.createDirectories(parent);
		info.parameters = new ModelInfo.FileRef(info.type + ".params", sha256(parameters));
		info.versions.put("calspike", calspikeVersion());
		info.versions.put("djl", djlVersion());
		info.created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
		String tag = Long.toHexString(System.nanoTime());
		Path tmp = parent.resolve("." + abs.getFileName() + ".writing-" + tag);
		Path old = parent.resolve("." + abs.getFileName() + ".old-" + tag);
		try {
			Files.createDirectory(tmp);
			Files.write(tmp.resolve(info.parameters.file), parameters);
			Files.write(tmp.resolve(MODEL_JSON), GSON.toJson(info).getBytes(StandardCharsets.UTF_8));
			if (Files.exists(abs)) AtomicFiles.moveIntoPlace(abs, old);
			try {
				AtomicFiles.moveIntoPlace(tmp, abs);
			}
			catch (IOException e) {
				if (Files.exists(old)) AtomicFiles.moveIntoPlace(old, abs); // keep the previous model
				throw e;
			}
			deleteTree(old);
		}
		finally {
			deleteTree(tmp);
		}
	}

	/**
	 * Reads a model folder.
	 *
	 * @param expectedType the network type the caller can run, or null for any
	 * @throws ModelFormatException naming the folder and what is wrong with it
	 */
	public static Loaded read(Path dir, String expectedType) throws IOException {
		if (!Files.isDirectory(dir)) {
			throw new ModelFormatException(dir + ": not a model folder (" + (Files.exists(dir)
				? "a file" : "does not exist") + ")");
		}
		Path json = dir.resolve(MODEL_JSON);
		if (!Files.isRegularFile(json)) {
			throw new ModelFormatException(dir + ": no " + MODEL_JSON +
				"; this is not a CalSpike model folder");
		}
		ModelInfo info = parse(Files.readString(json, StandardCharsets.UTF_8), json.toString(),
			expectedType);
		Path params = dir.resolve(info.parameters.file);
		if (!params.normalize().startsWith(dir.normalize()) || !Files.isRegularFile(params)) {
			throw new ModelFormatException(json + ": parameters file '" + info.parameters.file +
				"' is missing");
		}
		byte[] bytes = Files.readAllBytes(params);
		checkHash(info, bytes, params.toString());
		return new Loaded(info, bytes, dir.toString());
	}

	/**
	 * Reads a model stored as resources beside {@code anchor}'s package, under {@code folder}
	 * (used for the models bundled in the jar).
	 */
	public static Loaded readResource(Class<?> anchor, String folder, String expectedType)
		throws IOException
	{
		String where = "bundled model " + folder;
		try (InputStream in = anchor.getResourceAsStream(folder + "/" + MODEL_JSON)) {
			if (in == null) throw new ModelFormatException(where + ": not found in the jar");
			ModelInfo info = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), where,
				expectedType);
			try (InputStream p = anchor.getResourceAsStream(folder + "/" + info.parameters.file)) {
				if (p == null) throw new ModelFormatException(where + ": parameters file missing");
				byte[] bytes = p.readAllBytes();
				checkHash(info, bytes, where);
				return new Loaded(info, bytes, where);
			}
		}
	}

	static ModelInfo parse(String text, String where, String expectedType)
		throws ModelFormatException
	{
		ModelInfo info;
		try {
			info = GSON.fromJson(text, ModelInfo.class);
		}
		catch (JsonParseException | IllegalStateException | NumberFormatException e) {
			throw new ModelFormatException(where + ": not valid JSON (" + e.getMessage() + ")", e);
		}
		if (info == null) throw new ModelFormatException(where + ": empty");
		if (!ModelInfo.FORMAT.equals(info.format)) {
			throw new ModelFormatException(where + ": not a CalSpike model (format '" + info.format +
				"', expected '" + ModelInfo.FORMAT + "')");
		}
		if (info.formatVersion < 1 || info.formatVersion > ModelInfo.FORMAT_VERSION) {
			throw new ModelFormatException(where + ": format version " + info.formatVersion +
				" is not supported by this CalSpike (it reads up to " + ModelInfo.FORMAT_VERSION +
				"); update CalSpike");
		}
		if (expectedType != null && !expectedType.equals(info.type)) {
			throw new ModelFormatException(where + ": a '" + info.type + "' model, but a '" +
				expectedType + "' model is needed here");
		}
		if (info.parameters == null || info.parameters.file == null) {
			throw new ModelFormatException(where + ": names no parameters file");
		}
		if (info.parameters.sha256 == null) {
			throw new ModelFormatException(where + ": gives no sha256 for its parameters file '" + info
				.parameters.file + "', so it cannot be checked; rewrite the model with CalSpike");
		}
		if (ModelInfo.NEURON_DETECTOR.equals(info.type)) {
			if (info.network == null || info.detector == null || info.detector.channels.isEmpty() ||
				info.detector.maps.size() < 2)
			{
				throw new ModelFormatException(where + ": network or detector settings missing");
			}
			return info;
		}
		if (info.window == null || info.network == null || !(info.rateHz > 0) ||
			info.normalization == null)
		{
			throw new ModelFormatException(where + ": window, network, rateHz or normalization missing");
		}
		ModelInfo.Window w = info.window;
		if (w.before < 0 || w.after < 0 || w.spikeN < 1 || w.stride < 1) {
			throw new ModelFormatException(String.format(Locale.ROOT, "%s: window before %d and after " +
				"%d must be >= 0, spikeN %d and stride %d >= 1", where, w.before, w.after, w.spikeN,
				w.stride));
		}
		return info;
	}

	private static void checkHash(ModelInfo info, byte[] bytes, String where)
		throws ModelFormatException
	{
		String actual = sha256(bytes);
		if (!actual.equals(info.parameters.sha256)) {
			throw new ModelFormatException(where + ": parameters do not match model.json (SHA-256 " +
				actual + ", expected " + info.parameters.sha256 + "); the file is truncated or changed");
		}
	}

	/** @return the lowercase hex SHA-256 of {@code bytes} */
	public static String sha256(byte[] bytes) {
		try {
			byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
			StringBuilder sb = new StringBuilder();
			for (byte b : d) sb.append(String.format("%02x", b));
			return sb.toString();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** @return the lowercase hex SHA-256 of a file's content */
	public static String sha256(Path file) throws IOException {
		return sha256(Files.readAllBytes(file));
	}

	/** @return CalSpike's version, from the build */
	public static String calspikeVersion() {
		return buildProperty("version");
	}

	/** @return the DJL version CalSpike was built with */
	public static String djlVersion() {
		return buildProperty("djl");
	}

	private static String buildProperty(String key) {
		try (InputStream in = ModelFolder.class.getResourceAsStream(
			"/io/github/calspike/calspike.properties"))
		{
			Properties p = new Properties();
			if (in != null) p.load(in);
			return p.getProperty(key, "unknown");
		}
		catch (IOException e) {
			return "unknown";
		}
	}

	/** Deletes {@code p} and everything under it, if it exists. */
	public static void deleteTree(Path p) throws IOException {
		if (!Files.exists(p)) return;
		try (Stream<Path> s = Files.walk(p)) {
			for (Path x : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
				Files.deleteIfExists(x);
			}
		}
	}
}
