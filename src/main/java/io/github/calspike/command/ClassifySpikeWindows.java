package io.github.calspike.command;

import io.github.calspike.analysis.ConfusionMatrix;
import io.github.calspike.analysis.SpikeFinderMetric;
import io.github.calspike.model.SpikeClassifierModel;
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

import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Gives every frame of every neuron a spike probability with a trained classifier (by default the
 * bundled one) and writes them as a SpikeFinder CSV shaped like the input.
 */
@Plugin(type = Command.class, headless = true,
	menuPath = "Plugins>CalSpike>Classify Spike Windows")
public class ClassifySpikeWindows extends ContextCommand {

	@Parameter(label = "Calcium CSV", style = FileWidget.OPEN_STYLE, persist = false)
	private File calcium;
	@Parameter(label = "Spikes CSV (optional, for scores)", style = FileWidget.OPEN_STYLE,
		required = false, persist = false)
	private File spikes;
	@Parameter(label = "Sampling rate (Hz)", min = "0", persist = false)
	private double rate = SpikeFinderCsv.DEFAULT_RATE_HZ;
	@Parameter(label = "Model folder (default: bundled classifier)", style = FileWidget.DIRECTORY_STYLE,
		required = false, persist = false)
	private File model;
	@Parameter(label = "Output CSV", style = FileWidget.SAVE_STYLE, required = false,
		persist = false)
	private File output;
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
			outputs.table("Spike probabilities", perNeuron(traces, p, spikeN));
			if (traces.hasSpikes()) scores(traces, p, spikeN);
			outputs.figure(TracePlots.calciumWithPrediction("Spike probability", traces, p,
				"p(spike)", 3, seconds));
		}
		catch (IOException | IllegalArgumentException e) {
			cancel(e.getMessage());
		}
	}

	private static ResultsTable perNeuron(TraceSet traces, double[][] p, int spikeN) {
		ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		for (int i = 0; i < traces.size(); i++) {
			double sum = 0;
			int above = 0;
			for (double v : p[i]) {
				sum += v;
				if (v > 0.5) above++;
			}
			t.addRow();
			t.addValue("label", traces.name(i));
			t.addValue("frames", p[i].length);
			t.addValue("mean_probability", sum / p[i].length);
			t.addValue("frames_predicted_spike", above);
			if (traces.hasSpikes()) {
				ConfusionMatrix cm = frames(traces.spikes(i), p[i], spikeN);
				t.addValue("balanced_accuracy", cm.balancedAccuracy());
				t.addValue("spikefinder_correlation", SpikeFinderMetric.correlation(traces.spikes(i), p[i],
					SpikeFinderMetric.DEFAULT_FACTOR));
			}
		}
		return t;
	}

	private void scores(TraceSet traces, double[][] p, int spikeN) throws IOException {
		int total = (int) traces.totalFrames(), k = 0;
		boolean[] truth = new boolean[total];
		float[] prob = new float[total];
		double[][] truthCounts = new double[traces.size()][];
		for (int i = 0; i < traces.size(); i++) {
			truthCounts[i] = traces.spikes(i);
			for (int f = 0; f < p[i].length; f++, k++) {
				truth[k] = truthCounts[i][f] >= spikeN;
				prob[k] = (float) p[i][f];
			}
		}
		ConfusionMatrix cm = ConfusionMatrix.of(truth, prob, 0.5);
		outputs.table("Confusion matrix", ClassifierTables.confusion(cm));
		ResultsTable m = ClassifierTables.metrics(cm, "all frames");
		SpikeFinderMetric.Scores sc = SpikeFinderMetric.score(traces.names(), truthCounts, p,
			SpikeFinderMetric.DEFAULT_FACTOR);
		ClassifierTables.row(m, "SpikeFinder correlation (mean over neurons)", sc.mean(),
			"probability vs spikes at 25 Hz");
		ClassifierTables.row(m, "SpikeFinder correlation (median over neurons)", sc.median(),
			"probability vs spikes at 25 Hz");
		outputs.table("Classification scores", m);
	}

	private static ConfusionMatrix frames(double[] spikes, double[] p, int spikeN) {
		boolean[] truth = new boolean[spikes.length];
		float[] prob = new float[spikes.length];
		for (int f = 0; f < spikes.length; f++) {
			truth[f] = spikes[f] >= spikeN;
			prob[f] = (float) p[f];
		}
		return ConfusionMatrix.of(truth, prob, 0.5);
	}
}
