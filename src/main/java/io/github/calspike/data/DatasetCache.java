package io.github.calspike.data;

import io.github.calspike.files.AtomicFiles;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.TraceSet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A disk cache of window datasets. Each entry is keyed by a SHA-256 hash of the traces' content
 * (labels, rate, every calcium value and spike count) and of everything that shapes the dataset
 * (window spec, normalisation, sample size, seed). A cache file carries its key, its sizes and a
 * CRC32 of its contents; a file that is truncated, corrupt, of another format or of another key is
 * never trusted: it is ignored and rebuilt. Files are written to a temporary name and moved into
 * place, so a crash never leaves a half-written entry.
 */
public final class DatasetCache {

	/** System property naming the cache folder. */
	public static final String DIR_PROPERTY = "calspike.cache";
	private static final byte[] MAGIC = "CALSPIKE-WINDOWS".getBytes(StandardCharsets.US_ASCII);
	private static final int FORMAT = 1;

	private final Path dir;

	/** @param dir the folder holding cache files; created when first written */
	public DatasetCache(Path dir) {
		this.dir = dir;
	}

	/** @return a cache in {@code -Dcalspike.cache}, or else {@code ~/.calspike/cache} */
	public static DatasetCache defaultCache() {
		String p = System.getProperty(DIR_PROPERTY);
		Path d = p != null ? Paths.get(p) : Paths.get(System.getProperty("user.home"), ".calspike",
			"cache");
		return new DatasetCache(d);
	}

	/**
	 * @return the hex SHA-256 key of a dataset built from these traces with these settings
	 */
	public static String key(TraceSet traces, WindowSpec spec, Normalization norm, int samples,
		long seed)
	{
		MessageDigest md;
		try {
			md = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		ByteBuffer b = ByteBuffer.allocate(64);
		b.putInt(FORMAT).putInt(spec.before()).putInt(spec.after()).putInt(spec.spikeN())
			.putInt(spec.stride()).putInt(norm.ordinal()).putInt(samples).putLong(seed)
			.putDouble(traces.rateHz()).putInt(traces.size()).putInt(traces.hasSpikes() ? 1 : 0);
		md.update(b.array(), 0, b.position());
		for (int i = 0; i < traces.size(); i++) {
			byte[] name = traces.name(i).getBytes(StandardCharsets.UTF_8);
			md.update(ByteBuffer.allocate(4).putInt(name.length).array());
			md.update(name);
			digest(md, traces.calcium(i));
			if (traces.hasSpikes()) digest(md, traces.spikes(i));
		}
		StringBuilder sb = new StringBuilder();
		for (byte x : md.digest()) sb.append(String.format("%02x", x));
		return sb.toString();
	}

	private static void digest(MessageDigest md, double[] v) {
		ByteBuffer b = ByteBuffer.allocate(4 + 8 * v.length);
		b.putInt(v.length);
		for (double d : v) b.putDouble(d);
		md.update(b.array());
	}

	/** @return the file that holds the entry for {@code key} */
	public Path file(String key) {
		return dir.resolve("windows-" + key + ".bin");
	}

	/**
	 * @return the cached windows for {@code key}, or empty when there is no entry or the entry is
	 *         not valid (wrong key, truncated, corrupt, other format)
	 */
	public Optional<WindowSet> load(String key) {
		Path f = file(key);
		if (!Files.isRegularFile(f)) return Optional.empty();
		try {
			return Optional.ofNullable(decode(Files.readAllBytes(f), key));
		}
		catch (IOException | RuntimeException e) {
			return Optional.empty();
		}
	}

	/** Writes the entry for {@code key} atomically. */
	public void store(String key, WindowSet w) throws IOException {
		Files.createDirectories(dir);
		byte[] keyBytes = key.getBytes(StandardCharsets.US_ASCII);
		int n = w.size(), len = w.length();
		ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 12 + keyBytes.length + 8 + n * len * 4 +
			n + 8 * n + 8);
		b.put(MAGIC).putInt(FORMAT).putInt(keyBytes.length).put(keyBytes).putInt(len).putInt(n)
			.putInt(0);
		for (float v : w.values()) b.putFloat(v);
		b.put(w.labels());
		for (int v : w.neurons()) b.putInt(v);
		for (int v : w.centres()) b.putInt(v);
		CRC32 crc = new CRC32();
		crc.update(b.array(), 0, b.position());
		b.putLong(crc.getValue());
		AtomicFiles.write(file(key), out -> out.write(b.array()));
	}

	/** @return the decoded windows, or null if the bytes are not a valid entry for {@code key} */
	private static WindowSet decode(byte[] bytes, String key) {
		if (bytes.length < MAGIC.length + 8 + 8) return null;
		CRC32 crc = new CRC32();
		crc.update(bytes, 0, bytes.length - 8);
		ByteBuffer b = ByteBuffer.wrap(bytes);
		if (b.getLong(bytes.length - 8) != crc.getValue()) return null;
		byte[] magic = new byte[MAGIC.length];
		b.get(magic);
		if (!java.util.Arrays.equals(magic, MAGIC) || b.getInt() != FORMAT) return null;
		byte[] k = new byte[b.getInt()];
		b.get(k);
		if (!key.equals(new String(k, StandardCharsets.US_ASCII))) return null;
		int len = b.getInt(), n = b.getInt();
		b.getInt(); // reserved
		long expected = (long) b.position() + (long) n * len * 4 + n + 8L * n + 8;
		if (len < 1 || n < 0 || expected != bytes.length) return null;
		float[] v = new float[n * len];
		for (int i = 0; i < v.length; i++) v[i] = b.getFloat();
		byte[] labels = new byte[n];
		b.get(labels);
		int[] neuron = new int[n], centre = new int[n];
		for (int i = 0; i < n; i++) neuron[i] = b.getInt();
		for (int i = 0; i < n; i++) centre[i] = b.getInt();
		return new WindowSet(len, v, labels, neuron, centre);
	}
}
