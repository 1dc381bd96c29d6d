package io.github.calspike.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BalancedSamplerTest {

	/** 1000 windows, 1 in 10 a spike. */
	static WindowSet pool() {
		int n = 1000;
		byte[] labels = new byte[n];
		Random r = new Random(1);
		for (int i = 0; i < n; i += 10) labels[i] = 1;
		float[] v = new float[n * 3];
		for (int i = 0; i < v.length; i++) v[i] = r.nextFloat();
		int[] idx = new int[n];
		Arrays.setAll(idx, i -> i);
		return new WindowSet(3, v, labels, new int[n], idx);
	}

	@Test
	void halfOfEachClassWithoutRepeats() {
		WindowSet w = pool();
		int[] s = BalancedSampler.sample(w, 80, 42);
		assertEquals(80, s.length);
		assertEquals(40, Arrays.stream(s).filter(w::isSpike).count());
		assertEquals(80, Arrays.stream(s).distinct().count());
	}

	@Test
	void sameSeedSameSampleOtherSeedOtherSample() {
		WindowSet w = pool();
		assertArrayEquals(BalancedSampler.sample(w, 60, 5), BalancedSampler.sample(w, 60, 5));
		assertFalse(Arrays.equals(BalancedSampler.sample(w, 60, 5), BalancedSampler.sample(w, 60,
			6)));
	}

	@Test
	void allMeansTwiceTheRarerClass() {
		assertEquals(200, BalancedSampler.sample(pool(), BalancedSampler.ALL, 1).length);
	}

	@Test
	void tooManyRequestedSaysHowManyThereAre() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> BalancedSampler.sample(pool(), 400, 1));
		assertTrue(e.getMessage().contains("100 spike"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> BalancedSampler.sample(pool(), 7, 1));
	}
}
