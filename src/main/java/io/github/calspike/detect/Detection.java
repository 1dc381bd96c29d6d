package io.github.calspike.detect;

import io.github.calspike.extract.RoiMask;

import java.util.List;

/** Detected neurons: their masks, named 1..N, and a score per neuron (higher is surer). */
public final class Detection {

	private final List<RoiMask> masks;
	private final double[] scores;

	/** @param scores one per mask */
	public Detection(List<RoiMask> masks, double[] scores) {
		if (masks.size() != scores.length) throw new IllegalArgumentException("one score per mask");
		this.masks = List.copyOf(masks);
		this.scores = scores.clone();
	}

	/** @return the masks, in detection order */
	public List<RoiMask> masks() {
		return masks;
	}

	/** @return neuron k's score */
	public double score(int k) {
		return scores[k];
	}

	/** @return the number of neurons */
	public int size() {
		return masks.size();
	}

	/** @return each neuron's centroid {x, y} in px */
	public double[][] centroids() {
		double[][] c = new double[masks.size()][];
		for (int k = 0; k < c.length; k++) c[k] = masks.get(k).centroid();
		return c;
	}
}
