package io.github.calspike.command;

import io.github.calspike.plot.TracePlots;
import io.github.calspike.trace.io.SpikeFinderCsv;

import java.io.File;

import org.scijava.plugin.Parameter;
import org.scijava.widget.FileWidget;

/**
 * The parameters the commands that run a CalSpike model over one SpikeFinder calcium CSV share
 * (Infer Spikes, Classify Spike Windows, Run TensorFlow Model): the calcium and (optional) spikes
 * files, their rate, the output CSV, and the seconds plotted. SciJava lists a superclass's
 * parameters first, so each dialog asks for the data before the model.
 */
abstract class AbstractCsvCommand extends CalSpikeCommand {

	@Parameter(label = "Calcium CSV", style = FileWidget.OPEN_STYLE, persist = false)
	protected File calcium;
	@Parameter(label = "Spikes CSV (optional, for scores)", style = FileWidget.OPEN_STYLE,
		required = false, persist = false)
	protected File spikes;
	@Parameter(label = "Sampling rate (Hz)", min = "0", persist = false)
	protected double rate = SpikeFinderCsv.DEFAULT_RATE_HZ;
	@Parameter(label = "Output CSV", style = FileWidget.SAVE_STYLE, required = false,
		persist = false)
	protected File output;
	@Parameter(label = "Seconds to plot (0 = all)", min = "0", persist = false)
	protected double seconds = TracePlots.DEFAULT_SECONDS;
}
