package io.github.calspike.command;

import io.github.calspike.analysis.NeuronSummary;
import io.github.calspike.plot.TracePlots;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.SpikeFinderCsv;

import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/** Reads SpikeFinder calcium (and spikes), tabulates each neuron and plots the first three. */
@Plugin(type = Command.class, headless = true,
	menuPath = "Plugins>CalSpike>Load SpikeFinder Data")
public class LoadSpikeFinderData extends CalSpikeCommand {

	/** Title of the per-neuron table. */
	public static final String TABLE = "SpikeFinder neurons";

	@Parameter(label = "Calcium CSV", style = FileWidget.OPEN_STYLE, persist = false)
	private File calcium;

	@Parameter(label = "Spikes CSV (optional)", style = FileWidget.OPEN_STYLE, required = false,
		persist = false)
	private File spikes;

	@Parameter(label = "Sampling rate (Hz)", min = "0", persist = false)
	private double rate = SpikeFinderCsv.DEFAULT_RATE_HZ;

	@Parameter(label = "Interpolate gaps up to (frames)", min = "0", persist = false)
	private int maxgap = 0;

	@Parameter(label = "Seconds to plot (0 = all)", min = "0", persist = false)
	private double seconds = TracePlots.DEFAULT_SECONDS;

	@Override
	public void run() {
		try {
			TraceSet traces = Inputs.read(calcium, spikes, rate, maxgap);
			outputs.table(TABLE, table(traces));
			outputs.figure(TracePlots.calciumWithSpikes(traces, 3, seconds));
		}
		catch (IOException | IllegalArgumentException e) {
			cancel(e.getMessage());
		}
	}

	static ResultsTable table(TraceSet traces) {
		ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		for (int i = 0; i < traces.size(); i++) {
			NeuronSummary s = NeuronSummary.of(traces, i);
			t.addRow();
			t.addValue("label", s.label());
			t.addValue("frames", s.frames());
			t.addValue("duration_s", s.durationS());
			t.addValue("spikes", s.spikes());
			t.addValue("rate_Hz", s.rateHz());
			t.addValue("mean", s.mean());
			t.addValue("sd", s.sd());
		}
		return t;
	}
}
