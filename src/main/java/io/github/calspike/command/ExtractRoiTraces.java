package io.github.calspike.command;

import io.github.calspike.extract.ExtractionConfig;
import io.github.calspike.plot.MoviePlots;
import io.github.calspike.trace.io.Padding;
import io.github.calspike.trace.io.SpikeFinderCsv;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.CancellationException;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Measures the mean of every ROI in every frame of a movie in one pass, subtracts neuropil
 * (F - r * F_ring) and optionally computes dF/F; shows a traces table, a stacked trace plot and
 * the numbered ROIs, and writes the traces as a SpikeFinder CSV.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>CalSpike>Extract ROI Traces")
public class ExtractRoiTraces extends AbstractMovieCommand {

	@Parameter(label = "Baseline percentile", min = "0", max = "100", persist = false)
	private double percentile = ExtractionConfig.DEFAULT_PERCENTILE;
	@Parameter(label = "Baseline window (s)", min = "0", persist = false)
	private double baseline = ExtractionConfig.DEFAULT_BASELINE_SECONDS;
	@Parameter(label = "Show neuropil rings", persist = false)
	private boolean rings = false;
	@Parameter(label = "Output CSV (optional)", style = FileWidget.SAVE_STYLE, required = false,
		persist = false)
	private File output;

	@Override
	public void run() {
		try {
			if (output != null) Inputs.refuseInputs("output", output.toPath(), inputFiles());
			MovieTraces m = extract(config().withBaseline(percentile, baseline), false);
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
