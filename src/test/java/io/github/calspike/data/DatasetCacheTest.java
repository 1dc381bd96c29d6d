package io.github.calspike.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.TraceSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCacheTest {

	@TempDir
	Path dir;

	static TraceSet synthetic(long seed) {
		Random r = new Random(seed);
		double[][] c = new double[3][2000];
		double[][] s = new double[3][2000];
		for (int i = 0; i < 3; i++) {
			double ca = 0;
			for (int t = 0; t < 2000; t++) {
				s[i][t] = r.nextDouble() < 0.05 ? 1 : 0;
				ca = 0.95 * ca + s[i][t];
				c[i][t] = ca + 0.1 * r.nextGaussian();
			}
		}
		return new TraceSet(List.of("0", "1", "2"), 100, c, s);
	}

	private WindowDatasets.Result build(TraceSet t, WindowSpec spec, DatasetCache cache)
		throws IOException
	{
		return WindowDatasets.balanced(t, spec, Normalization.ROBUST_ZSCORE, 200, 9, cache);
	}

	@Test
	void secondRunComesFromTheCacheAndIsIdentical() throws IOException {
		DatasetCache cache = new DatasetCache(dir);
		WindowDatasets.Result first = build(synthetic(1), WindowSpec.defaults(), cache);
		assertFalse(first.fromCache());
		WindowDatasets.Result second = build(synthetic(1), WindowSpec.defaults(), cache);
		assertTrue(second.fromCache());
		assertEquals(first.windows(), second.windows());
		assertEquals(200, second.windows().size());
	}

	@Test
	void tooLargeASampleIsCappedToWhatBalanceAllows() throws IOException {
		TraceSet t = synthetic(1);
		int spikes = Windowing.trainingWindows(t, WindowSpec.defaults()).spikeCount();
		WindowSet w = WindowDatasets.balanced(t, WindowSpec.defaults(), Normalization.ROBUST_ZSCORE,
			100_000, 9, null).windows();
		assertEquals(2 * spikes, w.size());
		assertEquals(spikes, w.spikeCount());
	}

	@Test
	void keyChangesWithDataSpecAndSettings() {
		TraceSet t = synthetic(1);
		String k = DatasetCache.key(t, WindowSpec.defaults(), Normalization.ROBUST_ZSCORE, 200, 9);
		assertEquals(k, DatasetCache.key(synthetic(1), WindowSpec.defaults(),
			Normalization.ROBUST_ZSCORE, 200, 9));
		assertNotEquals(k, DatasetCache.key(synthetic(2), WindowSpec.defaults(),
			Normalization.ROBUST_ZSCORE, 200, 9));
		assertNotEquals(k, DatasetCache.key(t, new WindowSpec(10, 9, 2, 1),
			Normalization.ROBUST_ZSCORE, 200, 9));
		assertNotEquals(k, DatasetCache.key(t, WindowSpec.defaults(), Normalization.NONE, 200, 9));
		assertNotEquals(k, DatasetCache.key(t, WindowSpec.defaults(), Normalization.ROBUST_ZSCORE,
			400, 9));
		assertNotEquals(k, DatasetCache.key(t, WindowSpec.defaults(), Normalization.ROBUST_ZSCORE,
			200, 10));
	}

	@Test
	void corruptOrTruncatedEntriesAreRebuiltNotTrusted() throws IOException {
		DatasetCache cache = new DatasetCache(dir);
		TraceSet t = synthetic(1);
		WindowDatasets.Result first = build(t, WindowSpec.defaults(), cache);
		Path f = cache.file(first.key());

		byte[] bytes = Files.readAllBytes(f);
		bytes[bytes.length / 2] ^= 0x40; // one flipped bit in the payload
		Files.write(f, bytes);
		assertTrue(cache.load(first.key()).isEmpty());
		WindowDatasets.Result rebuilt = build(t, WindowSpec.defaults(), cache);
		assertFalse(rebuilt.fromCache());
		assertEquals(first.windows(), rebuilt.windows());
		assertTrue(build(t, WindowSpec.defaults(), cache).fromCache(), "the rebuilt entry is valid");

		Files.write(f, Arrays.copyOf(Files.readAllBytes(f), 100));
		assertFalse(build(t, WindowSpec.defaults(), cache).fromCache());
		Files.write(f, new byte[0]);
		assertFalse(build(t, WindowSpec.defaults(), cache).fromCache());
	}

	@Test
	void anEntryCopiedUnderAnotherKeyIsRefused() throws IOException {
		DatasetCache cache = new DatasetCache(dir);
		WindowDatasets.Result a = build(synthetic(1), WindowSpec.defaults(), cache);
		String other = DatasetCache.key(synthetic(2), WindowSpec.defaults(),
			Normalization.ROBUST_ZSCORE, 200, 9);
		Files.copy(cache.file(a.key()), cache.file(other));
		assertTrue(cache.load(other).isEmpty());
	}
}
