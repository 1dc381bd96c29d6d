package io.github.calspike.extract.ij;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Movies with hand-drawn ROIs for training a detector: one movie with its ROI file, or a folder of
 * TIFF movies each with its ROIs beside it ({@link #ANNOTATIONS}).
 */
public final class AnnotatedMovies {

	/**
	 * ROI files looked for beside a movie {@code NAME.tif}, in this order (also by Batch Infer
	 * Spikes, which then falls back to a folder's {@code RoiSet.zip}).
	 */
	public static final List<String> ANNOTATIONS = List.of(".regions.json", ".json", ".zip",
		"_RoiSet.zip", ".RoiSet.zip", ".labels.tif");

	private AnnotatedMovies() {}

	/** A movie and its ROI file. */
	public static final class Pair {
		/** The movie file. */
		public final Path movie;
		/** Its ROI file. */
		public final Path rois;

		Pair(Path movie, Path rois) {
			this.movie = movie;
			this.rois = rois;
		}
	}

	/**
	 * @param movies a TIFF movie or a folder of them
	 * @param rois the movie's ROI file, or null to look beside it; must be null for a folder
	 * @param skipped told of each movie of a folder that has no ROIs beside it
	 * @return the movies with their ROI files, in name order
	 * @throws IllegalArgumentException naming what is missing
	 */
	public static List<Pair> find(Path movies, Path rois, java.util.function.Consumer<String> skipped)
		throws IOException
	{
		if (Files.isDirectory(movies)) {
			if (rois != null) throw new IllegalArgumentException("rois: give it for a single movie; " +
				"for a folder, put each movie's ROIs beside it as NAME.RoiSet.zip or NAME.regions.json");
			List<Path> tifs;
			try (Stream<Path> s = Files.list(movies)) {
				tifs = s.filter(p -> isMovie(p.getFileName().toString())).sorted().collect(Collectors
					.toList());
			}
			List<Pair> out = new ArrayList<>();
			for (Path t : tifs) {
				Path a = beside(t);
				if (a == null) skipped.accept(t.getFileName() + ": no ROIs beside it (" + String.join(", ",
					ANNOTATIONS) + "); skipped");
				else out.add(new Pair(t, a));
			}
			if (out.isEmpty()) throw new IllegalArgumentException("movies: " + movies +
				" holds no TIFF movie with its ROIs beside it (" + String.join(", ", ANNOTATIONS) + ")");
			return out;
		}
		if (!Files.isRegularFile(movies)) throw new IOException(movies + ": no such file or folder");
		Path a = rois != null ? rois : beside(movies);
		if (a == null) throw new IllegalArgumentException("rois: none given and none beside " + movies +
			" (" + String.join(", ", ANNOTATIONS) + ")");
		return List.of(new Pair(movies, a));
	}

	private static boolean isMovie(String name) {
		String n = name.toLowerCase(Locale.ROOT);
		return n.matches(".*\\.tiff?$") && !n.endsWith(".labels.tif");
	}

	/** @return the first of {@link #ANNOTATIONS} beside {@code movie}, or null */
	public static Path beside(Path movie) {
		String stem = movie.getFileName().toString().replaceFirst("(?i)\\.tiff?$", "");
		for (String suffix : ANNOTATIONS) {
			Path p = movie.resolveSibling(stem + suffix);
			if (Files.isRegularFile(p)) return p;
		}
		return null;
	}
}
