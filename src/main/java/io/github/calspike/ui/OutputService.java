package io.github.calspike.ui;

import io.github.calspike.plot.Figure;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.io.IOException;
import java.nio.file.Path;

import org.scijava.service.SciJavaService;

/**
 * Where CalSpike commands put their tables and figures. With a display, tables open as ImageJ
 * results windows and figures as chart windows with Save as PNG/SVG. Headless, or when an output
 * folder is set (as the command-line runner does), every table is written as
 * {@code <title>.csv} and every figure as {@code <title>.png} and {@code <title>.svg}.
 */
public interface OutputService extends SciJavaService {

	/** Folder used headless when none is set. */
	String DEFAULT_FOLDER = "calspike-out";

	/** Sends outputs to files in {@code dir} from now on; null returns to the default behaviour. */
	void setOutputFolder(Path dir);

	/** @return the folder files go to, or null when outputs are shown in windows */
	Path outputFolder();

	/** Shows or saves a table under {@code title}. */
	void table(String title, ResultsTable table) throws IOException;

	/** Shows or saves a figure under its title. */
	void figure(Figure figure) throws IOException;

	/**
	 * Shows an image (an RGB picture such as an overlay) or saves it as {@code <title>.png}, with
	 * its overlay drawn in.
	 */
	void image(ImagePlus image) throws IOException;

	/** @return whether outputs go to windows (a display, no output folder), so a GUI may be shown */
	default boolean isInteractive() {
		return outputFolder() == null;
	}

}
