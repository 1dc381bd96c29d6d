package io.github.calspike.command;

import io.github.calspike.extract.ij.AnnotatedMovies;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds a batch's inputs and, for each, its companion files. */
final class BatchInputs {

	/** Marker written into a result folder once its input is completely done. */
	static final String DONE = ".calspike-batch-complete";

	/** @return what identifies an input's version: its name, size and modification time */
	static String stamp(Path in) throws IOException {
		return in.getFileName() + "\n" + Files.size(in) + "\n" + Files.getLastModifiedTime(in)
			.toMillis() + "\n";
	}

	/** @return {K, N} of "K/N", 1 <= K <= N */
	static int[] shard(String text) {
		String t = text == null ? "" : text.trim();
		Matcher m = Pattern.compile("(\\d+)\\s*/\\s*(\\d+)")
			.matcher(t);
		if (m.matches()) {
			try {
				int k = Integer.parseInt(m.group(1)), n = Integer.parseInt(m.group(2));
				if (n >= 1 && k >= 1 && k <= n) return new int[] { k, n };
			}
			catch (NumberFormatException e) {
				// refused below
			}
		}
		throw new IllegalArgumentException("shard: '" + text + "' is not K/N with 1 <= K <= N, " +
			"e.g. 3/10 for the third of ten jobs");
	}

	private BatchInputs() {}

	/** Name of the summary a batch writes into its output folder. */
	static final String SUMMARY = "batch-summary.csv";

	/**
	 * @param out the batch's output folder: its own summary files are never inputs, so a batch
	 *        whose output is its input folder can be run again
	 */
	static List<Path> list(File folder, Path out) throws IOException {
		if (folder == null || !folder.isDirectory()) {
			throw new IllegalArgumentException("input: not a folder: " + folder);
		}
		List<Path> found;
		try (Stream<Path> s = Files.list(folder.toPath())) {
			found = s.filter(p -> Files.isRegularFile(p) && (isMovie(p) || isCalcium(p)) &&
				!isOwnSummary(p, out)).sorted().collect(Collectors.toList());
		}
		if (found.isEmpty()) {
			throw new IllegalArgumentException("input: " + folder + " holds no movies (.tif) and no " +
				"SpikeFinder calcium files (.csv)");
		}
		return found;
	}

	/** @return whether {@code p} is a summary this command wrote into the output folder */
	static boolean isOwnSummary(Path p, Path out) {
		String n = p.getFileName().toString();
		return n.startsWith("batch-summary") && n.endsWith(".csv") && Inputs.sameFile(p
			.getParent(), out);
	}

	/**
	 * @return each input's result folder name: its stem, or its whole file name where two
	 *         inputs share a stem (m.csv and m.tif), so no input's results overwrite another's;
	 *         "-results" is added where that name is taken by a file (output = input folder)
	 */
	static Map<Path, String> folders(List<Path> inputs) {
		Map<String, Integer> count = new HashMap<>();
		for (Path p : inputs) count.merge(stem(p).toLowerCase(Locale.ROOT), 1, Integer::sum);
		Map<Path, String> out = new LinkedHashMap<>();
		for (Path p : inputs) {
			String s = stem(p);
			out.put(p, count.get(s.toLowerCase(Locale.ROOT)) > 1 ? p.getFileName().toString() : s);
		}
		return out;
	}

	static boolean isMovie(Path p) {
		String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
		return (n.endsWith(".tif") || n.endsWith(".tiff")) && !n.contains(".labels.");
	}

	static boolean isCalcium(Path p) {
		String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
		return n.endsWith(".csv") && !n.endsWith(".spikes.csv");
	}

	/** @return the name without extension (and without ".calcium" for calcium CSVs) */
	static String stem(Path p) {
		return p.getFileName().toString().replaceFirst("(?i)(\\.calcium)?\\.(csv|tiff?)$", "");
	}

	static Path spikesFor(Path calcium) {
		Path s = calcium.resolveSibling(stem(calcium) + ".spikes.csv");
		return Files.isRegularFile(s) ? s : null;
	}

	/** @return the ROI file beside a movie ({@link AnnotatedMovies#beside}), else the folder's RoiSet.zip */
	static Path roisFor(Path movie) throws IOException {
		Path p = AnnotatedMovies.beside(movie);
		if (p != null) return p;
		Path shared = movie.resolveSibling("RoiSet.zip");
		if (Files.isRegularFile(shared)) return shared;
		String stem = stem(movie);
		throw new IOException("no ROIs beside it: expected " + AnnotatedMovies.ANNOTATIONS.stream()
			.map(s -> stem + s).collect(Collectors.joining(", ")) + " or RoiSet.zip");
	}
}
