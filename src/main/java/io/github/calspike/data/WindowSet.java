package io.github.calspike.data;

import java.util.Arrays;

/**
 * A set of fixed-length calcium windows with their labels and origins, stored flat for speed:
 * window k occupies {@code values[k*length .. (k+1)*length)}.
 */
public final class WindowSet {

	private final int length;
	private final float[] values;
	private final byte[] labels;
	private final int[] neuron;
	private final int[] centre;

	/**
	 * @param length bins per window
	 * @param values window values, {@code count * length} of them
	 * @param labels 1 for "spike", 0 for "no spike", one per window
	 * @param neuron index of the neuron each window comes from
	 * @param centre frame index of each window's centre within its neuron
	 */
	public WindowSet(int length, float[] values, byte[] labels, int[] neuron, int[] centre) {
		int n = labels.length;
		if (length < 1 || values.length != (long) n * length || neuron.length != n ||
			centre.length != n)
		{
			throw new IllegalArgumentException("Inconsistent window set: " + n + " labels, " +
				values.length + " values of length " + length + ", " + neuron.length + " neurons, " +
				centre.length + " centres");
		}
		this.length = length;
		this.values = values;
		this.labels = labels;
		this.neuron = neuron;
		this.centre = centre;
	}

	/** @return the number of windows */
	public int size() {
		return labels.length;
	}

	/** @return bins per window */
	public int length() {
		return length;
	}

	/** @return a copy of window {@code k} */
	public float[] window(int k) {
		return Arrays.copyOfRange(values, k * length, (k + 1) * length);
	}

	/** Copies window {@code k} into {@code dst} at {@code offset}. */
	public void copyWindow(int k, float[] dst, int offset) {
		System.arraycopy(values, k * length, dst, offset, length);
	}

	/** @return all windows, flat, as a copy */
	public float[] flatValues() {
		return values.clone();
	}

	/** @return whether window {@code k} is labelled "spike" */
	public boolean isSpike(int k) {
		return labels[k] != 0;
	}

	/** @return the neuron index of window {@code k} */
	public int neuron(int k) {
		return neuron[k];
	}

	/** @return the centre frame of window {@code k} */
	public int centre(int k) {
		return centre[k];
	}

	/** @return the number of "spike" windows */
	public int spikeCount() {
		int s = 0;
		for (byte b : labels) s += b;
		return s;
	}

	/** @return the flat values array (not copied: callers must not modify it) */
	float[] values() {
		return values;
	}

	byte[] labels() {
		return labels;
	}

	int[] neurons() {
		return neuron;
	}

	int[] centres() {
		return centre;
	}

	/** @return the windows at the given indices, in that order */
	public WindowSet subset(int[] indices) {
		float[] v = new float[indices.length * length];
		byte[] l = new byte[indices.length];
		int[] nn = new int[indices.length];
		int[] cc = new int[indices.length];
		for (int i = 0; i < indices.length; i++) {
			int k = indices[i];
			System.arraycopy(values, k * length, v, i * length, length);
			l[i] = labels[k];
			nn[i] = neuron[k];
			cc[i] = centre[k];
		}
		return new WindowSet(length, v, l, nn, cc);
	}

	/** @return the indices of windows with the given label, in order */
	public int[] indicesWithLabel(boolean spike) {
		int[] out = new int[size()];
		int n = 0;
		for (int k = 0; k < size(); k++) {
			if ((labels[k] != 0) == spike) out[n++] = k;
		}
		return Arrays.copyOf(out, n);
	}

	@Override
	public boolean equals(Object o) {
		if (!(o instanceof WindowSet)) return false;
		WindowSet w = (WindowSet) o;
		return length == w.length && Arrays.equals(values, w.values) &&
			Arrays.equals(labels, w.labels) && Arrays.equals(neuron, w.neuron) &&
			Arrays.equals(centre, w.centre);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(labels) * 31 + Arrays.hashCode(centre);
	}
}
