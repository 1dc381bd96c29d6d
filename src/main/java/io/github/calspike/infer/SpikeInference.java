package io.github.calspike.infer;

import io.github.calspike.analysis.SpikeStatistics;
import io.github.calspike.nn.Djl;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.TraceSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.DoublePredicate;

/**
 * Spike inference as every command runs it: the calibrated rate of each frame of each neuron,
 * discrete spikes fitted to it, each neuron's noise level against the range the model was trained
 * on, and the warnings a user should read (neurons outside that range, flat traces).
 */
public final class SpikeInference {

	private SpikeInference() {}

	/** What inference found for a set of traces. */
	public static final class Result {
		/** The traces inferred from. */
		public final TraceSet traces;
		/** Expected spikes per frame, per neuron, at the traces' rate. */
		public final double[][] rates;
		/** Whole spikes per frame, per neuron. */
		public final double[][] discrete;
		/** CASCADE noise level per neuron. */
		public final double[] noiseLevel;
		/** Whether each neuron's noise level lies inside the model's training range and it is not flat. */
		public final boolean[] fitsModel;
		/** Whether each neuron's trace is flat (no activity; 0 spikes). */
		public final boolean[] flat;
		/** The model's training noise range, {min, max} (NaN when the model does not say). */
		public final double[] noiseRange;
		/** Warnings for the log, one per problem. */
		public final List<String> warnings;

		Result(TraceSet traces, double[][] rates, double[][] discrete, double[] noiseLevel,
			boolean[] fitsModel, boolean[] flat, double[] noiseRange, List<String> warnings)
		{
			this.traces = traces;
			this.rates = rates;
			this.discrete = discrete;
			this.noiseLevel = noiseLevel;
			this.fitsModel = fitsModel;
			this.flat = flat;
			this.noiseRange = noiseRange;
			this.warnings = List.copyOf(warnings);
		}

		/** @return inferred spikes of neuron {@code i} (the sum of its rate) */
		public double inferredSpikes(int i) {
			double s = 0;
			for (double v : rates[i]) if (Double.isFinite(v)) s += v;
			return s;
		}
	}

	/**
	 * Opens the model folder {@code model} (null: the bundled rate model for the traces' rate), runs
	 * it over every neuron with {@code threads} libtorch threads, and closes it.
	 *
	 * @param opened told the model's source once it is open, e.g. to log it
	 * @throws IOException when the model folder cannot be read
	 */
	public static Result run(Path model, TraceSet traces, int threads, Consumer<String> opened)
		throws IOException
	{
		Djl.setThreads(threads);
		try (SpikeRateModel m = model == null ? SpikeRateModel.bundled(traces.rateHz())
			: SpikeRateModel.open(model))
		{
			opened.accept(m.source());
			return run(m, traces);
		}
	}

	/** Runs {@code model} over every neuron of {@code traces}. */
	public static Result run(SpikeRateModel model, TraceSet traces) {
		double[] range = model.trainedNoiseRange();
		double[][] rates = new double[traces.size()][];
		for (int i = 0; i < rates.length; i++) rates[i] = model.rates(traces.calcium(i), traces.rateHz());
		return of(traces, rates, model.spikeWidthFrames(traces.rateHz()), range,
			model::fitsNoiseLevel, "no activity to infer, 0 spikes");
	}

	/**
	 * @return the inference of rates another model computed ({@code rates}: expected spikes per
	 *         frame, per neuron, at the traces' rate): discrete spikes fitted with bumps of
	 *         {@code widthFrames}, noise levels, and flat traces flagged (their rates kept as given);
	 *         no training noise range is known, so every trace that is not flat fits
	 */
	public static Result ofRates(TraceSet traces, double[][] rates, double widthFrames) {
		return of(traces, rates, widthFrames, new double[] { Double.NaN, Double.NaN }, nu -> true,
			"no activity to infer");
	}

	private static Result of(TraceSet traces, double[][] rates, double width, double[] range,
		DoublePredicate fitsNoise, String flatMeans)
	{
		int n = traces.size();
		double[][] discrete = new double[n][];
		double[] nu = new double[n];
		boolean[] fits = new boolean[n], flat = new boolean[n];
		List<String> outside = new ArrayList<>(), flats = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			double[] x = traces.calcium(i);
			discrete[i] = SpikeStatistics.discreteSpikes(rates[i], width);
			nu[i] = SpikeStatistics.noiseLevel(x, traces.rateHz());
			flat[i] = Normalization.isFlat(x);
			fits[i] = !flat[i] && fitsNoise.test(nu[i]);
			if (flat[i]) flats.add(traces.name(i));
			else if (!fits[i]) outside.add(String.format(Locale.ROOT, "%s (%.2f)", traces.name(i), nu[i]));
		}
		List<String> warnings = new ArrayList<>();
		if (!flats.isEmpty()) {
			warnings.add(flats.size() + " of " + n + " traces are flat (every frame the same value): " +
				flatMeans + ": " + String.join(", ", flats));
		}
		if (!outside.isEmpty()) {
			warnings.add(String.format(Locale.ROOT, "%d of %d neurons have a noise level outside the " +
				"range the model was trained on (%.2f to %.2f); their spikes are less reliable: %s",
				outside.size(), n, range[0], range[1], String.join(", ", outside)));
		}
		return new Result(traces, rates, discrete, nu, fits, flat, range, warnings);
	}
}
