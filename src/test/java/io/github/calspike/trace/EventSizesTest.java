package io.github.calspike.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A trace's event size, in its own noise sd, and the range a model's counts hold for: what the
 * {@code event_size} and {@code fits_model} columns of "Infer Spikes" rest on.
 */
class EventSizesTest {

	@Test
	void aHandComputedTrace() {
		// 0.1 on odd frames, 0 on even ones, and three spikes of 10: every frame-to-frame
		// difference but six is 0.1, so the noise sd is 1.4826 x 0.1 / sqrt(2); the median is 0.1,
		// and the 0.999 quantile of 1001 frames (position 999) is a spike
		double[] x = new double[1001];
		for (int t = 1; t < x.length; t += 2) x[t] = 0.1;
		x[200] = x[500] = x[800] = 10;
		assertEquals(9.9 / (1.4826 * 0.1 / Math.sqrt(2)), EventSizes.of(x), 1e-9);
	}

	@Test
	void unitsAndOffsetDoNotMatterButEventHeightDoes() {
		double[] x = noisyEvents(new Random(3), 1);
		double size = EventSizes.of(x);
		double[] y = new double[x.length];
		for (int t = 0; t < x.length; t++) y[t] = 250 * x[t] + 1000;
		assertEquals(size, EventSizes.of(y), 1e-9 * size);
		double twice = EventSizes.of(noisyEvents(new Random(3), 2));
		assertEquals(2 * size, twice, 0.1 * size, "twice the events over the same noise");
		double[] flat = new double[500];
		java.util.Arrays.fill(flat, 3);
		assertTrue(Double.isNaN(EventSizes.of(flat)));
	}

	@Test
	void theRangeAtARateIsTheNearestMeasuredOrTheWidestAroundIt() {
		EventSizes e = new EventSizes(new double[] { 5, 10, 100 }, new double[] { 10, 20, 30 },
			new double[] { 100, 200, 300 });
		assertArrayEquals(new double[] { 30, 300 }, e.rangeAt(100));
		assertArrayEquals(new double[] { 30, 300 }, e.rangeAt(400));
		assertArrayEquals(new double[] { 10, 100 }, e.rangeAt(2));
		assertArrayEquals(new double[] { 20, 200 }, e.rangeAt(10));
		assertArrayEquals(new double[] { 10, 200 }, e.rangeAt(7.5));
		assertArrayEquals(new double[] { 20, 300 }, e.rangeAt(30));
		assertTrue(e.fits(250, 30) && e.fits(20, 30));
		assertFalse(e.fits(15, 30), "visible events, smaller than any measured");
		assertFalse(e.fits(301, 100));
		assertFalse(e.fits(Double.NaN, 100));
	}

	@Test
	void aTraceWithNoEventsAboveNoiseIsNotCalledSmaller() {
		EventSizes e = new EventSizes(new double[] { 100 }, new double[] { 17 }, new double[] { 350 });
		double noise = EventSizes.of(noisyEvents(new Random(5), 0));
		assertTrue(noise > 2.8 && noise < EventSizes.NOISE_ONLY, "white noise: " + noise);
		assertTrue(e.fits(noise, 100));
		assertFalse(e.fits(EventSizes.NOISE_ONLY, 100));
	}

	@Test
	void aMalformedRangeIsRefused() {
		assertThrows(IllegalArgumentException.class, () -> new EventSizes(new double[] { 10, 5 },
			new double[] { 1, 1 }, new double[] { 2, 2 }));
		assertThrows(IllegalArgumentException.class, () -> new EventSizes(new double[] { 10 },
			new double[] { 3 }, new double[] { 2 }));
		assertThrows(IllegalArgumentException.class, () -> new EventSizes(new double[0],
			new double[0], new double[0]));
	}

	@Test
	void theSlopeIsTheLineThroughLogCountRatiosAgainstLogSizes() {
		// ratios 1, 2, 4 at sizes 10, 20, 40: log ratio = log size - log 10, slope 1; a neuron with
		// no recorded spikes, or none inferred, says nothing
		double[] sizes = { 10, 20, 40, 80, 30 }, inferred = { 5, 20, 4, 7, 0 }, recorded = { 5, 10, 1,
			0, 3 };
		assertEquals(1, EventSizes.slope(sizes, inferred, recorded), 1e-12);
		// a common gain does not change it
		double[] doubled = { 10, 40, 8, 14, 0 };
		assertEquals(1, EventSizes.slope(sizes, doubled, recorded), 1e-12);
		// ratios 2, 1, 0.5, 1 at sizes 1, 2, 4, 8: in log2 units x = 0..3, y = 1, 0, -1, 0, so
		// Sxy = -2 and Sxx = 5 (by hand): slope -0.4
		double[] s2 = { 1, 2, 4, 8 }, i2 = { 2, 1, 0.5, 1 }, r2 = { 1, 1, 1, 1 };
		assertEquals(-0.4, EventSizes.slope(s2, i2, r2), 1e-12);
		assertTrue(Double.isNaN(EventSizes.slope(new double[] { 10, 20 }, new double[] { 1, 2 },
			new double[] { 1, 1 })), "two neurons are not a line");
		assertTrue(Double.isNaN(EventSizes.slope(new double[] { 10, 10, 10 }, new double[] { 1, 2, 3 },
			new double[] { 1, 1, 1 })), "one size only");
	}

	@Test
	void countsBeyondTheRangeAreScaledByTheSlopeAndInsideItAreNot() {
		EventSizes e = new EventSizes(new double[] { 100 }, new double[] { 20 }, new double[] { 100 },
			0.5);
		assertEquals(1, e.factor(50, 100), 0);
		assertEquals(1, e.factor(20, 100), 0);
		assertEquals(1, e.factor(100, 100), 0);
		assertEquals(0.5, e.factor(400, 100), 1e-12, "4x larger events than any: counts / sqrt(4)");
		assertEquals(2, e.factor(5, 100), 1e-12, "4x smaller events: counts x sqrt(4)");
		assertEquals(1, e.factor(3, 100), 0, "nothing above noise: a silent neuron is not raised");
		assertEquals(1, e.factor(Double.NaN, 100), 0, "a flat trace");
		EventSizes none = new EventSizes(new double[] { 100 }, new double[] { 20 }, new double[] { 100 });
		assertEquals(1, none.factor(400, 100), 0, "no slope, no scaling");
		EventSizes steep = new EventSizes(new double[] { 100 }, new double[] { 20 }, new double[] {
			100 }, 3);
		assertEquals(0.25, steep.factor(400, 100), 1e-12, "a slope over 1 is taken as 1");
		EventSizes falling = new EventSizes(new double[] { 100 }, new double[] { 20 }, new double[] {
			100 }, -1);
		assertEquals(1, falling.factor(400, 100), 0, "a falling slope is taken as 0");
		assertThrows(IllegalArgumentException.class, () -> new EventSizes(new double[] { 100 },
			new double[] { 20 }, new double[] { 100 }, Double.POSITIVE_INFINITY));
	}

	/** White noise of sd 0.05 with ten decaying events of height {@code height}, 100 Hz. */
	private static double[] noisyEvents(Random r, double height) {
		double[] x = new double[20000];
		for (int k = 1; k <= 10; k++) {
			for (int t = 2000 * k - 1000; t < x.length; t++) {
				x[t] += height * Math.exp(-(t - (2000 * k - 1000)) / 50.0);
			}
		}
		for (int t = 0; t < x.length; t++) x[t] += 0.05 * r.nextGaussian();
		return x;
	}
}
