package io.github.calspike.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An immutable set of calcium traces: one per neuron, each with its own length, sampled at one
 * rate, optionally with the spike counts recorded in each frame.
 */
public final class TraceSet {

	private final List<String> names;
	private final double rateHz;
	private final double[][] calcium;
	private final double[][] spikes;

	/**
	 * Creates a trace set; the arrays are copied.
	 *
	 * @param names neuron labels, unique
	 * @param rateHz sampling rate in frames per second, positive
	 * @param calcium per neuron, the calcium value of every frame (no padding)
	 * @param spikes per neuron, the spike count of every frame, aligned with {@code calcium}; or
	 *          {@code null} when no ground truth is known
	 * @throws IllegalArgumentException if the sizes disagree, a label repeats or the rate is not
	 *           positive
	 */
	public TraceSet(List<String> names, double rateHz, double[][] calcium, double[][] spikes) {
		if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
			throw new IllegalArgumentException("Sampling rate must be positive, got " + rateHz);
		}
		if (names.size() != calcium.length) {
			throw new IllegalArgumentException(names.size() + " names for " + calcium.length +
				" calcium traces");
		}
		Set<String> seen = new HashSet<>();
		for (String n : names) {
			if (!seen.add(n)) throw new IllegalArgumentException("Duplicate neuron label '" + n + "'");
		}
		if (spikes != null) {
			if (spikes.length != calcium.length) {
				throw new IllegalArgumentException(spikes.length + " spike trains for " +
					calcium.length + " calcium traces");
			}
			for (int i = 0; i < calcium.length; i++) {
				if (spikes[i].length != calcium[i].length) {
					throw new IllegalArgumentException("Neuron '" + names.get(i) + "': " +
						calcium[i].length + " calcium frames but " + spikes[i].length + " spike frames");
				}
			}
		}
		this.names = Collections.unmodifiableList(new ArrayList<>(names));
		this.rateHz = rateHz;
		this.calcium = deepCopy(calcium);
		this.spikes = spikes == null ? null : deepCopy(spikes);
	}

	/** @return the number of neurons */
	public int size() {
		return names.size();
	}

	/** @return the neuron labels, in column order; unmodifiable */
	public List<String> names() {
		return names;
	}

	/** @return the label of neuron {@code i} */
	public String name(int i) {
		return names.get(i);
	}

	/** @return the sampling rate in Hz */
	public double rateHz() {
		return rateHz;
	}

	/** @return the number of frames of neuron {@code i} */
	public int length(int i) {
		return calcium[i].length;
	}

	/** @return the largest number of frames of any neuron (0 for an empty set) */
	public int maxLength() {
		int max = 0;
		for (double[] c : calcium) max = Math.max(max, c.length);
		return max;
	}

	/** @return the total number of frames over all neurons */
	public long totalFrames() {
		long n = 0;
		for (double[] c : calcium) n += c.length;
		return n;
	}

	/** @return a copy of the calcium trace of neuron {@code i} */
	public double[] calcium(int i) {
		return calcium[i].clone();
	}

	/** @return whether spike counts are known */
	public boolean hasSpikes() {
		return spikes != null;
	}

	/**
	 * @return a copy of the spike counts of neuron {@code i}
	 * @throws IllegalStateException if this set has no spikes
	 */
	public double[] spikes(int i) {
		if (spikes == null) throw new IllegalStateException("This trace set has no spike counts");
		return spikes[i].clone();
	}

	/** @return the same traces with other calcium values (for example, normalised) */
	public TraceSet withCalcium(double[][] newCalcium) {
		return new TraceSet(names, rateHz, newCalcium, spikes);
	}

	/** @return the subset of neurons with the given indices, in that order */
	public TraceSet select(int... indices) {
		List<String> n = new ArrayList<>();
		double[][] c = new double[indices.length][];
		double[][] s = spikes == null ? null : new double[indices.length][];
		for (int k = 0; k < indices.length; k++) {
			n.add(names.get(indices[k]));
			c[k] = calcium[indices[k]];
			if (s != null) s[k] = spikes[indices[k]];
		}
		return new TraceSet(n, rateHz, c, s);
	}

	/**
	 * Joins trace sets recorded at the same rate into one, naming each neuron
	 * {@code prefix + label}.
	 *
	 * @param sets the sets, all with spikes or all without
	 * @param prefixes one prefix per set, e.g. "4/" (labels must stay unique)
	 */
	public static TraceSet concat(List<TraceSet> sets, List<String> prefixes) {
		if (sets.isEmpty() || sets.size() != prefixes.size()) {
			throw new IllegalArgumentException(sets.size() + " sets and " + prefixes.size() +
				" prefixes");
		}
		double rate = sets.get(0).rateHz();
		boolean spikes = sets.get(0).hasSpikes();
		List<String> n = new ArrayList<>();
		List<double[]> c = new ArrayList<>(), s = new ArrayList<>();
		for (int k = 0; k < sets.size(); k++) {
			TraceSet t = sets.get(k);
			if (t.rateHz() != rate) {
				throw new IllegalArgumentException("Sets recorded at " + rate + " and " + t.rateHz() +
					" Hz cannot be joined; resample first");
			}
			if (t.hasSpikes() != spikes) {
				throw new IllegalArgumentException("Either all sets or none must have spikes");
			}
			for (int i = 0; i < t.size(); i++) {
				n.add(prefixes.get(k) + t.name(i));
				c.add(t.calcium[i]);
				if (spikes) s.add(t.spikes[i]);
			}
		}
		return new TraceSet(n, rate, c.toArray(new double[0][]), spikes ? s.toArray(
			new double[0][]) : null);
	}

	private static double[][] deepCopy(double[][] a) {
		double[][] c = new double[a.length][];
		for (int i = 0; i < a.length; i++) c[i] = Arrays.copyOf(a[i], a[i].length);
		return c;
	}
}
