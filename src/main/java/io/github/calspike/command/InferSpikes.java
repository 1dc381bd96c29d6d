package io.github.calspike.command;

import io.github.calspike.infer.SpikeInference;
import io.github.calspike.nn.Djl;
import io.github.calspike.plot.TracePlots;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.ui.Outputs;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.scijava.command.Command;
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
public class InferSpikes extends AbstractCsvCommand {

	@Parameter(label = "Model folder (default: bundled rate model for the rate)",
		style = FileWidget.DIRECTORY_STYLE, required = false, persist = false)
	private File model;
	@Parameter(label = "Also write discrete spikes", persist = false)
	private boolean discrete = false;
	@Parameter(label = "Threads", min = "1", persist = false)
	private int threads = Djl.DEFAULT_THREADS;

	/** One run's settings: the command's parameters, as "Batch Infer Spikes" also gives them. */
	static final class Request {
		final File calcium, spikes;
		final double rate;
		File model, output;
		boolean discrete;
		double seconds = TracePlots.DEFAULT_SECONDS;
		int threads = Djl.DEFAULT_THREADS;

		/** Infers from {@code calcium} (with {@code spikes} for scores, may be null) at {@code rate}. */
		Request(File calcium, File spikes, double rate) {
			this.calcium = calcium;
			this.spikes = spikes;
			this.rate = rate;
		}

		/** @return this request, run with {@code model} (null: bundled) on {@code threads} */
		Request model(File model, int threads) {
			this.model = model;
			this.threads = threads;
			return this;
		}

		/**
		 * @return this request, written to {@code output} (null: beside the calcium), with discrete
		 *         spikes or not, plotting {@code seconds} (0: all)
		 */
		Request output(File output, boolean discrete, double seconds) {
			this.output = output;
			this.discrete = discrete;
			this.seconds = seconds;
			return this;
		}
	}

	@Override
	public void run() {
		Request r = new Request(calcium, spikes, rate).model(model, threads).output(output, discrete,
			seconds);
		try {
			infer(r, outputs, log);
		}
		catch (IOException | IllegalArgumentException e) {
			cancel(e.getMessage());
		}
	}

	/**
	 * Reads the calcium (and spikes) CSV, infers, writes the rate CSV (and the discrete spikes)
	 * and sends the tables and figures to {@code outputs}.
	 *
	 * @throws IOException when a file cannot be read or written
	 * @throws IllegalArgumentException naming the parameter, value or file at fault
	 */
	static SpikeInference.Result infer(Request q, Outputs outputs, LogService log)
		throws IOException
	{
		Path out = Inputs.outputFile(q.output, q.calcium, ".spike-rate.csv", outputs);
		Path dOut = SpikeTables.discreteFile(out);
		Map<String, Path> ins = Inputs.inputs("calcium", q.calcium, "spikes", q.spikes);
		Inputs.refuseInputs("output", out, ins);
		if (q.discrete) Inputs.refuseInputs("output", dOut, ins);
		Inputs.Table in = Inputs.table(q.calcium, q.spikes, q.rate);
		TraceSet traces = in.traces;
		SpikeInference.Result r = SpikeInference.run(q.model == null ? null : q.model.toPath(),
			traces, q.threads, source -> log.info("Inferring spikes with " + source));
		SpikeTables.publish(r, out, q.discrete ? dOut : null, in.calcium.padding(), q.seconds,
			outputs, log);
		return r;
	}
}
