package io.github.calspike.data;

import io.github.calspike.trace.Recording;
import io.github.calspike.trace.TraceSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Splits labelled recordings into training and validation neurons, so that validation windows
 * never come from a neuron that was trained on. Neurons are named "recording/label".
 */
public final class NeuronSplit {

	/** Validation by a random fraction of all neurons. */
	public static final String FRACTION = "fraction of neurons";
	/** Validation on one whole recording (dataset). */
	public static final String LEAVE_ONE_OUT = "leave one dataset out";

	private final TraceSet training;
	private final TraceSet validation;
	private final String description;

	private NeuronSplit(TraceSet training, TraceSet validation, String description) {
		this.training = training;
		this.validation = validation;
		this.description = description;
	}

	/** @return training neurons, all recordings joined */
	public TraceSet training() {
		return training;
	}

	/** @return validation neurons (may be empty when there is only one neuron) */
	public TraceSet validation() {
		return validation;
	}

	/** @return how the split was made, for model metadata */
	public String description() {
		return description;
	}

	/**
	 * Holds out {@code round(fraction * neurons)} neurons chosen at random with the seed (at
	 * least one, and at least one left to train on).
	 */
	public static NeuronSplit byFraction(List<Recording> recordings, double fraction, long seed) {
		if (!(fraction >= 0 && fraction < 1)) {
			throw new IllegalArgumentException("validation fraction must be in [0, 1), got " +
				fraction);
		}
		TraceSet all = Recording.joined(recordings);
		int n = all.size();
		int nVal = fraction == 0 ? 0 : Math.max(1, (int) Math.round(fraction * n));
		if (n - nVal < 1) nVal = n - 1;
		int[] idx = new int[n];
		Arrays.setAll(idx, i -> i);
		Random rnd = new Random(seed);
		for (int i = n - 1; i > 0; i--) {
			int j = rnd.nextInt(i + 1);
			int t = idx[i];
			idx[i] = idx[j];
			idx[j] = t;
		}
		int[] val = Arrays.copyOf(idx, nVal), tr = Arrays.copyOfRange(idx, nVal, n);
		Arrays.sort(val);
		Arrays.sort(tr);
		return new NeuronSplit(all.select(tr), all.select(val), String.format(
			java.util.Locale.ROOT, "%s: %d of %d neurons (%.0f%%), seed %d", FRACTION, nVal, n,
			100 * fraction, seed));
	}

	/** Holds out every neuron of the recording named {@code holdout}. */
	public static NeuronSplit leaveOneOut(List<Recording> recordings, String holdout) {
		List<Recording> tr = new ArrayList<>(), va = new ArrayList<>();
		for (Recording r : recordings) (r.name().equals(holdout) ? va : tr).add(r);
		if (va.isEmpty()) {
			List<String> names = new ArrayList<>();
			for (Recording r : recordings) names.add(r.name());
			throw new IllegalArgumentException("holdout: no recording named '" + holdout +
				"'; recordings: " + String.join(", ", names));
		}
		if (tr.isEmpty()) {
			throw new IllegalArgumentException(
				"leave one dataset out needs at least two recordings to train on one and validate on another");
		}
		return new NeuronSplit(Recording.joined(tr), Recording.joined(va), LEAVE_ONE_OUT + ": " +
			holdout);
	}
}
