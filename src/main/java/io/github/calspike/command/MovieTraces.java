package io.github.calspike.command;

import io.github.calspike.extract.ExtractedTraces;
import io.github.calspike.extract.ExtractionConfig;
import io.github.calspike.extract.FrameSource;
import io.github.calspike.extract.RoiExtraction;
import io.github.calspike.extract.RoiList;
import io.github.calspike.extract.ij.ImagePlusFrames;
import io.github.calspike.extract.ij.RoiInputs;
import io.github.calspike.extract.ij.RoiOverlays;
import io.github.calspike.progress.Progress;
import io.github.calspike.ui.Outputs;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.scijava.app.StatusService;
import org.scijava.log.LogService;

/** What "Extract ROI Traces" and "Analyze Calcium Movie" share: reading inputs and showing ROIs. */
final class MovieTraces {

	final ImagePlus image;
	final FrameSource frames;
	final ExtractedTraces traces;
	final boolean rateKnown;

	private MovieTraces(ImagePlus image, FrameSource frames, ExtractedTraces traces,
		boolean rateKnown)
	{
		this.image = image;
		this.frames = frames;
		this.traces = traces;
		this.rateKnown = rateKnown;
	}

	/**
	 * Extracts traces, reporting progress on the status bar; Esc cancels. Warnings about skipped
	 * ROIs go to the log.
	 *
	 * @param rois a ROI file, or null for the ROI Manager
	 * @param framerate frames per second, or 0 to take the image's frame interval
	 * @param needRate whether a frame rate is required (dF/F, spike inference)
	 */
	static MovieTraces extract(ImagePlus image, File rois, double framerate, ExtractionConfig config,
		boolean needRate, LogService log, StatusService status) throws IOException
	{
		try {
			return extract(image, rois, framerate, config, needRate, log, StatusProgress.of(status,
				"'" + (image == null ? "" : image.getTitle()) + "'"), null);
		}
		finally {
			status.clearStatus();
		}
	}

	/** Optional steps before measuring: motion correction, and detection when no ROIs are given. */
	interface Steps {
		/** @return the frames to measure (e.g. registered) */
		FrameSource frames(FrameSource movie) throws IOException;

		/** @return the neurons of {@code frames}, when no ROI file is given and the ROI Manager is empty */
		RoiList detect(FrameSource frames) throws IOException;
	}

	/**
	 * As {@link #extract(ImagePlus, File, double, ExtractionConfig, boolean, LogService,
	 * StatusService)}, with {@code steps} (null for none), measuring reported to {@code measuring}.
	 */
	static MovieTraces extract(ImagePlus image, File rois, double framerate, ExtractionConfig config,
		boolean needRate, LogService log, Progress measuring, Steps steps) throws IOException
	{
		if (image == null) throw new IllegalArgumentException("image: no movie given (an open image, " +
			"or the path of an image file)");
		if (framerate < 0) throw new IllegalArgumentException("framerate: must not be negative, got " +
			framerate);
		if (image.getWidth() <= 0 || image.getHeight() <= 0 || image.getStackSize() == 0) {
			throw new IllegalArgumentException("image: '" + image.getTitle() + "' holds no pixels (no " +
				"such file, or an empty image)");
		}
		FrameSource frames = ImagePlusFrames.of(image);
		if (steps != null) frames = steps.frames(frames);
		double rate = framerate > 0 ? framerate : ImagePlusFrames.frameRateHz(image);
		boolean known = rate > 0;
		if (!known) {
			if (needRate || config.dff()) {
				throw new IllegalArgumentException("framerate: '" + image.getTitle() + "' has no frame " +
					"interval; give the frame rate in Hz, e.g. framerate=7.5" + (config.dff()
						? " (dF/F's baseline window is in seconds)" : ""));
			}
			rate = 1;
			log.warn("'" + image.getTitle() + "' has no frame interval and no framerate was given: " +
				"the time column counts frames");
		}
		RoiList list = rois != null ? RoiInputs.read(rois.toPath(), frames.width(), frames.height())
			: steps != null && RoiInputs.roiManagerIsEmpty() ? steps.detect(frames) : RoiInputs
				.fromRoiManager(frames.width(), frames.height());
		for (String w : list.warnings()) log.warn(w);
		if (list.masks().isEmpty()) {
			throw new IllegalArgumentException("rois: no usable ROI in " + (rois == null
				? "the ROI Manager or the detection" : rois) + " for the " + frames.width() + "x" + frames.height() +
				" image");
		}
		String what = "measuring " + list.masks().size() + " ROIs, ";
		ExtractedTraces t = RoiExtraction.extract(frames, list.masks(), rate, config, (f, s) ->
			measuring.report(f, what + s));
		if (t.dff() != null) {
			List<String> raw = new ArrayList<>();
			for (int i = 0; i < t.names().size(); i++) if (t.rawDenominator(i)) raw.add(t.names().get(i));
			if (!raw.isEmpty()) log.warn(raw.size() + " of " + t.names().size() + " ROIs have a ring " +
				"about as bright as themselves (corrected baseline under " + (int) (100 *
					ExtractionConfig.MIN_BASELINE_FRACTION) + "% of the raw one); their dF/F divides by the " +
				"raw baseline: " + String.join(", ", raw));
		}
		log.info(String.format(Locale.ROOT, "Extracted %d ROIs x %d frames from '%s' at %s Hz%s",
			t.names().size(), frames.frames(), image.getTitle(), known ? Double.toString(rate)
				: "(unknown)", config.usesNeuropil() ? ", neuropil r=" + config.neuropil() : ""));
		return new MovieTraces(image, frames, t, known);
	}

