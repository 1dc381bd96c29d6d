package io.github.calspike.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Neurofinder's centroid matching, checked on cases worked out by hand. */
class NeuronMatchingTest {

	@Test
	void greedyNearestFirstOneToOne() {
		// truth A (20,20), B (26,20); detections d0 (23,20) is 3 px from both, d1 (21,20) 1 px from A.
		// Nearest first: A-d1 (1 px), then d0 can still take B (3 px). Greedy by detection order
		// (d0 to A) would have left d1 unmatched.
		double[][] truth = { { 20, 20 }, { 26, 20 } };
		double[][] det = { { 23, 20 }, { 21, 20 } };
		NeuronMatching.Result r = NeuronMatching.score(truth, det, 100, 100);
		assertEquals(2, r.matches);
		assertArrayEquals(new int[] { 1, 0 }, r.matchOfDetected);
		assertEquals(1.0, r.f1(), 1e-12);
	}

	@Test
	void distanceMustBeBelowFivePixels() {
		double[][] truth = { { 20, 20 }, { 50, 50 } };
		double[][] det = { { 25, 20 }, { 53, 54 }, { 80, 80 } }; // 5 px (no), 5 px (no), far
		NeuronMatching.Result r = NeuronMatching.score(truth, det, 100, 100);
		assertEquals(0, r.matches);
		det = new double[][] { { 24.9, 20 }, { 53, 53.9 }, { 80, 80 } }; // 4.9 px, 4.93 px
		r = NeuronMatching.score(truth, det, 100, 100);
		assertEquals(2, r.matches);
		assertEquals(1.0, r.recall(), 1e-12);
		assertEquals(2 / 3.0, r.precision(), 1e-12);
		assertEquals(2 * (2 / 3.0) * 1 / (2 / 3.0 + 1), r.f1(), 1e-12);
	}

	@Test
	void centroidsNearTheEdgeAreLeftOutOnBothSides() {
		// image 64 x 64; edge 8 px: x or y < 8 or > 55 is out
		double[][] truth = { { 7.9, 30 }, { 30, 30 }, { 30, 56 } };
		double[][] det = { { 8.5, 30 }, { 31, 30 }, { 3, 3 } };
		NeuronMatching.Result r = NeuronMatching.score(truth, det, 64, 64);
		assertEquals(1, r.truth); // only (30,30)
		assertEquals(2, r.detected); // (8.5,30) and (31,30); (3,3) left out
		assertEquals(1, r.matches);
		assertEquals(-1, r.matchOfDetected[0]); // scored, but its truth (7.9,30) is left out
		assertEquals(1, r.matchOfDetected[1]);
		assertEquals(false, r.scoredDetected[2]);
		assertEquals(0.5, r.precision(), 1e-12);
		assertEquals(1.0, r.recall(), 1e-12);
	}

	@Test
	void nothingDetectedScoresZero() {
		NeuronMatching.Result r = NeuronMatching.score(new double[][] { { 30, 30 } }, new double[0][],
			64, 64);
		assertEquals(0, r.f1());
		assertEquals(0, r.recall());
		assertEquals(Double.NaN, r.precision());
	}
}
