package io.github.calspike.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TraceSetTest {

	@Test
	void isImmutable() {
		double[][] c = { { 1, 2, 3 } };
		TraceSet t = new TraceSet(List.of("a"), 100, c, null);
		c[0][0] = 99;
		t.calcium(0)[1] = 99;
		assertArrayEquals(new double[] { 1, 2, 3 }, t.calcium(0));
		assertThrows(UnsupportedOperationException.class, () -> t.names().add("b"));
	}

	@Test
	void refusesInconsistentInput() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TraceSet(
			List.of("a"), 100, new double[][] { { 1, 2 } }, new double[][] { { 0 } }));
		assertTrue(e.getMessage().contains("'a'"));
		assertThrows(IllegalArgumentException.class, () -> new TraceSet(List.of("a", "a"), 100,
			new double[2][1], null));
		assertThrows(IllegalArgumentException.class, () -> new TraceSet(List.of("a"), 0,
			new double[1][1], null));
	}

	@Test
	void selectKeepsSpikesAligned() {
		TraceSet t = new TraceSet(List.of("a", "b"), 50, new double[][] { { 1 }, { 2, 3 } },
			new double[][] { { 0 }, { 1, 0 } });
		TraceSet b = t.select(1);
		assertEquals(List.of("b"), b.names());
		assertArrayEquals(new double[] { 1, 0 }, b.spikes(0));
		assertEquals(50, b.rateHz());
	}
}
