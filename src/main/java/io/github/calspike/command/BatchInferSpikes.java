package io.github.calspike.command;

import io.github.calspike.extract.ExtractionConfig;
import io.github.calspike.extract.ij.AnnotatedMovies;
import io.github.calspike.nn.Djl;
import io.github.calspike.trace.io.AtomicFiles;
import io.github.calspike.trace.io.ColumnTable;
import io.github.calspike.trace.io.SpikeFinderCsv;
import io.github.calspike.ui.DefaultOutputService;
import io.github.calspike.ui.OutputService;

import ij.IJ;
import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Infers spikes for every movie and SpikeFinder file in a folder: each input gets its own result
 * folder (what "Analyze Calcium Movie" or "Infer Spikes" writes), and a summary table lists every
 * input with its outcome. A failing input is reported in the summary; the others go on.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>CalSpike>Batch Infer Spikes")
public class BatchInferSpikes extends ContextCommand {

	@Parameter(label = "Input folder (movies and SpikeFinder calcium CSVs)",
		style = FileWidget.DIRECTORY_STYLE, persist = false)
	private File input;
	@Parameter(label = "Output folder", style = FileWidget.DIRECTORY_STYLE, persist = false)
	private File output;
	@Parameter(label = "CSV sampling rate (Hz)", min = "0", persist = false)
	private double rate = SpikeFinderCsv.DEFAULT_RATE_HZ;
	@Parameter(label = "Movie frame rate (Hz, 0 = from image)", min = "0", persist = false)
	private double framerate = 0;
	@Parameter(label = "Neuropil coefficient r (0 = off)", min = "0", max = "1.5", persist = false)
	private double neuropil = ExtractionConfig.DEFAULT_NEUROPIL;
	@Parameter(label = "dF/F", persist = false)
	private boolean dff = ExtractionConfig.DEFAULT_DFF;
	@Parameter(label = "Model folder (default: bundled rate model for the rate)",
		style = FileWidget.DIRECTORY_STYLE, required = false, persist = false)
	private File model;
	@Parameter(label = "Threads", min = "1", persist = false)
	private int threads = Djl.DEFAULT_THREADS;
	@Parameter(label = "Redo inputs whose results are complete", persist = false)
	private boolean overwrite = false;
	@Parameter(label = "Shard K/N (this job's share of the inputs, for cluster job arrays)",
		persist = false)
	private String shard = "1/1";

	@Parameter
	private OutputService outputs;
	@Parameter
	private CommandService commands;
	@Parameter
	private LogService log;
	@Parameter
	private StatusService status;

	@Override
	public void run() {
		List<Path> inputs;
		Map<Path, String> folders;
		int[] kn;
		try {
			if (output == null) throw new IllegalArgumentException("output: no folder given");
			if (output.isFile()) {
				throw new IllegalArgumentException("output: " + output + " is a file, not a folder for the " +
					"results");
			}
			kn = BatchInputs.shard(shard);
			List<Path> all = BatchInputs.list(input, output.toPath());
			folders = BatchInputs.folders(all);
			inputs = new ArrayList<>();
			for (int i = 0; i < all.size(); i++) if (i % kn[1] == kn[0] - 1) inputs.add(all.get(i));
			Files.createDirectories(output.toPath());
		}
		catch (IOException | IllegalArgumentException e) {
			cancel(e.getMessage());
			return;
		}
		ResultsTable summary = new ResultsTable();
		summary.showRowNumbers(false);
		Path previous = outputs.outputFolder();
		boolean interactive = outputs.isInteractive();
		try {
			for (int i = 0; i < inputs.size(); i++) {
				if (IJ.escapePressed() || Thread.currentThread().isInterrupted()) {
					log.warn("Batch cancelled after " + i + " of " + inputs.size() + " inputs");
					break;
				}
				Path in = inputs.get(i);
				status.showStatus(i, inputs.size(), "Batch Infer Spikes: " + in.getFileName());
				summary.addRow();
				runOne(in, folders.get(in), summary);
			}
		}
		finally {
			outputs.setOutputFolder(interactive ? null : previous);
			status.clearStatus();
		}
		try {
			Path csv = output.toPath().resolve(kn[1] == 1 ? BatchInputs.SUMMARY : "batch-summary.shard-" +
				kn[0] + "-of-" + kn[1] + ".csv");
			DefaultOutputService.writeCsv(summary, csv);
			log.info("Batch summary written to " + csv);
			outputs.table("Batch summary", summary);
		}
		catch (IOException e) {
			cancel("cannot write the batch summary: " + e.getMessage());
		}
	}

