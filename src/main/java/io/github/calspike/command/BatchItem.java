package io.github.calspike.command;

import io.github.calspike.extract.ExtractionConfig;
import io.github.calspike.extract.ij.MovieFiles;
import io.github.calspike.files.AtomicFiles;
import io.github.calspike.nn.Djl;
import io.github.calspike.trace.io.ColumnTable;
import io.github.calspike.trace.io.SpikeFinderCsv;
import io.github.calspike.ui.Outputs;

import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.scijava.app.StatusService;
import org.scijava.log.LogService;

/** One input of "Batch Infer Spikes". */
final class BatchItem {

	private BatchItem() {}

	/** What every input of one batch shares: the command's parameters. */
	static final class Settings {
		final Path output;
		final boolean overwrite;
		File model;
		int threads = Djl.DEFAULT_THREADS;
		double rate = SpikeFinderCsv.DEFAULT_RATE_HZ, framerate,
			neuropil = ExtractionConfig.DEFAULT_NEUROPIL;
		boolean dff = ExtractionConfig.DEFAULT_DFF;

		/** Results go below {@code output}; complete ones are redone only with {@code overwrite}. */
		Settings(Path output, boolean overwrite) {
			this.output = output;
			this.overwrite = overwrite;
		}

		/** @return these settings, inferring with {@code model} (null: bundled) on {@code threads} */
		Settings model(File model, int threads) {
			this.model = model;
			this.threads = threads;
			return this;
		}

		/**
		 * @return these settings, reading CSV files at {@code rate} and measuring movies at
		 *         {@code framerate} (0: the image's) with this neuropil coefficient and dF/F
		 */
		Settings rates(double rate, double framerate, double neuropil, boolean dff) {
			this.rate = rate;
			this.framerate = framerate;
			this.neuropil = neuropil;
			this.dff = dff;
			return this;
		}
	}

	/**
	 * Runs the command that fits {@code in} ("Analyze Calcium Movie" or "Infer Spikes") into its
	 * result folder {@code folder} and adds its row to {@code summary}; a failure is that row's
	 * status, and a result folder it left empty is removed.
	 */
	static void run(Path in, String folder, ResultsTable summary, Settings s, LogService log,
		StatusService status)
	{
		String stem = BatchInputs.stem(in);
		boolean movie = BatchInputs.isMovie(in);
		Path dir = s.output.resolve(folder);
		if (Files.exists(dir) && !Files.isDirectory(dir)) dir = s.output.resolve(folder +
			"-results");
		summary.addValue("input", in.getFileName().toString());
		summary.addValue("kind", movie ? "movie" : "SpikeFinder CSV");
		long start = System.nanoTime();
		String command;
		Path done = dir.resolve(BatchInputs.DONE);
		try {
			String stamp = BatchInputs.stamp(in);
			if (!s.overwrite && Files.isRegularFile(done) && Files.readString(done).equals(stamp)) {
				ColumnTable t = SpikeFinderCsv.readColumns(dir.resolve(stem + ".spike-rate.csv"), 0, false);
				summary.addValue("status", "skipped");
				summary.addValue("neurons", t.labels().size());
				summary.addValue("inferred_spikes", total(t));
				summary.addValue("not_fitting", notFitting(dir, movie));
				summary.addValue("message", "results in " + dir + " are complete (overwrite=true redoes " +
					"them)");
				summary.addValue("seconds", 0);
				return;
			}
			Files.deleteIfExists(done);
			Files.createDirectories(dir);
			Outputs to = Outputs.toFolder(dir, f -> log.info("Wrote " + f));
			if (movie) {
				command = "Analyze Calcium Movie";
				File rois = BatchInputs.roisFor(in).toFile(); // before the movie is open
				MovieSpikes.Request q = new MovieSpikes.Request(MovieFiles.open(in), rois).extraction(
					s.framerate, s.neuropil, s.dff).model(s.model, s.threads);
				try {
					MovieSpikes.analyze(q, to, log, status);
				}
				finally {
					q.image.close();
				}
			}
			else {
				command = "Infer Spikes";
				Path spikes = BatchInputs.spikesFor(in);
				InferSpikes.Request q = new InferSpikes.Request(in.toFile(), spikes == null ? null : spikes
					.toFile(), s.rate).model(s.model, s.threads);
				InferSpikes.infer(q, to, log);
			}
			Path rates = dir.resolve(stem + ".spike-rate.csv");
			ColumnTable t = SpikeFinderCsv.readColumns(rates, 0, false);
			summary.addValue("status", "ok");
			summary.addValue("neurons", t.labels().size());
			summary.addValue("inferred_spikes", total(t));
			summary.addValue("not_fitting", notFitting(dir, movie));
			AtomicFiles.write(done, o -> o.write(stamp.getBytes(StandardCharsets.UTF_8)));
			summary.addValue("message", command + " -> " + dir);
		}
		catch (IOException | RuntimeException e) {
			// a cancelled input (Esc, an interrupt) is reported as such, anything else as a failure
			boolean cancelled = e instanceof CancellationException;
			String why = e.getMessage() != null ? e.getMessage() : e.toString();
			if (!cancelled) log.warn(in.getFileName() + ": failed: " + why);
			summary.addValue("status", cancelled ? "cancelled" : "failed");
			summary.addValue("neurons", Double.NaN);
			summary.addValue("inferred_spikes", Double.NaN);
			summary.addValue("not_fitting", Double.NaN);
			summary.addValue("message", why);
			try (Stream<Path> left = Files.list(dir)) {
				if (left.findAny().isEmpty()) Files.delete(dir); // no empty result folder for an input
			}
			catch (IOException ignored) {
				// the folder was never made, or holds partial results worth keeping
			}
		}
		summary.addValue("seconds", (System.nanoTime() - start) / 1e9);
	}

	private static double total(ColumnTable t) {
		double total = 0;
		for (int c = 0; c < t.labels().size(); c++) for (double v : t.column(c)) if (Double.isFinite(v)) total += v;
		return total;
	}

	/**
	 * @return the neurons whose counts the model does not vouch for ({@code fits_model} false in
	 *         the per-neuron table of the result folder); NaN where that table or column is missing
	 */
	private static double notFitting(Path dir, boolean movie) {
		Path table = dir.resolve((movie ? MovieSpikes.TABLE : SpikeTables.TABLE) + ".csv");
		if (!Files.isRegularFile(table)) return Double.NaN;
		try (Reader r = Files.newBufferedReader(table, StandardCharsets.UTF_8); CSVParser p = CSVFormat
			.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r))
		{
			if (!p.getHeaderMap().containsKey("fits_model")) return Double.NaN;
			int n = 0;
			for (CSVRecord row : p) if ("false".equals(row.get("fits_model"))) n++;
			return n;
		}
		catch (IOException | RuntimeException e) {
			return Double.NaN; // a table written by an older version: the summary says it does not know
		}
	}
}
