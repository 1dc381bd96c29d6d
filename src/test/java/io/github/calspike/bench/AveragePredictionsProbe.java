package io.github.calspike.bench;

import io.github.calspike.analysis.SpikeFinderMetric;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;

/**
 * Scores ensembles of rate networks from held-out predictions saved by {@link RateProbe}
 * ({@code -Dsave=DIR/NAME} writes DIR/NAME_H.txt and DIR/truth_H.txt, one line per neuron of
 * held-out dataset H), without retraining: averages the named runs' rates and prints the
 * SpikeFinder correlation per held-out dataset (mean over neurons) and their mean.
 * Usage: AveragePredictionsProbe DIR NAME [NAME ...]
 */
public final class AveragePredictionsProbe {
	public static void main(String[] a) throws Exception {
		Path dir = Paths.get(a[0]);
		double total = 0;
		for (String h : new String[] { "4", "5", "6" }) {
			double[][] truth = read(dir.resolve("truth_" + h + ".txt"));
			double[][] mean = new double[truth.length][];
			for (int n = 1; n < a.length; n++) {
				double[][] r = read(dir.resolve(a[n] + "_" + h + ".txt"));
				for (int i = 0; i < r.length; i++) {
					if (mean[i] == null) mean[i] = new double[r[i].length];
					for (int k = 0; k < r[i].length; k++) mean[i][k] += r[i][k] / (a.length - 1);
				}
			}
			double score = SpikeFinderMetric.score(Collections.nCopies(truth.length, "n"), truth, mean,
				SpikeFinderMetric.factor(100)).mean();
			total += score / 3;
			System.out.printf("%s.train: %.3f%n", h, score);
		}
		System.out.printf("mean: %.3f%n", total);
	}

	static double[][] read(Path p) throws Exception {
		List<String> lines = Files.readAllLines(p);
		double[][] rows = new double[lines.size()][];
		for (int i = 0; i < rows.length; i++) {
			String[] v = lines.get(i).split(",");
			rows[i] = new double[v.length];
			for (int k = 0; k < v.length; k++) rows[i][k] = Double.parseDouble(v[k]);
		}
		return rows;
	}
}
