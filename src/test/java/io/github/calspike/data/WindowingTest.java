package io.github.calspike.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.trace.TraceSet;

import java.util.List;

import org.junit.jupiter.api.Test;

class WindowingTest {

	/** Two neurons of different lengths; calcium value = frame index (+1000 for neuron 1). */
	private static TraceSet ramp() {
		double[][] c = { new double[30], new double[25] };
		double[][] s = { new double[30], new double[25] };
		for (int t = 0; t < 30; t++) c[0][t] = t;
		for (int t = 0; t < 25; t++) c[1][t] = 1000 + t;
		s[0][12] = 1;
		s[0][15] = 2;
		s[1][10] = 1;
		return new TraceSet(List.of("a", "b"), 100, c, s);
	}

	@Test
	void defaultSpecIsTwentyBinsTMinus10ToTPlus9() {
		WindowSpec w = WindowSpec.defaults();
		assertEquals(20, w.length());
		assertEquals(10, w.before());
		assertEquals(9, w.after());
		assertEquals(1, w.spikeN());
		assertEquals(1, w.stride());
		assertArrayEquals(new double[] { -10, -9, -8, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5,
			6, 7, 8, 9 }, Windowing.binOffsets(w));
	}

	@Test
	void windowsStayInsideEachNeuron() {
		WindowSet w = Windowing.trainingWindows(ramp(), WindowSpec.defaults());
		// neuron a: centres 10..20 (11 windows); neuron b: centres 10..15 (6 windows)
		assertEquals(11 + 6, w.size());
		for (int k = 0; k < w.size(); k++) {
			float[] v = w.window(k);
			float base = w.neuron(k) == 0 ? 0 : 1000;
			assertEquals(base + w.centre(k) - 10, v[0], "first bin is t-10");
			assertEquals(base + w.centre(k) + 9, v[19], "last bin is t+9");
			int len = w.neuron(k) == 0 ? 30 : 25;
			assertTrue(w.centre(k) - 10 >= 0 && w.centre(k) + 9 < len);
		}
	}

	@Test
	void labelIsTheCentreBinAgainstSpikeN() {
		WindowSet w = Windowing.trainingWindows(ramp(), WindowSpec.defaults());
		for (int k = 0; k < w.size(); k++) {
			boolean expected = (w.neuron(k) == 0 && (w.centre(k) == 12 || w.centre(k) == 15)) ||
				(w.neuron(k) == 1 && w.centre(k) == 10);
			assertEquals(expected, w.isSpike(k), "window " + k);
		}
		WindowSet two = Windowing.trainingWindows(ramp(), new WindowSpec(10, 9, 2, 1));
		assertEquals(1, two.spikeCount(), "only frame 15 holds 2 spikes");
	}

	@Test
	void countingAgreesWithCutting() {
		for (WindowSpec spec : new WindowSpec[] { WindowSpec.defaults(), new WindowSpec(10, 9, 2, 1),
			new WindowSpec(3, 4, 1, 3) })
		{
			WindowSet w = Windowing.trainingWindows(ramp(), spec);
			assertArrayEquals(new long[] { w.spikeCount(), w.size() }, Windowing.countLabels(ramp(),
				spec), spec.toString());
		}
	}

	@Test
	void strideSkipsCentres() {
		WindowSet w = Windowing.trainingWindows(ramp(), new WindowSpec(10, 9, 1, 3));
		assertEquals(4 + 2, w.size()); // a: 10,13,16,19; b: 10,13
		assertEquals(13, w.centre(1));
	}

	@Test
	void tooShortNeuronGivesNoWindows() {
		TraceSet t = new TraceSet(List.of("x"), 100, new double[][] { new double[19] },
			new double[][] { new double[19] });
		assertEquals(0, Windowing.trainingWindows(t, WindowSpec.defaults()).size());
	}

	@Test
	void everyFrameGetsAWindowWithEdgeReplication() {
		double[] x = { 5, 6, 7, 8 };
		WindowSpec spec = new WindowSpec(2, 1, 1, 1);
		float[] w = Windowing.everyFrame(x, spec);
		assertEquals(4 * 4, w.length);
		assertArrayEquals(new float[] { 5, 5, 5, 6 }, java.util.Arrays.copyOfRange(w, 0, 4));
		assertArrayEquals(new float[] { 5, 6, 7, 8 }, java.util.Arrays.copyOfRange(w, 8, 12));
		assertArrayEquals(new float[] { 6, 7, 8, 8 }, java.util.Arrays.copyOfRange(w, 12, 16));
	}

	@Test
	void refusesUnlabelledTracesAndBadSpecs() {
		TraceSet t = new TraceSet(List.of("x"), 100, new double[][] { new double[40] }, null);
		assertThrows(IllegalArgumentException.class, () -> Windowing.trainingWindows(t, WindowSpec
			.defaults()));
		assertThrows(IllegalArgumentException.class, () -> new WindowSpec(-1, 9, 1, 1));
		assertThrows(IllegalArgumentException.class, () -> new WindowSpec(10, 9, 0, 1));
		assertFalse(WindowSpec.defaults().isSpike(0));
	}
}