	private void runOne(Path in, String folder, ResultsTable summary) {
		String stem = BatchInputs.stem(in);
		boolean movie = BatchInputs.isMovie(in);
		Path dir = output.toPath().resolve(folder);
		if (Files.exists(dir) && !Files.isDirectory(dir)) dir = output.toPath().resolve(folder +
			"-results");
		summary.addValue("input", in.getFileName().toString());
		summary.addValue("kind", movie ? "movie" : "SpikeFinder CSV");
		long start = System.nanoTime();
		Map<String, Object> params = new LinkedHashMap<>();
		String command;
		Path done = dir.resolve(BatchInputs.DONE);
		try {
			String stamp = BatchInputs.stamp(in);
			if (!overwrite && Files.isRegularFile(done) && Files.readString(done).equals(stamp)) {
				ColumnTable t = SpikeFinderCsv.readColumns(dir.resolve(stem + ".spike-rate.csv"), 0, false);
				summary.addValue("status", "skipped");
				summary.addValue("neurons", t.labels().size());
				summary.addValue("inferred_spikes", total(t));
				summary.addValue("message", "results in " + dir + " are complete (overwrite=true redoes " +
					"them)");
				summary.addValue("seconds", 0);
				return;
			}
			Files.deleteIfExists(done);
			Files.createDirectories(dir);
			if (model != null) params.put("model", model);
			params.put("threads", threads);
			if (movie) {
				command = "Analyze Calcium Movie";
				params.put("image", in.toString());
				params.put("rois", BatchInputs.roisFor(in).toFile());
				params.put("framerate", framerate);
				params.put("neuropil", neuropil);
				params.put("dff", dff);
			}
			else {
				command = "Infer Spikes";
				params.put("calcium", in.toFile());
				Path spikes = BatchInputs.spikesFor(in);
				if (spikes != null) params.put("spikes", spikes.toFile());
				params.put("rate", rate);
			}
			outputs.setOutputFolder(dir);
			Class<? extends Command> type = movie ? AnalyzeCalciumMovie.class : InferSpikes.class;
			CommandModule m = commands.run(type, true, params).get();
			if (m.isCanceled()) throw new IOException(m.getCancelReason());
			Path rates = dir.resolve(stem + ".spike-rate.csv");
			ColumnTable t = SpikeFinderCsv.readColumns(rates, 0, false);
			summary.addValue("status", "ok");
			summary.addValue("neurons", t.labels().size());
			summary.addValue("inferred_spikes", total(t));
			AtomicFiles.write(done, o -> o.write(stamp.getBytes(StandardCharsets.UTF_8)));
			summary.addValue("message", command + " -> " + dir);
		}
		catch (IOException | RuntimeException | ExecutionException e) {
			String why = e instanceof ExecutionException && e.getCause() != null ? e.getCause()
				.toString() : e.getMessage();
			log.warn(in.getFileName() + ": failed: " + why);
			summary.addValue("status", "failed");
			summary.addValue("neurons", Double.NaN);
			summary.addValue("inferred_spikes", Double.NaN);
			summary.addValue("message", why);
			try (Stream<Path> left = Files.list(dir)) {
				if (left.findAny().isEmpty()) Files.delete(dir); // no empty result folder for a failure
			}
			catch (IOException ignored) {
				// the folder was never made, or holds partial results worth keeping
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			summary.addValue("status", "cancelled");
		}
		summary.addValue("seconds", (System.nanoTime() - start) / 1e9);
	}

	private static double total(ColumnTable t) {
		double total = 0;
		for (int c = 0; c < t.labels().size(); c++) for (double v : t.column(c)) if (Double.isFinite(v)) total += v;
		return total;
	}

	/** Finds a batch's inputs and, for each, its companion files. */
	static final class BatchInputs {

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
}
