package io.github.calspike.command;

import io.github.calspike.extract.FrameSource;
import io.github.calspike.extract.RoiList;
import io.github.calspike.extract.RoiMask;
import io.github.calspike.extract.TraceExtractor;
import io.github.calspike.infer.SpikeInference;
import io.github.calspike.model.SpikeRateModel;
import io.github.calspike.nn.Djl;
import io.github.calspike.plot.MoviePlots;
import io.github.calspike.register.RegistrationConfig;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.Padding;
import io.github.calspike.trace.io.SpikeFinderCsv;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

	/** The CSV files written per movie: traces, spike rate, discrete spikes. */
	static final String[] SUFFIXES = { ".traces.csv", ".spike-rate.csv", ".spikes.csv" };

	@Override
	public void run() {
		try {
			Path dir = output != null ? output.toPath() : outputs.outputFolder();
			if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
				throw new IllegalArgumentException("output: " + dir + " is a file, not a folder for the " +
					"CSV files");
			}
			String stem = image == null ? "" : MovieTraces.stem(image);
			if (dir != null) {
				for (String suffix : SUFFIXES) {
					Inputs.refuseInputs("output", dir.resolve(stem + suffix), inputFiles());
				}
			}
			MovieTraces m = MovieTraces.extract(image, rois, framerate, config(), true, log, status,
				steps());
			TraceSet traces = m.traces.traces();
			Djl.setThreads(threads);
			SpikeInference.Result r;
			try (SpikeRateModel sm = model == null ? SpikeRateModel.bundled(traces.rateHz())
				: SpikeRateModel.open(model.toPath()))
			{
				log.info("Inferring spikes with " + sm.source());
				r = SpikeInference.run(sm, traces);
			}
			for (String w : r.warnings) log.warn(w);
			double[][] rate = r.rates, spikes = r.discrete;
			if (dir != null) {
				Files.createDirectories(dir);
				write(dir.resolve(stem + SUFFIXES[0]), traces, m.traces.result());
				write(dir.resolve(stem + SUFFIXES[1]), traces, rate);
				write(dir.resolve(stem + SUFFIXES[2]), traces, spikes);
			}
			outputs.table("ROI traces", m.table());
			outputs.table("ROI summary", m.roiTable());
			outputs.table("Inferred spikes per ROI", SpikeTables.perNeuron(r, null));
			outputs.figure(MoviePlots.stackedTraces("ROI traces of " + m.stem(), traces.names(), traces
				.rateHz(), m.traces.result(), m.unit()));
			outputs.figure(MoviePlots.stackedTraces("Inferred spike rate of " + m.stem(), traces.names(),
				traces.rateHz(), rate, "spikes/frame"));
			outputs.figure(MoviePlots.raster("Spike raster of " + m.stem(), traces.names(), traces
				.rateHz(), spikes));
			m.showRois(false, outputs);
		}
		catch (IOException | IllegalArgumentException | CancellationException e) {
			cancel(e.getMessage());
		}
	}

	/** Registration when asked; detection when there are no ROIs. */
	private MovieTraces.Steps steps() {
		String title = image == null ? "" : image.getTitle();
		TraceExtractor.Progress progress = StatusProgress.of(status, "Preparing '" + title + "': frame");
		return new MovieTraces.Steps() {
			@Override
			public FrameSource frames(FrameSource movie) {
				return register ? NeuronDetection.registered(movie, title, RegistrationConfig.DEFAULT_MAX_SHIFT,
					log, progress) : movie;
			}

			@Override
			public RoiList detect(FrameSource frames) throws IOException {
				log.info("No ROIs given and the ROI Manager is empty: detecting the neurons");
				RoiList.Builder b = new RoiList.Builder(frames.width(), frames.height());
				for (RoiMask mask : NeuronDetection.run(frames, title, detector, 0, log, progress).result
					.neurons.masks()) b.add(mask, 0);
				return b.build();
			}
		};
	}

	private void write(Path file, TraceSet traces, double[][] columns) throws IOException {
		SpikeFinderCsv.write(file, traces.names(), columns, Padding.NAN);
		log.info("Wrote " + file);
	}
}
