package io.github.calspike.command;

import io.github.calspike.extract.ExtractionConfig;
import io.github.calspike.plot.MoviePlots;
import io.github.calspike.trace.io.Padding;
import io.github.calspike.trace.io.SpikeFinderCsv;
import io.github.calspike.ui.OutputService;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.CancellationException;

import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Measures the mean of every ROI in every frame of a movie in one pass, subtracts neuropil
 * (F - r * F_ring) and optionally computes dF/F; shows a traces table, a stacked trace plot and
 * the numbered ROIs, and writes the traces as a SpikeFinder CSV.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>CalSpike>Extract ROI Traces")
public class ExtractRoiTraces extends ContextCommand {

	@Parameter(label = "Movie (image or file)", persist = false)
	private ImagePlus image;
	@Parameter(label = "ROIs (RoiSet.zip, label image, Neurofinder JSON; empty: ROI Manager)",
		style = FileWidget.OPEN_STYLE, required = false, persist = false)
	private File rois;
	@Parameter(label = "Frame rate (Hz, 0 = from image)", min = "0", persist = false)
	private double framerate = 0;
	@Parameter(label = "Neuropil coefficient r (0 = off)", min = "0", max = "1.5", persist = false)
	private double neuropil = ExtractionConfig.DEFAULT_NEUROPIL;
	@Parameter(label = "dF/F", persist = false)
	private boolean dff = ExtractionConfig.DEFAULT_DFF;
	@Parameter(label = "Baseline percentile", min = "0", max = "100", persist = false)
	private double percentile = ExtractionConfig.DEFAULT_PERCENTILE;
	@Parameter(label = "Baseline window (s)", min = "0", persist = false)
	private double baseline = ExtractionConfig.DEFAULT_BASELINE_SECONDS;
	@Parameter(label = "Show neuropil rings", persist = false)
	private boolean rings = false;
	@Parameter(label = "Output CSV (optional)", style = FileWidget.SAVE_STYLE, required = false,
		persist = false)
	private File output;

	@Parameter
	private OutputService outputs;
	@Parameter
	private LogService log;
	@Parameter
	private StatusService status;

	@Override
	public void run() {
		try {
			ExtractionConfig config = new ExtractionConfig().withNeuropil(neuropil).withDff(dff)
				.withBaseline(percentile, baseline);
			MovieTraces m = MovieTraces.extract(image, rois, framerate, config, false, log, status);
			if (output != null) {
				SpikeFinderCsv.write(output.toPath(), m.traces.names(), m.traces.result(), Padding.NAN);
				log.info("Traces written to " + output);
			}
			outputs.table("ROI traces", m.table());
			outputs.table("ROI summary", m.roiTable());
			outputs.figure(MoviePlots.stackedTraces("ROI traces of " + m.stem(), m.traces.names(), m
				.traces.rateHz(), m.traces.result(), m.unit()));
			m.showRois(rings, outputs);
		}
		catch (IOException | IllegalArgumentException | CancellationException e) {
			cancel(e.getMessage());
		}
	}
}
