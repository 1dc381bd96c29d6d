package io.github.calspike.command;

import io.github.calspike.nn.Djl;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.CancellationException;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * From movie to spikes in one step: extracts ROI traces (as "Extract ROI Traces"), infers the
 * spike rate of every frame with a spike-rate model (as "Infer Spikes", resampling from the
 * movie's frame rate to the model's), and shows traces, spike rates, a raster of inferred spikes
 * and the numbered ROIs.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>CalSpike>Analyze Calcium Movie")
public class AnalyzeCalciumMovie extends AbstractMovieCommand {

	@Parameter(label = "Model folder (default: bundled rate model for the rate)",
		style = FileWidget.DIRECTORY_STYLE, required = false, persist = false)
	private File model;
	@Parameter(label = "Output folder for CSV files (optional)", style = FileWidget.DIRECTORY_STYLE,
		required = false, persist = false)
	private File output;
	@Parameter(label = "Threads", min = "1", persist = false)
	private int threads = Djl.DEFAULT_THREADS;
	@Parameter(label = "Correct motion first", persist = false)
	private boolean register = false;
	@Parameter(label = "Neuron detector folder, used without ROIs (default: bundled)",
		style = FileWidget.DIRECTORY_STYLE, required = false, persist = false)
	private File detector;

	@Override
	public void run() {
		MovieSpikes.Request r = new MovieSpikes.Request(image, rois).extraction(framerate, neuropil,
			dff).model(model, threads).detection(register, detector).output(output);
		try {
			MovieSpikes.analyze(r, outputs, log, status);
		}
		catch (IOException | IllegalArgumentException | CancellationException e) {
			cancel(e.getMessage());
		}
	}
}
