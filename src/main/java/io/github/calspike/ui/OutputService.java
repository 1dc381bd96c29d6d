package io.github.calspike.ui;

import java.nio.file.Path;

import org.scijava.service.SciJavaService;

/**
 * Where CalSpike commands put their tables and figures. With a display, tables open as ImageJ
 * results windows and figures as chart windows with Save as PNG/SVG. Headless, or when an output
 * folder is set (as the command-line runner does), every table is written as
 * {@code <title>.csv} and every figure as {@code <title>.png} and {@code <title>.svg}.
 */
public interface OutputService extends SciJavaService, Outputs {

	/** Folder used headless when none is set. */
	String DEFAULT_FOLDER = "calspike-out";

	/** Sends outputs to files in {@code dir} from now on; null returns to the default behaviour. */
	void setOutputFolder(Path dir);
}
