package io.github.calspike.trace.io;

import io.github.calspike.files.TraceFormatException;
import io.github.calspike.trace.Recording;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads labelled SpikeFinder recordings (calcium and spikes file pairs) and names them. */
public final class Recordings {

	/** Suffix of SpikeFinder calcium files. */
	public static final String CALCIUM_SUFFIX = ".calcium.csv";
	/** Suffix of SpikeFinder spike files. */
	public static final String SPIKES_SUFFIX = ".spikes.csv";

	private Recordings() {}

	/**
	 * Reads labelled recordings: {@code source} is a calcium CSV (its spikes file given, or else
	 * found by replacing ".calcium.csv" with ".spikes.csv"), or a folder whose
	 * {@code NAME.calcium.csv} files each have a {@code NAME.spikes.csv} beside them.
	 *
	 * @throws TraceFormatException naming the file that is missing or malformed
	 */
	public static List<Recording> read(Path source, Path spikes, SpikeFinderCsv.Options options)
		throws IOException
	{
		List<Path[]> pairs = new ArrayList<>();
		if (Files.isDirectory(source)) {
			try (DirectoryStream<Path> ds = Files.newDirectoryStream(source, "*" + CALCIUM_SUFFIX)) {
				for (Path c : ds) pairs.add(new Path[] { c, partner(c) });
			}
			if (pairs.isEmpty()) {
				throw new TraceFormatException(source, 0, 0, "folder holds no *" + CALCIUM_SUFFIX +
					" files");
			}
			pairs.sort((a, b) -> a[0].getFileName().toString().compareTo(b[0].getFileName()
				.toString()));
		}
		else {
			pairs.add(new Path[] { source, spikes != null ? spikes : partner(source) });
		}
		List<Recording> out = new ArrayList<>();
		for (Path[] p : pairs) {
			if (p[1] == null || !Files.isRegularFile(p[1])) {
				throw new TraceFormatException(p[0], 0, 0, "no spikes file found beside it (expected " +
					(p[1] == null ? "NAME" + SPIKES_SUFFIX : p[1].getFileName()) + ")");
			}
			out.add(new Recording(nameOf(p[0]), SpikeFinderCsv.read(p[0], p[1], options), p[0], p[1]));
		}
		return out;
	}

	/** @return "4.train" for "4.train.calcium.csv", else the file name without ".csv" */
	public static String nameOf(Path calcium) {
		String f = calcium.getFileName().toString();
		if (f.endsWith(CALCIUM_SUFFIX)) return f.substring(0, f.length() - CALCIUM_SUFFIX.length());
		return f.endsWith(".csv") ? f.substring(0, f.length() - 4) : f;
	}

	private static Path partner(Path calcium) {
		String f = calcium.getFileName().toString();
		if (!f.endsWith(CALCIUM_SUFFIX)) return null;
		return calcium.resolveSibling(f.substring(0, f.length() - CALCIUM_SUFFIX.length()) +
			SPIKES_SUFFIX);
	}
}
