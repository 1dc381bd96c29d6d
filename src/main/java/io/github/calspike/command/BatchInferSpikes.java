package io.github.calspike.command;

import io.github.calspike.extract.ExtractionConfig;
import io.github.calspike.nn.Djl;
import io.github.calspike.trace.io.SpikeFinderCsv;
import io.github.calspike.ui.DefaultOutputService;

import ij.IJ;
import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Infers spikes for every movie and SpikeFinder file in a folder: each input gets its own result
 * folder (what "Analyze Calcium Movie" or "Infer Spikes" writes), and a summary table lists every
 * input with its outcome. A failing input is reported in the summary; the others go on.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>CalSpike>Batch Infer Spikes")
public class BatchInferSpikes extends CalSpikeCommand {

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
		BatchItem.Settings settings = new BatchItem.Settings(output.toPath(), overwrite).model(model,
			threads).rates(rate, framerate, neuropil, dff);
		ResultsTable summary = new ResultsTable();
		summary.showRowNumbers(false);
		try {
			for (int i = 0; i < inputs.size(); i++) {
				if (IJ.escapePressed() || Thread.currentThread().isInterrupted()) {
					log.warn("Batch cancelled after " + i + " of " + inputs.size() + " inputs");
					break;
				}
				Path in = inputs.get(i);
				status.showStatus(i, inputs.size(), "Batch Infer Spikes: " + in.getFileName());
				summary.addRow();
				BatchItem.run(in, folders.get(in), summary, settings, log, status);
			}
		}
		finally {
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
}
