package io.github.calspike.infer;

import io.github.calspike.analysis.SpikeStatistics;
import io.github.calspike.nn.Djl;
import io.github.calspike.trace.Detrend;
import io.github.calspike.trace.EventGate;
import io.github.calspike.trace.EventSizes;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.TraceSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Spike inference as every command runs it: the calibrated rate of each frame of each neuron,
 * discrete spikes fitted to it, each neuron's noise level and event size against the ranges the
 * model was trained and calibrated on, and the warnings a user should read (neurons outside those
 * ranges, flat traces).
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
		/** The model's training noise range, {min, max} (NaN when the model does not say). */
		public final double[] noiseRange;
		/** Event size per neuron ({@link EventSizes#of}; NaN for a flat trace). */
		public final double[] eventSize;
		/**
		 * The event sizes of the traces the model's gain at this rate was fitted on, {min, max}
		 * (NaN when the model does not say).
		 */
		public final double[] eventRange;
		/**
		 * The factor each neuron's rate was scaled by for an event size outside the model's range
		 * ({@link SpikeRateModel#eventSizeFactor}; 1 inside it, and for rates of another model).
		 */
		public final double[] eventSizeFactor;
		/**
		 * Whether each neuron's noise level and event size lie inside the model's ranges and its
		 * trace is not flat.
		 */
		public final boolean[] fitsModel;
		/** Whether each neuron's trace is flat (no activity; 0 spikes). */
		public final boolean[] flat;
		/** Warnings for the log, one per problem. */
		public final List<String> warnings;

		private Result(TraceSet traces, double[][] rates, double[][] discrete, double[] noiseRange,
			double[] eventRange, List<String> warnings)
		{
			int n = traces.size();
			this.traces = traces;
			this.rates = rates;
			this.discrete = discrete;
			this.noiseLevel = new double[n];
			this.noiseRange = noiseRange;
			this.eventSize = new double[n];
			this.eventRange = eventRange;
			this.eventSizeFactor = new double[n];
			this.fitsModel = new boolean[n];
			this.flat = new boolean[n];
			this.warnings = Collections.unmodifiableList(warnings);
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
		double hz = traces.rateHz();
		double[][] rates = new double[traces.size()][];
		double[] sizes = new double[rates.length];
		for (int i = 0; i < rates.length; i++) {
			double[] c = traces.calcium(i), detrended = model.detrended(c, hz); // once for both
			sizes[i] = EventSizes.of(detrended);
			rates[i] = model.rates(c, detrended, sizes[i], hz);
		}
		return of(traces, rates, sizes, model.spikeWidthFrames(hz), model,
			"no activity to infer, 0 spikes");
	}

	/**
	 * @return the inference of rates another model computed ({@code rates}: expected spikes per
	 *         frame, per neuron, at the traces' rate): discrete spikes fitted with bumps of
	 *         {@code widthFrames}, noise levels and event sizes, and flat traces flagged (their
	 *         rates kept as given); no training range is known, so every trace that is not flat
	 *         fits
	 */
	public static Result ofRates(TraceSet traces, double[][] rates, double widthFrames) {
		double[] sizes = new double[traces.size()];
		for (int i = 0; i < sizes.length; i++) {
			sizes[i] = EventSizes.of(Detrend.apply(traces.calcium(i), traces.rateHz(),
				EventGate.DEFAULT_DETREND_S));
		}
		return of(traces, rates, sizes, widthFrames, null, "no activity to infer");
	}

	private static Result of(TraceSet traces, double[][] rates, double[] eventSizes, double width,
		SpikeRateModel model, String flatMeans)
	{
		int n = traces.size();
		double hz = traces.rateHz();
		double[] none = { Double.NaN, Double.NaN };
		List<String> warnings = new ArrayList<>();
		Result r = new Result(traces, rates, new double[n][], model == null ? none : model
			.trainedNoiseRange(), model == null ? none : model.eventSizeRange(hz), warnings);
		List<String> flats = new ArrayList<>(), noisy = new ArrayList<>(), larger = new ArrayList<>(),
			smaller = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			double[] x = traces.calcium(i);
			r.discrete[i] = SpikeStatistics.discreteSpikes(rates[i], width);
			r.noiseLevel[i] = SpikeStatistics.noiseLevel(x, hz);
			r.flat[i] = Normalization.isFlat(x);
			r.eventSize[i] = eventSizes[i];
			r.eventSizeFactor[i] = model == null ? 1 : model.eventSizeFactor(eventSizes[i], hz);
			boolean noiseFits = model == null || model.fitsNoiseLevel(r.noiseLevel[i]);
			boolean sizeFits = model == null || model.fitsEventSize(r.eventSize[i], hz);
			r.fitsModel[i] = !r.flat[i] && noiseFits && sizeFits;
			String name = traces.name(i);
			if (r.flat[i]) {
				flats.add(name);
				continue;
			}
			if (!noiseFits) noisy.add(String.format(Locale.ROOT, "%s (%.2f)", name, r.noiseLevel[i]));
			if (!sizeFits) {
				(r.eventSize[i] > r.eventRange[1] ? larger : smaller).add(String.format(Locale.ROOT,
					r.eventSizeFactor[i] != 1 ? "%s (%.1f, counts x %.2f)" : "%s (%.1f)", name,
					r.eventSize[i], r.eventSizeFactor[i]));
			}
		}
		if (!flats.isEmpty()) {
			warnings.add(flats.size() + " of " + n + " traces are flat (every frame the same value): " +
				flatMeans + ": " + String.join(", ", flats));
		}
		if (!noisy.isEmpty()) {
			warnings.add(String.format(Locale.ROOT, "%d of %d neurons have a noise level outside the " +
				"range the model was trained on (%.2f to %.2f); their spikes are less reliable: %s",
				noisy.size(), n, r.noiseRange[0], r.noiseRange[1], String.join(", ", noisy)));
		}
		boolean down = false, up = false; // whether any of those neurons' counts were scaled
		for (double f : r.eventSizeFactor) {
			down |= f < 1;
			up |= f > 1;
		}
		if (!larger.isEmpty()) {
			warnings.add(eventWarning(larger, n, "larger", "too high", r.eventRange, down));
		}
		if (!smaller.isEmpty()) {
			warnings.add(eventWarning(smaller, n, "smaller", "too low", r.eventRange, up));
		}
		return r;
	}

	private static String eventWarning(List<String> names, int n, String than, String counts,
		double[] range, boolean scaled)
	{
		return String.format(Locale.ROOT, "%d of %d neurons have events %s than those of every " +
			"trace the model's counts were calibrated on (event sizes %.1f to %.1f noise sd); %s: %s",
			names.size(), n, than, range[0], range[1], scaled ? "as inferred, their counts would " +
				"likely be " + counts + ", so they were scaled by how counts grew with event size " +
				"among the training neurons (the factor in brackets, column event_size_factor); that " +
				"is an extrapolation, and they stay less reliable" : "their counts are likely " + counts,
			String.join(", ", names));
	}
}
