package io.github.calspike.command;

import io.github.calspike.analysis.SpikeMetrics;
import io.github.calspike.analysis.SpikeScores;
import io.github.calspike.infer.SpikeInference;
import io.github.calspike.plot.TracePlots;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.Padding;
import io.github.calspike.trace.io.SpikeFinderCsv;
import io.github.calspike.ui.Outputs;

import ij.measure.ResultsTable;

import java.io.IOException;
import java.nio.file.Path;

import org.scijava.log.LogService;

/** The tables of spike inference: one row per neuron, and the scores over all neurons. */
final class SpikeTables {

	private SpikeTables() {}

	/** Title of the per-neuron table of "Infer Spikes". */
	static final String TABLE = "Inferred spikes";

	/** @return the traces' recorded spikes per neuron */
	static double[][] truth(TraceSet traces) {
		double[][] t = new double[traces.size()][];
		for (int i = 0; i < t.length; i++) t[i] = traces.spikes(i);
		return t;
	}

	/** @return the scores of an inference against the traces' recorded spikes */
	static SpikeScores scores(SpikeInference.Result r) {
		return SpikeScores.of(r.traces.names(), truth(r.traces), r.rates, r.discrete, r.traces
			.rateHz());
	}

	/**
	 * @return one row per neuron: frames, noise level against the model's training range, whether
	 *         the model fits it, inferred spikes (expected and discrete) and mean rate; with recorded
	 *         spikes ({@code sc}, null without) also the count ratio, quiet rate, correlations and
	 *         spike-time matching
	 */
	static ResultsTable perNeuron(SpikeInference.Result r, SpikeScores sc) {
		TraceSet traces = r.traces;
		ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		for (int i = 0; i < traces.size(); i++) {
			double sum = r.inferredSpikes(i), duration = r.rates[i].length / traces.rateHz();
			double whole = 0;
			for (double v : r.discrete[i]) whole += v;
			t.addRow();
			t.addValue("label", traces.name(i));
			t.addValue("frames", r.rates[i].length);
			t.addValue("noise_level", r.noiseLevel[i]);
			t.addValue("model_noise_min", r.noiseRange[0]);
			t.addValue("model_noise_max", r.noiseRange[1]);
			t.addValue("event_size", r.eventSize[i]);
			t.addValue("model_event_min", r.eventRange[0]);
			t.addValue("model_event_max", r.eventRange[1]);
			t.addValue("event_size_factor", r.eventSizeFactor[i]);
			t.addValue("fits_model", r.fitsModel[i] ? "true" : "false");
			t.addValue("inferred_spikes", sum);
			t.addValue("discrete_spikes", whole);
			t.addValue("mean_rate_Hz", sum / duration);
			if (sc == null) continue;
			t.addValue("recorded_spikes", sc.recorded[i]);
			t.addValue("count_ratio", sc.countRatio[i]);
			t.addValue("quiet_rate_Hz", sc.quietRateHz[i]);
			t.addValue("spikefinder_correlation", sc.spikefinder[i]);
			t.addValue("correlation_7_5Hz", sc.binned[i]);
			SpikeMetrics.Matching m = sc.matching[i];
			t.addValue("precision", m.precision());
			t.addValue("recall", m.recall());
			t.addValue("f1", m.f1());
		}
		return t;
	}

	/** @return the summary over neurons of {@code sc}, one metric per row */
	static ResultsTable summary(SpikeScores sc) {
		int n = sc.size();
		String on = n + " neurons";
		ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		ClassifierTables.row(t, "SpikeFinder correlation (mean over neurons)", sc.spikefinderMean(),
			on + " at " + sc.spikefinderGroups());
		ClassifierTables.row(t, "SpikeFinder correlation (median over neurons)", sc
			.spikefinderMedian(), on + " at " + sc.spikefinderGroups());
		ClassifierTables.row(t, "correlation in 7.5 Hz bins (mean over neurons)", sc.binnedMean(), on);
		ClassifierTables.row(t, "count error (median over neurons of |log2 inferred/recorded|)", sc
			.countError(), on);
		ClassifierTables.row(t, "count ratio (median over neurons of inferred/recorded)", sc
			.medianCountRatio(), on);
		ClassifierTables.row(t, "quiet rate (Hz, inferred spikes in stretches of at least " +
			SpikeMetrics.QUIET_SECONDS + " s without a recorded spike)", sc.quietRateHz(), on +
				" pooled");
		ClassifierTables.row(t, "rate correlation (across neurons, inferred against recorded Hz)", sc
			.rateCorrelation(), on);
		SpikeMetrics.Matching m = sc.pooledMatching();
		String within = on + " pooled, matched one to one within " + (int) (1000 *
			SpikeMetrics.MATCH_SECONDS) + " ms";
		ClassifierTables.row(t, "discrete spikes: precision", m.precision(), within);
		ClassifierTables.row(t, "discrete spikes: recall", m.recall(), within);
		ClassifierTables.row(t, "discrete spikes: F1", m.f1(), within);
		return t;
	}

	/** @return where the discrete spikes of rate output {@code out} go: NAME.discrete.csv */
	static Path discreteFile(Path out) {
		return out.resolveSibling(out.getFileName().toString().replaceFirst("(\\.csv)?$",
			".discrete.csv"));
	}

	/**
	 * Logs the inference's warnings, writes its rates to {@code out} (and its discrete spikes to
	 * {@code discreteOut} unless null) shaped like the input, and sends the tables "Inferred spikes"
	 * and, with recorded spikes, "SpikeFinder scores", and the rate plot.
	 */
	static void publish(SpikeInference.Result r, Path out, Path discreteOut, Padding padding,
		double seconds, Outputs outputs, LogService log) throws IOException
	{
		TraceSet traces = r.traces;
		for (String w : r.warnings) log.warn(w);
		SpikeFinderCsv.write(out, traces.names(), r.rates, padding);
		log.info("Spike rates written to " + out);
		if (discreteOut != null) {
			SpikeFinderCsv.write(discreteOut, traces.names(), r.discrete, padding);
			log.info("Discrete spikes written to " + discreteOut);
		}
		SpikeScores sc = traces.hasSpikes() ? scores(r) : null;
		outputs.table(TABLE, perNeuron(r, sc));
		if (sc != null) outputs.table("SpikeFinder scores", summary(sc));
		outputs.figure(TracePlots.calciumWithRate("Inferred spike rate", traces, r.rates, r.discrete,
			3, seconds));
	}
}
