package io.github.calspike.bench;

import io.github.calspike.analysis.NeuronMatching;
import io.github.calspike.detect.Detection;
import io.github.calspike.detect.SummaryImages;
import io.github.calspike.extract.NeurofinderRegions;
import io.github.calspike.extract.ij.ImagePlusFrames;
import io.github.calspike.extract.ij.MovieFiles;
import io.github.calspike.progress.Progress;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

/** Neuron detection on the Neurofinder crops: classical baseline sweep. */
public final class DetectionBenchmark {

	static final String[] CROPS = { "neurofinder-crop-256", "neurofinder-crop-256-tr",
		"neurofinder-crop-256-bl" };

	public static void main(String[] args) throws Exception {
		Path dir = Paths.get(args.length > 0 ? args[0] : "../shared/data/neurofinder");
		SummaryImages[] s = new SummaryImages[3];
		double[][][] truth = new double[3][][];
		for (int c = 0; c < 3; c++) {
			long t0 = System.nanoTime();
			s[c] = SummaryImages.of(ImagePlusFrames.of(MovieFiles.open(dir.resolve(CROPS[c] + ".tif"))),
				Progress.NONE);
			truth[c] = centroids(NeurofinderRegions.read(dir.resolve(CROPS[c] + ".regions.json")));
			System.out.printf(Locale.ROOT, "%s: summaries in %.1f s%n", CROPS[c], (System.nanoTime() - t0) / 1e9);
		}
		for (double thr : new double[] { 0.03, 0.05, 0.07, 0.1, 0.15, 0.2 }) {
			for (double rel : new double[] { 0.5, 0.7 }) {
				for (int sep : new int[] { 3, 4, 5 }) {
					CorrelationDetector d = new CorrelationDetector(1, thr, sep, rel, 8, 15);
					StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
						"thr %.2f rel %.1f sep %d:", thr, rel, sep));
					double f = 0;
					for (int c = 0; c < 3; c++) {
						Detection det = d.detect(s[c]);
						NeuronMatching.Result r = NeuronMatching.score(truth[c], det.centroids(), 256, 256);
						line.append(String.format(Locale.ROOT, " P %.2f R %.2f F1 %.3f (%d) |", r.precision(), r
							.recall(), r.f1(), r.detected));
						f += r.f1() / 3;
					}
					System.out.println(line + String.format(Locale.ROOT, " mean F1 %.3f", f));
				}
			}
		}
	}

	static double[][] centroids(List<NeurofinderRegions.Region> regions) {
		double[][] c = new double[regions.size()][];
		for (int k = 0; k < c.length; k++) {
			double sx = 0, sy = 0;
			int[] xs = regions.get(k).xs(), ys = regions.get(k).ys();
			for (int i = 0; i < xs.length; i++) {
				sx += xs[i];
				sy += ys[i];
			}
			c[k] = new double[] { sx / xs.length, sy / xs.length };
		}
		return c;
	}
}
