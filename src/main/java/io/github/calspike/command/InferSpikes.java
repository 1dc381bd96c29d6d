package io.github.calspike.command;

import io.github.calspike.infer.SpikeInference;
import io.github.calspike.model.SpikeRateModel;
import io.github.calspike.nn.Djl;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.SpikeFinderCsv;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Infers the spike rate (expected spikes per frame) of every frame of every neuron with a
 * spike-rate model (by default the bundled one) and writes it as a SpikeFinder CSV shaped like
 * the input, at the input's rate.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>CalSpike>Infer Spikes")
public class InferSpikes extends CalSpikeCommand {

	@Parameter(label = "Calcium CSV", style = FileWidget.OPEN_STYLE, persist = false)
	private File calcium;
	@Parameter(label = "Spikes CSV (optional, for scores)", style = FileWidget.OPEN_STYLE,
		required = false, persist = false)
	private File spikes;
	@Parameter(label = "Sampling rate (Hz)", min = "0", persist = false)
	private double rate = SpikeFinderCsv.DEFAULT_RATE_HZ;
	@Parameter(label = "Model folder (default: bundled rate model for the rate)",
		style = FileWidget.DIRECTORY_STYLE, required = false, persist = false)
	private File model;
	@Parameter(label = "Output CSV", style = FileWidget.SAVE_STYLE, required = false,
		persist = false)
	private File output;
	@Parameter(label = "Also write discrete spikes", persist = false)
	private boolean discrete = false;
	@Parameter(label = "Seconds to plot (0 = all)", min = "0", persist = false)
	private double seconds = 60;
	@Parameter(label = "Threads", min = "1", persist = false)
	private int threads = Djl.DEFAULT_THREADS;

	@Override
	public void run() {
		try {
			Path out = Inputs.outputFile(output, calcium, ".spike-rate.csv", outputs);
			Path dOut = SpikeTables.discreteFile(out);
			Map<String, Path> ins = Inputs.inputs("calcium", calcium, "spikes", spikes);
			Inputs.refuseInputs("output", out, ins);
			if (discrete) Inputs.refuseInputs("output", dOut, ins);
			Inputs.Table in = Inputs.table(calcium, spikes, rate);
			TraceSet traces = in.traces;
			Djl.setThreads(threads);
			SpikeInference.Result r;
			try (SpikeRateModel m = model == null ? SpikeRateModel.bundled(traces.rateHz())
				: SpikeRateModel.open(model.toPath()))
			{
				log.info("Inferring spikes with " + m.source());
				r = SpikeInference.run(m, traces);
			}
			SpikeTables.publish(r, out, discrete ? dOut : null, in.calcium.padding(), seconds, outputs,
				log);
		}
		catch (IOException | IllegalArgumentException e) {
			cancel(e.getMessage());
		}
	}
}
