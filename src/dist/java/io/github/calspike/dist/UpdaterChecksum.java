package io.github.calspike.dist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The Fiji updater's checksums (lowercase hex SHA-1). A jar hashes its entries sorted by name
 * (directories included): each entry's name in ASCII, then its content, where
 * {@code META-INF/MANIFEST.MF} contributes only its name and a {@code .properties} entry drops
 * comment lines the way the updater's byte filter does. Any other file hashes its path in ASCII,
 * then its content.
 */
public final class UpdaterChecksum {

	private UpdaterChecksum() {}

	/** @return the checksum of the file stored at {@code path} (e.g. "jars/x.jar") */
	public static String of(String path, Path file) throws IOException {
		return path.endsWith(".jar") ? jar(file) : plain(path, Files.readAllBytes(file));
	}

	/** @return the checksum of a non-jar file at {@code path} with {@code content} */
	public static String plain(String path, byte[] content) {
		MessageDigest d = sha1();
		d.update(path.getBytes(StandardCharsets.US_ASCII));
		d.update(content);
		return hex(d.digest());
	}

	/** @return the checksum of a jar */
	public static String jar(Path file) throws IOException {
		MessageDigest d = sha1();
		try (JarFile jar = new JarFile(file.toFile(), false)) {
			List<JarEntry> entries = new ArrayList<>(java.util.Collections.list(jar.entries()));
			entries.sort(Comparator.comparing(JarEntry::getName));
			for (JarEntry e : entries) {
				d.update(e.getName().getBytes(StandardCharsets.US_ASCII));
				if (e.getName().equals("META-INF/MANIFEST.MF")) continue;
				byte[] content;
				try (InputStream in = jar.getInputStream(e)) {
					content = in.readAllBytes();
				}
				d.update(e.getName().endsWith(".properties") ? withoutHashedLines(content) : content);
			}
		}
		return hex(d.digest());
	}

	/**
	 * Reproduces the updater's comment filter for {@code .properties} entries byte for byte: a line
	 * starting with '#' counts as its newline alone; after a line that is only "#", the next line
	 * counts as not starting a line (so a '#' line there is kept whole).
	 */
	static byte[] withoutHashedLines(byte[] in) {
		Filter f = new Filter(in);
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		for (int ch; (ch = f.read()) >= 0;) out.write(ch);
		return out.toByteArray();
	}

	/** The updater's filter: a read() that, at a line start, swallows a '#' line by reading on. */
	private static final class Filter {
		private final byte[] in;
		private int pos;
		private boolean atLineStart = true;

		Filter(byte[] in) {
			this.in = in;
		}

		private int next() {
			return pos < in.length ? in[pos++] & 0xff : -1;
		}

		int read() {
			int ch = next();
			if (atLineStart) {
				if (ch == '#') {
					// the comment's characters are read through read() itself, with the flag still set
					while ((ch = read()) != '\n' && ch != -1) {
						// skipped
					}
				}
				else atLineStart = false;
			}
			else if (ch == '\n') atLineStart = true;
			return ch;
		}
	}

	private static MessageDigest sha1() {
		try {
			return MessageDigest.getInstance("SHA-1");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-1 is missing from this JVM", e);
		}
	}

	private static String hex(byte[] b) {
		StringBuilder sb = new StringBuilder();
		for (byte x : b) sb.append(String.format("%02x", x & 0xff));
		return sb.toString();
	}
}
