package io.github.calspike.command;

import io.github.calspike.extract.ExtractionConfig;
import io.github.calspike.extract.FrameSource;
import io.github.calspike.extract.RoiList;
import io.github.calspike.extract.RoiMask;
import io.github.calspike.infer.SpikeInference;
import io.github.calspike.nn.Djl;
import io.github.calspike.plot.MoviePlots;
import io.github.calspike.progress.Progress;
import io.github.calspike.register.RegistrationConfig;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.Padding;
import io.github.calspike.trace.io.SpikeFinderCsv;
import io.github.calspike.ui.Outputs;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import org.scijava.app.StatusService;
import org.scijava.log.LogService;

/**
 * What "Analyze Calcium Movie" does, callable with explicit outputs (as "Batch Infer Spikes" calls
 * it for each movie): extraction, registration and detection when asked or needed, inference,
 * the three CSV files, and the tables and figures.
 */
final class MovieSpikes {

	private MovieSpikes() {}

	/** Title of the per-ROI table. */
	static final String TABLE = "Inferred spikes per ROI";

	/** The CSV files written per movie: traces, spike rate, discrete spikes. */
	static final String[] SUFFIXES = { ".traces.csv", ".spike-rate.csv", ".spikes.csv" };

	/** One run's settings: the command's parameters, as "Batch Infer Spikes" also gives them. */
	static final class Request {
		final ImagePlus image;
		final File rois;
		File model, output, detector;
		double framerate, neuropil = ExtractionConfig.DEFAULT_NEUROPIL;
		boolean dff = ExtractionConfig.DEFAULT_DFF, register;
		int threads = Djl.DEFAULT_THREADS;

		/** Analyses {@code image} in {@code rois} (null: detected). */
		Request(ImagePlus image, File rois) {
			this.image = image;
			this.rois = rois;
		}

		/** @return this request, measured at {@code framerate} (0: the image's) with these settings */
		Request extraction(double framerate, double neuropil, boolean dff) {
			this.framerate = framerate;
			this.neuropil = neuropil;
			this.dff = dff;
			return this;
		}

		/** @return this request, inferred with {@code model} (null: bundled) on {@code threads} */
		Request model(File model, int threads) {
			this.model = model;
			this.threads = threads;
			return this;
		}

		/**
		 * @return this request, registered first or not, and detecting without ROIs with
		 *         {@code detector} (null: bundled)
		 */
		Request detection(boolean register, File detector) {
			this.register = register;
			this.detector = detector;
			return this;
		}

		/** @return this request, writing its CSV files to {@code output} (null: the session's) */
		Request output(File output) {
			this.output = output;
			return this;
		}
	}

	/**
	 * Extracts (after registration and detection when asked or needed), infers, writes the three
	 * CSV files to the output folder (the request's, else {@code outputs}'), and sends the tables
	 * and figures to {@code outputs}.
	 *
	 * @throws IOException when a file cannot be read or written
	 * @throws IllegalArgumentException naming the parameter, value or file at fault
	 * @throws CancellationException when the user cancelled a step
	 */
	static SpikeInference.Result analyze(Request q, Outputs outputs, LogService log,
		StatusService status) throws IOException
	{
		Path dir = q.output != null ? q.output.toPath() : outputs.outputFolder();
		if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
			throw new IllegalArgumentException("output: " + dir + " is a file, not a folder for the " +
				"CSV files");
		}
		String stem = q.image == null ? "" : MovieTraces.stem(q.image);
		if (dir != null) {
			for (String suffix : SUFFIXES) {
				Inputs.refuseInputs("output", dir.resolve(stem + suffix), Inputs.inputs("image",
					MovieTraces.sourceFile(q.image), "rois", q.rois));
			}
		}
		// one status bar for the whole preparation: registration, detection (when there are no ROIs)
		// and measuring each own a slice of it
		String title = q.image == null ? "" : q.image.getTitle();
		Progress all = StatusProgress.of(status, "Analyzing '" + title + "'");
		double reg = q.register ? 1 : 0, det = q.rois == null ? 1 : 0, parts = reg + det + 1;
		MovieTraces m;
		try {
			m = MovieTraces.extract(q.image, q.rois, q.framerate, new ExtractionConfig().withNeuropil(
				q.neuropil).withDff(q.dff), true, log, all.sub((reg + det) / parts, 1 / parts), steps(q,
					log, all.sub(0, reg / parts), all.sub(reg / parts, det / parts)));
		}
		finally {
			status.clearStatus();
		}
		TraceSet traces = m.traces.traces();
		SpikeInference.Result r = SpikeInference.run(q.model == null ? null : q.model.toPath(),
			traces, q.threads, source -> log.info("Inferring spikes with " + source));
		for (String w : r.warnings) log.warn(w);
		double[][] rate = r.rates, spikes = r.discrete;
		if (dir != null) {
			Files.createDirectories(dir);
			write(dir.resolve(stem + SUFFIXES[0]), traces, m.traces.result(), log);
			write(dir.resolve(stem + SUFFIXES[1]), traces, rate, log);
			write(dir.resolve(stem + SUFFIXES[2]), traces, spikes, log);
		}
		outputs.table("ROI traces", m.table());
		outputs.table("ROI summary", m.roiTable());
		outputs.table(TABLE, SpikeTables.perNeuron(r, null));
		outputs.figure(MoviePlots.stackedTraces("ROI traces of " + m.stem(), traces.names(), traces
			.rateHz(), m.traces.result(), m.unit()));
		outputs.figure(MoviePlots.stackedTraces("Inferred spike rate of " + m.stem(), traces.names(),
			traces.rateHz(), rate, "spikes/frame"));
		outputs.figure(MoviePlots.raster("Spike raster of " + m.stem(), traces.names(), traces
			.rateHz(), spikes));
		m.showRois(false, outputs);
		return r;
	}

	/** Registration when asked; detection when there are no ROIs. */
	private static MovieTraces.Steps steps(Request q, LogService log, Progress registering,
		Progress detecting)
	{
		String title = q.image == null ? "" : q.image.getTitle();
		return new MovieTraces.Steps() {
			@Override
			public FrameSource frames(FrameSource movie) {
				return q.register ? NeuronDetection.registered(movie, title,
					RegistrationConfig.DEFAULT_MAX_SHIFT, log, registering) : movie;
			}

			@Override
			public RoiList detect(FrameSource frames) throws IOException {
				log.info("No ROIs given and the ROI Manager is empty: detecting the neurons");
				RoiList.Builder b = new RoiList.Builder(frames.width(), frames.height());
				for (RoiMask mask : NeuronDetection.run(frames, title, q.detector, 0, log, detecting)
					.result.neurons.masks()) b.add(mask, 0);
				return b.build();
			}
		};
	}

	private static void write(Path file, TraceSet traces, double[][] columns, LogService log)
		throws IOException
	{
		SpikeFinderCsv.write(file, traces.names(), columns, Padding.NAN);
		log.info("Wrote " + file);
	}
}
