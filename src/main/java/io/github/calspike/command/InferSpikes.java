package io.github.calspike.command;

import io.github.calspike.analysis.SpikeFinderMetric;
import io.github.calspike.analysis.SpikeStatistics;
import io.github.calspike.model.SpikeRateModel;
import io.github.calspike.nn.Djl;
import io.github.calspike.plot.TracePlots;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.SpikeFinderCsv;
import io.github.calspike.train.ClassifierConfig;
import io.github.calspike.ui.OutputService;

import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Infers the spike rate (expected spikes per frame) of every frame of every neuron with a
 * spike-rate model (by default the bundled one) and writes it as a SpikeFinder CSV shaped like
 * the input, at the input's rate.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>CalSpike>Infer Spikes")
public class InferSpikes extends ContextCommand {

	@Parameter(label = "Calcium CSV", style = FileWidget.OPEN_STYLE, persist = false)
	private File calcium;
	@Parameter(label = "Spikes CSV (optional, for scores)", style = FileWidget.OPEN_STYLE,
		required = false, persist = false)
	private File spikes;
	@Parameter(label = "Sampling rate (Hz)", min = "0", persist = false)
	private double rate = SpikeFinderCsv.DEFAULT_RATE_HZ;
	@Parameter(label = "Model folder (default: bundled rate model)",
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
	private int threads = ClassifierConfig.DEFAULT_THREADS;

	@Parameter
	private OutputService outputs;
	@Parameter
	private LogService log;

	@Override
	public void run() {
		try {
			Path out = Inputs.outputFile(output, calcium, ".spike-rate.csv", outputs);
			Path dOut = out.resolveSibling(out.getFileName().toString().replaceFirst("(\\.csv)?$",
				".discrete.csv"));
			Map<String, Path> ins = Inputs.inputs("calcium", calcium, "spikes", spikes);
			Inputs.refuseInputs("output", out, ins);
			if (discrete) Inputs.refuseInputs("output", dOut, ins);
			Inputs.Table in = Inputs.table(calcium, spikes, rate);
			TraceSet traces = in.traces;
			Djl.setThreads(threads);
			double[][] r;
			try (SpikeRateModel m = model == null ? SpikeRateModel.bundled() : SpikeRateModel.open(model
				.toPath()))
			{
				log.info("Inferring spikes with " + m.source());
				r = m.rates(traces);
			}
			SpikeFinderCsv.write(out, traces.names(), r, in.calcium.padding());
			log.info("Spike rates written to " + out);
			if (discrete) {
				double[][] d = new double[r.length][];
				for (int i = 0; i < r.length; i++) d[i] = SpikeStatistics.discreteSpikes(r[i]);
				SpikeFinderCsv.write(dOut, traces.names(), d, in.calcium.padding());
				log.info("Discrete spikes written to " + dOut);
			}
			outputs.table("Inferred spikes", perNeuron(traces, r));
			if (traces.hasSpikes()) outputs.table("SpikeFinder scores", scores(traces, r));
			outputs.figure(TracePlots.calciumWithPrediction("Inferred spike rate", traces, r,
				"spikes/frame", 3, seconds));
		}
		catch (IOException | IllegalArgumentException e) {
			cancel(e.getMessage());
		}
	}

	static ResultsTable perNeuron(TraceSet traces, double[][] r) {
		ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		for (int i = 0; i < traces.size(); i++) {
			double sum = 0;
			for (double v : r[i]) sum += v;
			double duration = r[i].length / traces.rateHz();
			t.addRow();
			t.addValue("label", traces.name(i));
			t.addValue("frames", r[i].length);
			t.addValue("noise_level", SpikeStatistics.noiseLevel(traces.calcium(i), traces.rateHz()));
			t.addValue("inferred_spikes", sum);
			t.addValue("mean_rate_Hz", sum / duration);
			if (traces.hasSpikes()) {
				double[] truth = traces.spikes(i);
				double n = 0;
				for (double v : truth) n += v;
				t.addValue("recorded_spikes", n);
				t.addValue("spikefinder_correlation", SpikeFinderMetric.correlation(truth, r[i],
					SpikeFinderMetric.DEFAULT_FACTOR));
			}
		}
		return t;
	}

	private static ResultsTable scores(TraceSet traces, double[][] r) {
		double[][] truth = new double[traces.size()][];
		for (int i = 0; i < truth.length; i++) truth[i] = traces.spikes(i);
		SpikeFinderMetric.Scores sc = SpikeFinderMetric.score(traces.names(), truth, r,
			SpikeFinderMetric.DEFAULT_FACTOR);
		ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		ClassifierTables.row(t, "SpikeFinder correlation (mean over neurons)", sc.mean(),
			traces.size() + " neurons at 25 Hz");
		ClassifierTables.row(t, "SpikeFinder correlation (median over neurons)", sc.median(),
			traces.size() + " neurons at 25 Hz");
		return t;
	}
}
