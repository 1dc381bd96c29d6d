package io.github.calspike.command;

import io.github.calspike.infer.TensorFlowInference;
import io.github.calspike.infer.TensorFlowSettings;
import io.github.calspike.nn.TensorFlow;
import io.github.calspike.plot.TracePlots;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.SpikeFinderCsv;
import io.github.calspike.train.RateConfig;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Runs a Keras/TensorFlow SavedModel on every frame of every neuron, through DJL's TensorFlow
 * engine, and gives the outputs of "Classify Spike Windows" (probabilities) or "Infer Spikes"
 * (rates). Settings left on "auto" come from calspike.json beside the model, else from its
 * signature and the defaults; the first run stores them there.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>CalSpike>Run TensorFlow Model")
public class RunTensorFlowModel extends AbstractCsvCommand {

	static final String AUTO = "auto";

	@Parameter(label = "SavedModel (folder or zip)", style = FileWidget.OPEN_STYLE, persist = false)
	private File savedmodel;
	@Parameter(label = "Bins per window (0 = auto)", min = "0", persist = false)
	private int window = 0;
	@Parameter(label = "Input layout", choices = { AUTO, "samples,bins", "samples,bins,features" },
		persist = false)
	private String layout = AUTO;
	@Parameter(label = "Features per bin", choices = { AUTO, "raw", "x,dx,x2" }, persist = false)
	private String features = AUTO;
	@Parameter(label = "Normalization", choices = { AUTO, Normalization.Labels.ROBUST_ZSCORE,
		Normalization.Labels.ZSCORE, Normalization.Labels.NOISE, Normalization.Labels.NONE },
		persist = false)
	private String normalization = AUTO;
	@Parameter(label = "Model's sampling rate (Hz, 0 = auto)", min = "0", persist = false)
	private double modelrate = 0;
	@Parameter(label = "Output kind", choices = { AUTO, "probability", "rate" }, persist = false)
	private String kind = AUTO;
	@Parameter(label = "Signature", persist = false)
	private String signature = TensorFlowSettings.DEFAULT_SIGNATURE;
	@Parameter(label = "Also write discrete spikes (rate models)", persist = false)
	private boolean discrete = false;

	@Override
	public void run() {
		try {
			if (savedmodel == null) throw new IllegalArgumentException("savedmodel= is empty: give a " +
				"SavedModel folder or a zip of one");
			Map<String, Path> ins = Inputs.inputs("calcium", calcium, "spikes", spikes, "savedmodel",
				savedmodel);
			if (output != null) Inputs.refuseInputs("output", output.toPath(), ins); // before any work
			Inputs.Table in = Inputs.table(calcium, spikes, rate);
			TensorFlow.engine(); // first: says what to install when TensorFlow is missing
			TraceSet traces = in.traces;
			TensorFlowInference.Result r = TensorFlowInference.run(savedmodel.toPath(), given(),
				signature, traces, RateConfig.DEFAULT_SMOOTHING_S);
			log.info("Ran " + r.source + " with " + r.settings);
			for (String m : r.messages) log.info(m);
			boolean rates = r.settings.kind == TensorFlowSettings.Kind.RATE;
			Path out = Inputs.outputFile(output, calcium, rates ? ".spike-rate.csv"
				: ".spike-probability.csv", outputs);
			Inputs.refuseInputs("output", out, ins); // the default name, now that the kind is known
			if (rates) {
				Path dOut = discrete ? SpikeTables.discreteFile(out) : null;
				if (dOut != null) Inputs.refuseInputs("output", dOut, ins);
				SpikeTables.publish(r.spikes, out, dOut, in.calcium.padding(), seconds, outputs, log);
				return;
			}
			SpikeFinderCsv.write(out, traces.names(), r.outputs, in.calcium.padding());
			log.info("Spike probabilities written to " + out);
			int spikeN = r.settings.windowSpec().spikeN();
			outputs.table("Spike probabilities", ClassifierTables.probabilities(traces, r.outputs,
				spikeN));
			if (traces.hasSpikes()) ClassifierTables.scores(outputs, traces, r.outputs, spikeN);
			outputs.figure(TracePlots.calciumWithPrediction("Spike probability", traces, r.outputs,
				"p(spike)", 3, seconds));
		}
		catch (IOException | IllegalArgumentException | IllegalStateException e) {
			cancel(e.getMessage());
		}
	}

	private TensorFlowSettings.Given given() {
		TensorFlowSettings.Given g = new TensorFlowSettings.Given();
		g.window = window;
		g.layout = AUTO.equals(layout) ? null : TensorFlowSettings.Layout.fromLabel(layout);
		g.features = AUTO.equals(features) ? null : TensorFlowSettings.Features.fromLabel(features);
		g.normalization = AUTO.equals(normalization) ? null : Normalization.fromLabel(normalization);
		g.modelRateHz = modelrate;
		g.kind = AUTO.equals(kind) ? null : TensorFlowSettings.Kind.fromLabel(kind);
		return g;
	}
}
