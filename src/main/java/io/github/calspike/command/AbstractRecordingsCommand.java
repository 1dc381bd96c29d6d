package io.github.calspike.command;

import io.github.calspike.trace.Recording;
import io.github.calspike.trace.io.SpikeFinderCsv;

import java.io.File;
import java.io.IOException;
import java.util.List;

import org.scijava.plugin.Parameter;
import org.scijava.widget.FileWidget;

/**
 * The input every command that learns from or studies labelled recordings shares: a calcium CSV
 * or a folder of calcium and spikes pairs, and their rate.
 */
abstract class AbstractRecordingsCommand extends CalSpikeCommand {

	@Parameter(label = "Calcium CSV or folder of pairs", style = FileWidget.FILE_AND_DIRECTORY_STYLE,
		persist = false)
	protected File calcium;
	@Parameter(label = "Spikes CSV (default: beside calcium)", required = false, persist = false)
	protected File spikes;
	@Parameter(label = "Sampling rate (Hz)", min = "0", persist = false)
	protected double rate = SpikeFinderCsv.DEFAULT_RATE_HZ;

	/**
	 * @return the labelled recordings of the input
	 * @throws IOException when a file cannot be read
	 */
	protected List<Recording> recordings() throws IOException {
		return TrainingSession.recordings(calcium, spikes, rate);
	}
}
