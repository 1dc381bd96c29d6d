package io.github.calspike.command;

import io.github.calspike.infer.SpikeClassifierModel;
import io.github.calspike.nn.Djl;
import io.github.calspike.plot.TracePlots;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.SpikeFinderCsv;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Gives every frame of every neuron a spike probability with a trained classifier (by default the
 * bundled one) and writes them as a SpikeFinder CSV shaped like the input.
 */
@Plugin(type = Command.class, headless = true,
	menuPath = "Plugins>CalSpike>Classify Spike Windows")
public class ClassifySpikeWindows extends AbstractCsvCommand {

	@Parameter(label = "Model folder (default: bundled classifier)", style = FileWidget.DIRECTORY_STYLE,
		required = false, persist = false)
	private File model;
	@Parameter(label = "Threads", min = "1", persist = false)
	private int threads = Djl.DEFAULT_THREADS;

	@Override
	public void run() {
		try {
			Path out = Inputs.outputFile(output, calcium, ".spike-probability.csv", outputs);
			Inputs.refuseInputs("output", out, Inputs.inputs("calcium", calcium, "spikes", spikes));
			Inputs.Table in = Inputs.table(calcium, spikes, rate);
			TraceSet traces = in.traces;
			Djl.setThreads(threads);
			double[][] p;
			int spikeN;
			try (SpikeClassifierModel m = model == null ? SpikeClassifierModel.bundled()
				: SpikeClassifierModel.open(model.toPath()))
			{
				log.info("Classifying with " + m.source());
				p = m.probabilities(traces);
				spikeN = m.info().window.spikeN;
			}
			SpikeFinderCsv.write(out, traces.names(), p, in.calcium.padding());
			log.info("Spike probabilities written to " + out);
			outputs.table("Spike probabilities", ClassifierTables.probabilities(traces, p, spikeN));
			if (traces.hasSpikes()) ClassifierTables.scores(outputs, traces, p, spikeN);
			outputs.figure(TracePlots.calciumWithPrediction("Spike probability", traces, p,
				"p(spike)", 3, seconds));
		}
		catch (IOException | IllegalArgumentException e) {
			cancel(e.getMessage());
		}
	}
}
