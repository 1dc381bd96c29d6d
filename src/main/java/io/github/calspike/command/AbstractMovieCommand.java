package io.github.calspike.command;

import io.github.calspike.extract.ExtractionConfig;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.scijava.plugin.Parameter;
import org.scijava.widget.FileWidget;

/** The parameters every command that measures ROIs in a movie shares, and the extraction call. */
abstract class AbstractMovieCommand extends CalSpikeCommand {

	@Parameter(label = "Movie (image or file)", persist = false)
	protected ImagePlus image;
	@Parameter(label = "ROIs (RoiSet.zip, label image, Neurofinder JSON; empty: ROI Manager)",
		style = FileWidget.OPEN_STYLE, required = false, persist = false)
	protected File rois;
	@Parameter(label = "Frame rate (Hz, 0 = from image)", min = "0", persist = false)
	protected double framerate = 0;
	@Parameter(label = "Neuropil coefficient r (0 = off)", min = "0", max = "1.5", persist = false)
	protected double neuropil = ExtractionConfig.DEFAULT_NEUROPIL;
	@Parameter(label = "dF/F", persist = false)
	protected boolean dff = ExtractionConfig.DEFAULT_DFF;

	/** @return the command's input files: the movie's file (if it came from one) and the ROI file */
	protected Map<String, Path> inputFiles() {
		return Inputs.inputs("image", MovieTraces.sourceFile(image), "rois", rois);
	}

	/** @return the extraction settings from the shared parameters */
	protected ExtractionConfig config() {
		return new ExtractionConfig().withNeuropil(neuropil).withDff(dff);
	}

	/** Extracts the traces with {@code config}; see {@link MovieTraces#extract}. */
	protected MovieTraces extract(ExtractionConfig config, boolean needRate) throws IOException {
		return MovieTraces.extract(image, rois, framerate, config, needRate, log, status);
	}
}
