package io.github.calspike.ui;

import io.github.calspike.plot.Figure;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where one run puts its tables, figures and images: windows (with a display and no folder) or
 * files in a folder. {@link OutputService} is the session's; {@link #toFolder} gives a run its
 * own folder without touching the session's (what "Batch Infer Spikes" does for each input).
 */
public interface Outputs {

	/** @return the folder files go to, or null when outputs are shown in windows */
	Path outputFolder();

	/** Shows or saves a table under {@code title}: {@code <title>.csv} in a folder. */
	void table(String title, ResultsTable table) throws IOException;

	/** Shows or saves a figure under its title: {@code <title>.png} and {@code .svg} in a folder. */
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

	/**
	 * @param written told each file written, e.g. to log it (null for nobody)
	 * @return outputs that write every table, figure and image into {@code dir} and show nothing
	 */
	static Outputs toFolder(Path dir, Consumer<Path> written) {
		return new FolderOutputs(dir, written);
	}
}
