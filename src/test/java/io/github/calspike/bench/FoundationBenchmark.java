package io.github.calspike.bench;

import io.github.calspike.data.DatasetCache;
import io.github.calspike.data.WindowDatasets;
import io.github.calspike.data.WindowSpec;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.SpikeFinderCsv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * Times the foundation's data path on real SpikeFinder recordings: CSV reading (calcium alone, and
 * calcium + spikes), building the balanced window dataset, and the same build from the cache.
 * Usage: FoundationBenchmark DATA_DIR. Prints a Markdown table. The median of 7 runs after 3
 * warm-up runs is reported; the first (cold JVM) run is reported separately.
 */
public final class FoundationBenchmark {

	private FoundationBenchmark() {}

	interface Task {
		void run() throws Exception;
	}

	public static void main(String[] args) throws Exception {
		Path data = Paths.get(args.length > 0 ? args[0] : "../shared/data/spikefinder");
		Path cacheDir = Files.createTempDirectory("calspike-bench-cache");
		System.out.println("| step | data | cold (ms) | median warm (ms) |");
		System.out.println("|---|---|---|---|");
		for (String ds : new String[] { "4", "5", "6" }) {
			Path c = data.resolve(ds + ".train.calcium.csv"), s = data.resolve(ds + ".train.spikes.csv");
			report("read calcium CSV", ds + ".train.calcium.csv (" + Files.size(c) / 1024 + " KiB)",
				() -> SpikeFinderCsv.readCalcium(c, SpikeFinderCsv.Options.defaults()));
			report("read calcium + spikes, checked", "dataset " + ds, () -> SpikeFinderCsv.read(c, s,
				SpikeFinderCsv.Options.defaults()));
			TraceSet t = SpikeFinderCsv.read(c, s, SpikeFinderCsv.Options.defaults());
			report("normalise, window, balanced 10,000 (no cache)", "dataset " + ds, () -> WindowDatasets
				.balanced(t, WindowSpec.defaults(), Normalization.ROBUST_ZSCORE, 10_000, 1, null));
			DatasetCache cache = new DatasetCache(cacheDir);
			WindowDatasets.balanced(t, WindowSpec.defaults(), Normalization.ROBUST_ZSCORE, 10_000, 1,
				cache);
			report("same, second run (cache hit incl. content hash)", "dataset " + ds, () -> {
				if (!WindowDatasets.balanced(t, WindowSpec.defaults(), Normalization.ROBUST_ZSCORE, 10_000,
					1, cache).fromCache()) throw new IllegalStateException("cache miss");
			});
		}
	}

	private static void report(String step, String what, Task task) throws Exception {
		long t0 = System.nanoTime();
		task.run();
		double cold = (System.nanoTime() - t0) / 1e6;
		for (int i = 0; i < 3; i++) task.run();
		double[] ms = new double[7];
		for (int i = 0; i < ms.length; i++) {
			long a = System.nanoTime();
			task.run();
			ms[i] = (System.nanoTime() - a) / 1e6;
		}
		java.util.Arrays.sort(ms);
		System.out.println(String.format(Locale.ROOT, "| %s | %s | %.0f | %.1f |", step, what, cold,
			ms[3]));
	}
}
