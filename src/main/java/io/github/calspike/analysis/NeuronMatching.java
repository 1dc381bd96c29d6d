package io.github.calspike.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Neurofinder's detection score: truth and detected neurons are matched one to one by their
 * centroids, greedily, nearest pair first, when closer than {@link #DEFAULT_MAX_DISTANCE} px.
 * Neurons whose centroid lies within {@link #DEFAULT_EDGE} px of the image edge are left out on
 * both sides, since a crop's truth holds only neurons wholly inside it.
 */
public final class NeuronMatching {

	/** Largest centroid distance of a match (px, exclusive). */
	public static final double DEFAULT_MAX_DISTANCE = 5;
	/** Margin at the image edge inside which centroids are left out (px). */
	public static final double DEFAULT_EDGE = 8;

	/** Matched pairs and the scores. */
	public static final class Result {
		/** Truth and detected neurons scored (after the edge rule). */
		public final int truth, detected;
		/** One-to-one matches. */
		public final int matches;
		/** For each detected neuron (input order), the index of its truth match, or -1 (also -1 when left out). */
		public final int[] matchOfDetected;
		/** For each detected neuron, whether it was scored (not within the edge margin). */
		public final boolean[] scoredDetected;

		Result(int truth, int detected, int matches, int[] matchOfDetected, boolean[] scored) {
			this.truth = truth;
			this.detected = detected;
			this.matches = matches;
			this.matchOfDetected = matchOfDetected;
			this.scoredDetected = scored;
		}

		/** @return matches / truth, NaN without truth */
		public double recall() {
			return truth == 0 ? Double.NaN : matches / (double) truth;
		}

		/** @return matches / detected, NaN without detections */
		public double precision() {
			return detected == 0 ? Double.NaN : matches / (double) detected;
		}

		/** @return the harmonic mean of precision and recall; 0 when either is 0 or undefined */
		public double f1() {
			double p = precision(), r = recall();
			if (!(p > 0) || !(r > 0)) return 0;
			return 2 * p * r / (p + r);
		}
	}

	private NeuronMatching() {}

	/** Scores with the default distance and edge margin. */
	public static Result score(double[][] truth, double[][] detected, int width, int height) {
		return score(truth, detected, width, height, DEFAULT_MAX_DISTANCE, DEFAULT_EDGE);
	}

	/**
	 * @param truth centroids {x, y} in px of the true neurons
	 * @param detected centroids {x, y} of the detected ones
	 * @param width image width, for the edge rule
	 * @param height image height
	 * @param maxDistance a pair matches when its distance is below this (px)
	 * @param edge centroids closer than this to an edge are left out (px); 0 keeps all
	 */
	public static Result score(double[][] truth, double[][] detected, int width, int height,
		double maxDistance, double edge)
	{
		int[] t = inside(truth, width, height, edge), d = inside(detected, width, height, edge);
		boolean[] scored = new boolean[detected.length];
		for (int k : d) scored[k] = true;
		List<double[]> pairs = new ArrayList<>();
		for (int i : t) {
			for (int j : d) {
				double dist = Math.hypot(truth[i][0] - detected[j][0], truth[i][1] - detected[j][1]);
				if (dist < maxDistance) pairs.add(new double[] { dist, i, j });
			}
		}
		pairs.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : a[1] != b[1] ? Double
			.compare(a[1], b[1]) : Double.compare(a[2], b[2]));
		boolean[] usedT = new boolean[truth.length];
		int[] match = new int[detected.length];
		Arrays.fill(match, -1);
		int matches = 0;
		for (double[] p : pairs) {
			int i = (int) p[1], j = (int) p[2];
			if (usedT[i] || match[j] >= 0) continue;
			usedT[i] = true;
			match[j] = i;
			matches++;
		}
		return new Result(t.length, d.length, matches, match, scored);
	}

	private static int[] inside(double[][] c, int width, int height, double edge) {
		return IntStream.range(0, c.length).filter(k -> c[k][0] >= edge &&
			c[k][1] >= edge && c[k][0] <= width - 1 - edge && c[k][1] <= height - 1 - edge).toArray();
	}
}
