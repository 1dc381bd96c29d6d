package io.github.calspike.command;

import io.github.calspike.files.AtomicFiles;
import io.github.calspike.trace.io.ColumnTable;
import io.github.calspike.trace.io.SpikeFinderCsv;
import io.github.calspike.ui.OutputService;

import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

/** One input of "Batch Infer Spikes". */
final class BatchItem {

	private BatchItem() {}

	/** What every input of one batch shares: the command's parameters. */
	static final class Settings {
		Path output;
		File model;
		int threads;
		double rate, framerate, neuropil;
		boolean dff, overwrite;
	}

	/**
	 * Runs the command that fits {@code in} ("Analyze Calcium Movie" or "Infer Spikes") into its
	 * result folder {@code folder} and adds its row to {@code summary}; a failure is that row's
	 * status, and a result folder it left empty is removed.
	 */
	static void run(Path in, String folder, ResultsTable summary, Settings s, CommandService commands,
		OutputService outputs, LogService log)
	{
		String stem = BatchInputs.stem(in);
		boolean movie = BatchInputs.isMovie(in);
		Path dir = s.output.resolve(folder);
		if (Files.exists(dir) && !Files.isDirectory(dir)) dir = s.output.resolve(folder +
			"-results");
		summary.addValue("input", in.getFileName().toString());
		summary.addValue("kind", movie ? "movie" : "SpikeFinder CSV");
		long start = System.nanoTime();
		Map<String, Object> params = new LinkedHashMap<>();
		String command;
		Path done = dir.resolve(BatchInputs.DONE);
		try {
			String stamp = BatchInputs.stamp(in);
			if (!s.overwrite && Files.isRegularFile(done) && Files.readString(done).equals(stamp)) {
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
			if (s.model != null) params.put("model", s.model);
			params.put("threads", s.threads);
			if (movie) {
				command = "Analyze Calcium Movie";
				params.put("image", in.toString());
				params.put("rois", BatchInputs.roisFor(in).toFile());
				params.put("framerate", s.framerate);
				params.put("neuropil", s.neuropil);
				params.put("dff", s.dff);
			}
			else {
				command = "Infer Spikes";
				params.put("calcium", in.toFile());
				Path spikes = BatchInputs.spikesFor(in);
				if (spikes != null) params.put("spikes", spikes.toFile());
				params.put("rate", s.rate);
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
}
