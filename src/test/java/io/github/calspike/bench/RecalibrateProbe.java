package io.github.calspike.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Calibrates a rate model folder again on all of SpikeFinder 4, 5 and 6 with today's code (e.g.
 * the bundled model with another gate base, {@code -Dbasequantile=Q}) into another folder, for
 * trying a calibration on the demo movie. Usage: RecalibrateProbe MODEL DATA_DIR OUT [FLOOR_Q]
 */
public final class RecalibrateProbe {

	public static void main(String[] a) throws Exception {
		double q = a.length > 3 ? Double.parseDouble(a[3]) : 0.999;
		Path tmp = SpikeCountBenchmark.recalibrated(Paths.get(a[0]), Paths.get(a[1]), "none", q);
		Path out = Paths.get(a[2]);
		Files.createDirectories(out);
		try (Stream<Path> s = Files.list(tmp)) {
			for (Path p : (Iterable<Path>) s::iterator) {
				Files.copy(p, out.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}
}