	/** @return time (s, or frames when the rate is unknown) and one column Mean1..N per ROI */
	ResultsTable table() {
		ResultsTable rt = new ResultsTable();
		rt.showRowNumbers(false);
		double[][] y = traces.result();
		int n = y.length, frames = y[0].length;
		for (int f = 0; f < frames; f++) {
			rt.addRow();
			rt.addValue(rateKnown ? "time" : "frame", rateKnown ? f / traces.rateHz() : f + 1);
			for (int i = 0; i < n; i++) rt.addValue("Mean" + (i + 1), y[i][f]);
		}
		return rt;
	}

	/** @return one row per ROI: number, name, size, ring size, centroid, mean raw and ring F */
	ResultsTable roiTable() {
		ResultsTable rt = new ResultsTable();
		rt.showRowNumbers(false);
		for (int i = 0; i < traces.names().size(); i++) {
			double[] c = traces.rois().get(i).centroid();
			rt.addRow();
			rt.addValue("ROI", i + 1);
			rt.addValue("name", traces.names().get(i));
			rt.addValue("pixels", traces.rois().get(i).size());
			if (traces.rings() != null) rt.addValue("ring_pixels", traces.rings().get(i).size());
			rt.addValue("x", c[0]);
			rt.addValue("y", c[1]);
			rt.addValue("mean_F", mean(traces.raw()[i]));
			if (traces.ring() != null) rt.addValue("mean_ring_F", mean(traces.ring()[i]));
			if (traces.dff() != null) rt.addValue("dff_divides_by", traces.rawDenominator(i) ? "F0_raw"
				: "F0");
		}
		return rt;
	}

	/** @return what the traces are: "dF/F", "F - r*F_ring" or "F" */
	String unit() {
		return traces.dff() != null ? "dF/F" : traces.ring() != null ? "F - r*F_ring" : "F";
	}

	/**
	 * Shows the numbered ROIs (and rings) on the movie when windows are shown; otherwise saves a
	 * PNG of the mean image with the ROIs drawn in.
	 */
	void showRois(boolean rings, Outputs outputs) throws IOException {
		if (outputs.isInteractive()) {
			image.setOverlay(RoiOverlays.overlay(traces.rois(), rings ? traces.rings() : null, 1));
			if (image.getWindow() == null) image.show();
		}
		else {
			outputs.image(RoiOverlays.picture("ROIs on " + stem(), frames, traces.rois(), rings ? traces
				.rings() : null));
		}
	}

	/** @return the image title without its extension */
	String stem() {
		return stem(image);
	}

	/** @return {@code image}'s title without its extension */
	static String stem(ImagePlus image) {
		return image.getTitle().replaceFirst("\\.(ome\\.)?tiff?$", "");
	}

	/** @return the file an image was opened from, or null (made in memory, or unknown) */
	static Path sourceFile(ImagePlus image) {
		if (image == null) return null;
		FileInfo fi = image.getOriginalFileInfo();
		if (fi == null || fi.fileName == null || fi.fileName.isEmpty() || fi.directory == null || fi
			.directory.isEmpty()) return null;
		return Paths.get(fi.directory, fi.fileName);
	}

	private static double mean(double[] x) {
		double s = 0;
		for (double v : x) s += v;
		return s / x.length;
	}
}
