package io.github.calspike.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a reader never sees a half-written one: the content goes to a temporary
 * file in the same folder, which is then moved over the target (atomically where the file system
 * allows). On failure the target is untouched and the temporary file is removed.
 */
public final class AtomicFiles {

	private AtomicFiles() {}

	/** Writes the content of a file. */
	public interface Content {
		/** Writes everything to {@code out}. */
		void writeTo(OutputStream out) throws IOException;
	}

	/** Temporary files older than this are left over from an interrupted write, ms. */
	static final long STALE_MS = 60_000;

	/**
	 * Writes {@code file} atomically, creating its folder if needed. Temporary files of an earlier
	 * write of the same file that was killed ({@code .NAME.<hex>.tmp}, over a minute old) are
	 * removed first.
	 */
	public static void write(Path file, Content content) throws IOException {
		Path dir = file.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		removeStale(dir, file.getFileName().toString());
		Path tmp = dir.resolve("." + file.getFileName() + "." + Long.toHexString(System.nanoTime()) +
			".tmp");
		try {
			try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
				StandardOpenOption.WRITE))
			{
				content.writeTo(out);
			}
			moveIntoPlace(tmp, file);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	private static void removeStale(Path dir, String name) {
		String prefix = "." + name + ".";
		long now = System.currentTimeMillis();
		try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, p -> {
			String n = p.getFileName().toString();
			return n.startsWith(prefix) && n.endsWith(".tmp") && n.substring(prefix.length(), n.length() -
				4).matches("[0-9a-f]+");
		})) {
			for (Path p : s) {
				if (now - Files.getLastModifiedTime(p).toMillis() > STALE_MS) Files.deleteIfExists(p);
			}
		}
		catch (IOException e) {
			// a leftover that cannot be removed does no harm to this write
		}
	}

	/** Moves {@code source} over {@code target}, atomically where the file system allows. */
	public static void moveIntoPlace(Path source, Path target) throws IOException {
		try {
			Files.move(source, target, StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException e) {
			Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
