package io.github.calspike.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * Inferred spikes scored against recorded ones, per neuron and over all neurons, with the
 * measures of {@link SpikeMetrics} and the SpikeFinder correlation.
 */
public final class SpikeScores {

	/** Neuron labels. */
	public final List<String> names;
	/** Recorded and inferred spikes per neuron (frames finite on both sides). */
	public final double[] recorded, inferred;
	/** Inferred / recorded spikes per neuron. */
	public final double[] countRatio;
	/** Mean inferred rate inside quiet stretches per neuron, Hz (NaN without any). */
	public final double[] quietRateHz;
	/** SpikeFinder correlation per neuron, in groups of {@link SpikeFinderMetric#factor} frames. */
	public final double[] spikefinder;
	private String groups = "";
	/** Correlation in {@link SpikeMetrics#BIN_HZ} bins per neuron. */
	public final double[] binned;
	/** Matching of discrete spikes per neuron (null without discrete spikes). */
	public final SpikeMetrics.Matching[] matching;
	private double pooledQuietSpikes, pooledQuietSeconds;
	private final double[] inferredHz, recordedHz;

	private SpikeScores(List<String> names, int n) {
		this.names = List.copyOf(names);
		recorded = new double[n];
		inferred = new double[n];
		countRatio = new double[n];
		quietRateHz = new double[n];
		spikefinder = new double[n];
		binned = new double[n];
		matching = new SpikeMetrics.Matching[n];
		inferredHz = new double[n];
		recordedHz = new double[n];
	}

	/**
	 * @param truth recorded spike counts per neuron and frame
	 * @param rates inferred expected spikes per frame
	 * @param discrete whole inferred spikes per frame, or null
	 * @param rateHz the frame rate
	 */
	public static SpikeScores of(List<String> names, double[][] truth, double[][] rates,
		double[][] discrete, double rateHz)
	{
		int n = truth.length;
		if (rates.length != n || names.size() != n || discrete != null && discrete.length != n) {
			throw new IllegalArgumentException(names.size() + " names, " + n + " truths, " +
				rates.length + " rates");
		}
		SpikeScores s = new SpikeScores(names, n);
		int factor = SpikeFinderMetric.factor(rateHz);
		s.groups = SpikeFinderMetric.groupLabel(rateHz);
		for (int i = 0; i < n; i++) {
			s.recorded[i] = SpikeMetrics.recordedSpikes(truth[i], rates[i]);
			s.inferred[i] = SpikeMetrics.inferredSpikes(truth[i], rates[i]);
			s.countRatio[i] = SpikeMetrics.countRatio(truth[i], rates[i]);
			SpikeMetrics.Quiet q = SpikeMetrics.quiet(truth[i], rates[i], rateHz,
				SpikeMetrics.QUIET_SECONDS);
			s.quietRateHz[i] = q.rateHz();
			s.pooledQuietSpikes += q.spikes;
			s.pooledQuietSeconds += q.seconds;
			s.spikefinder[i] = SpikeFinderMetric.correlation(truth[i], rates[i], factor);
			s.binned[i] = SpikeMetrics.binnedCorrelation(truth[i], rates[i], rateHz,
				SpikeMetrics.BIN_HZ);
			if (discrete != null) {
				s.matching[i] = SpikeMetrics.match(truth[i], discrete[i], rateHz,
					SpikeMetrics.MATCH_SECONDS);
			}
			long frames = 0;
			int len = Math.min(truth[i].length, rates[i].length);
			for (int t = 0; t < len; t++) {
				if (Double.isFinite(truth[i][t]) && Double.isFinite(rates[i][t])) frames++;
			}
			double seconds = frames / rateHz;
			s.inferredHz[i] = seconds > 0 ? s.inferred[i] / seconds : Double.NaN;
			s.recordedHz[i] = seconds > 0 ? s.recorded[i] / seconds : Double.NaN;
		}
		return s;
	}

	/** @return the number of neurons */
	public int size() {
		return names.size();
	}

	/** @return the median over neurons of |log2 count ratio| */
	public double countError() {
		return SpikeMetrics.countError(countRatio);
	}

	/** @return the median count ratio over neurons */
	public double medianCountRatio() {
		return SpikeMetrics.median(Arrays.stream(countRatio).filter(Double::isFinite).toArray());
	}

	/** @return the rate the SpikeFinder correlation was taken at, e.g. "25 Hz", for labels */
	public String spikefinderGroups() {
		return groups;
	}

	/** @return inferred spikes per second over all neurons' quiet stretches together, Hz */
	public double quietRateHz() {
		return pooledQuietSeconds > 0 ? pooledQuietSpikes / pooledQuietSeconds : Double.NaN;
	}

	/** @return the correlation across neurons of inferred against recorded mean rates */
	public double rateCorrelation() {
		return SpikeMetrics.rateCorrelation(inferredHz, recordedHz);
	}

	/** @return the mean over neurons of the SpikeFinder correlation */
	public double spikefinderMean() {
		return mean(spikefinder);
	}

	/** @return the median over neurons of the SpikeFinder correlation */
	public double spikefinderMedian() {
		return SpikeMetrics.median(Arrays.stream(spikefinder).filter(d -> !Double.isNaN(d))
			.toArray());
	}

	/** @return the mean over neurons of the correlation in 7.5 Hz bins */
	public double binnedMean() {
		return mean(binned);
	}

	/** @return the matching of every neuron's discrete spikes pooled, or null */
	public SpikeMetrics.Matching pooledMatching() {
		if (matching.length == 0 || matching[0] == null) return null;
		SpikeMetrics.Matching m = new SpikeMetrics.Matching(0, 0, 0);
		for (SpikeMetrics.Matching x : matching) m = m.plus(x);
		return m;
	}

	private static double mean(double[] v) {
		return Arrays.stream(v).filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
	}
}
