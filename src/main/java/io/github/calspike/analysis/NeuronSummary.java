package io.github.calspike.analysis;

import io.github.calspike.trace.TraceSet;

/** Descriptive statistics of one neuron's recording. */
public final class NeuronSummary {

	private final String label;
	private final int frames;
	private final double durationS;
	private final double spikes;
	private final double rateHz;
	private final double mean;
	private final double sd;

	private NeuronSummary(String label, int frames, double durationS, double spikes, double rateHz,
		double mean, double sd)
	{
		this.label = label;
		this.frames = frames;
		this.durationS = durationS;
		this.spikes = spikes;
		this.rateHz = rateHz;
		this.mean = mean;
		this.sd = sd;
	}

	/**
	 * @return the summary of neuron {@code i}: frames, duration in s, spike count and mean firing
	 *         rate in Hz (NaN without spikes), and the mean and sample standard deviation of its
	 *         calcium
	 */
	public static NeuronSummary of(TraceSet traces, int i) {
		double[] c = traces.calcium(i);
		int n = c.length;
		double m = 0;
		for (double v : c) m += v;
		m /= n;
		double ss = 0;
		for (double v : c) ss += (v - m) * (v - m);
		double duration = n / traces.rateHz();
		double spikes = Double.NaN;
		if (traces.hasSpikes()) {
			spikes = 0;
			for (double s : traces.spikes(i)) spikes += s;
		}
		return new NeuronSummary(traces.name(i), n, duration, spikes, spikes / duration, m, n > 1
			? Math.sqrt(ss / (n - 1)) : 0);
	}

	/** @return the neuron's label */
	public String label() {
		return label;
	}

	/** @return the number of frames */
	public int frames() {
		return frames;
	}

	/** @return the duration in seconds */
	public double durationS() {
		return durationS;
	}

	/** @return the total number of spikes, NaN if unknown */
	public double spikes() {
		return spikes;
	}

	/** @return the mean firing rate in Hz, NaN if unknown */
	public double rateHz() {
		return rateHz;
	}

	/** @return the mean calcium value */
	public double mean() {
		return mean;
	}

	/** @return the standard deviation of the calcium values */
	public double sd() {
		return sd;
	}
}
