package io.github.calspike.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The user-facing spike metrics on small cases worked out by hand. */
class SpikeMetricsTest {

	@Test
	void countRatioAndErrorLeaveOutNaNFrames() {
		double[] truth = { 0, 1, 0, 2, Double.NaN, 1 };
		double[] inferred = { 0.5, 0.5, 0.5, 0.5, 9, Double.NaN };
		// frames 0-3 count: 3 recorded, 2 inferred
		assertEquals(2.0 / 3, SpikeMetrics.countRatio(truth, inferred), 1e-12);
		assertEquals(Double.NaN, SpikeMetrics.countRatio(new double[3], new double[3]));
		// |log2| of 2, 0.5, 1.414 and 1: 1, 1, 0.5, 0 -> median 0.75
		assertEquals(0.75, SpikeMetrics.countError(new double[] { 2, 0.5, Math.sqrt(2), 1,
			Double.NaN }), 1e-12);
		assertEquals(Double.POSITIVE_INFINITY, SpikeMetrics.countError(new double[] { 0 }));
	}

	@Test
	void quietRateCountsOnlyStretchesOfTheMinimumLength() {
		// 10 Hz: quiet runs of 25 frames (2.5 s, counts), a spike, 15 frames (1.5 s, too short),
		// a spike, 20 frames (exactly 2 s, counts)
		double[] truth = new double[62], inferred = new double[62];
		truth[25] = 1;
		truth[41] = 1;
		for (int t = 0; t < 62; t++) inferred[t] = 0.1;
		SpikeMetrics.Quiet q = SpikeMetrics.quiet(truth, inferred, 10, 2);
		assertEquals(4.5, q.seconds, 1e-12);
		assertEquals(4.5, q.spikes, 1e-9); // 45 frames x 0.1
		assertEquals(1.0, q.rateHz(), 1e-9);
		assertEquals(Double.NaN, SpikeMetrics.quiet(new double[] { 1, 0, 1 }, new double[3], 10, 2)
			.rateHz());
	}

	@Test
	void rateCorrelationIsAcrossNeurons() {
		assertEquals(1, SpikeMetrics.rateCorrelation(new double[] { 1, 2, 3, Double.NaN },
			new double[] { 2, 4, 6, 1 }), 1e-12);
		assertEquals(-1, SpikeMetrics.rateCorrelation(new double[] { 3, 2, 1 }, new double[] { 1, 2,
			3 }), 1e-12);
	}

	@Test
	void binnedCorrelationSumsFramesIntoBins() {
		// 30 Hz into 7.5 Hz bins: 4 frames a bin, trailing 2 frames dropped
		double[] truth = { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 9, 9 };
		double[] inferred = { 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0 };
		// bins: truth 1, 0, 2; inferred 1, 0, 2
		assertEquals(1, SpikeMetrics.binnedCorrelation(truth, inferred, 30, 7.5), 1e-12);
		// at the bin rate itself every frame is a bin
		assertEquals(SpikeFinderMetric.pearson(new double[] { 1, 0, 2, 0 }, new double[] { 0, 1, 2,
			1 }), SpikeMetrics.binnedCorrelation(new double[] { 1, 0, 2, 0 }, new double[] { 0, 1, 2,
				1 }, 7.5, 7.5), 1e-12);
		// at 100 Hz and 25 Hz bins it is the SpikeFinder score
		double[] a = new double[400], b = new double[400];
		java.util.Random r = new java.util.Random(3);
		for (int t = 0; t < 400; t++) {
			a[t] = r.nextInt(3) == 0 ? 1 : 0;
			b[t] = r.nextDouble();
		}
		assertEquals(SpikeFinderMetric.correlation(a, b, 4), SpikeMetrics.binnedCorrelation(a, b, 100,
			25), 1e-12);
	}

	@Test
	void spikesAreMatchedOneToOneWithinTheWindow() {
		// 100 Hz, window 0.1 s = 10 frames. Recorded at 10, 50, 52, 90; inferred at 15, 51 (x2),
		// 200. 15-10 match, 51-50 and 51-52 match, 90 and 200 do not.
		double[] truth = new double[300], disc = new double[300];
		truth[10] = truth[50] = truth[52] = truth[90] = 1;
		disc[15] = 1;
		disc[51] = 2;
		disc[200] = 1;
		SpikeMetrics.Matching m = SpikeMetrics.match(truth, disc, 100, 0.1);
		assertEquals(3, m.matched);
		assertEquals(4, m.recorded);
		assertEquals(4, m.detected);
		assertEquals(0.75, m.precision(), 1e-12);
		assertEquals(0.75, m.recall(), 1e-12);
		assertEquals(0.75, m.f1(), 1e-12);
		// one detection between two recorded spikes matches only one of them
		double[] t2 = new double[100], d2 = new double[100];
		t2[40] = t2[60] = 1;
		d2[50] = 1;
		SpikeMetrics.Matching m2 = SpikeMetrics.match(t2, d2, 100, 0.1);
		assertEquals(1, m2.matched);
		assertEquals(2.0 / 3, m2.f1(), 1e-12);
		// just outside the window
		double[] t3 = new double[100], d3 = new double[100];
		t3[10] = 1;
		d3[21] = 1;
		assertEquals(0, SpikeMetrics.match(t3, d3, 100, 0.1).matched);
		assertEquals(Double.NaN, SpikeMetrics.match(new double[5], new double[5], 100, 0.1).f1());
	}

	@Test
	void scoresSummariseNeurons() {
		double[][] truth = { { 0, 1, 0, 0 }, { 0, 0, 2, 0 } };
		double[][] rates = { { 0, 2, 0, 0 }, { 0, 0, 1, 0 } };
		SpikeScores s = SpikeScores.of(List.of("a", "b"), truth, rates, rates, 4);
		assertEquals(2, s.countRatio[0], 1e-12);
		assertEquals(0.5, s.countRatio[1], 1e-12);
		assertEquals(1, s.countError(), 1e-12);
		SpikeMetrics.Matching m = s.pooledMatching();
		assertEquals(2, m.matched); // a: 1 of 2 detected; b: 1 of 2 recorded
		assertEquals(3, m.recorded);
		assertEquals(3, m.detected);
		assertTrue(Double.isNaN(s.quietRateHz()), "1-s traces have no 2-s quiet stretch");
	}
}
