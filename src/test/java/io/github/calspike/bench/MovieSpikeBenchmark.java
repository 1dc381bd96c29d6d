package io.github.calspike.bench;

import io.github.calspike.analysis.SpikeMetrics;
import io.github.calspike.analysis.SpikeScores;
import io.github.calspike.cli.CalSpikeCli;
import io.github.calspike.extract.SyntheticMovie;
import io.github.calspike.trace.io.ColumnTable;
import io.github.calspike.trace.io.SpikeFinderCsv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Analyze Calcium Movie" with the bundled rate model on seeded synthetic movies with known
 * spikes (128 x 128 px, 12 neurons firing at 1 Hz, 2 minutes), at 7.5 and 30 Hz: the count error,
 * quiet rate and spike-time F1 a user would get. Usage: MovieSpikeBenchmark [SEEDS]
 * ({@code -Dmodel=DIR}: that rate model at both rates instead of the bundled ones)
 */
public final class MovieSpikeBenchmark {

	public static void main(String[] a) throws Exception {
		int seeds = a.length > 0 ? Integer.parseInt(a[0]) : 3;
		System.out.println("| frame rate | seed | count error | median count ratio | quiet rate (Hz) " +
			"| corr 7.5 Hz bins | discrete P | R | F1 | fits_model false | event sizes | model's |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
		for (double hz : new double[] { 7.5, 30 }) {
			for (int seed = 1; seed <= seeds; seed++) {
				SyntheticMovie.Spec s = new SyntheticMovie.Spec();
				s.rateHz = hz;
				s.frames = (int) Math.round(120 * hz);
				s.seed = seed;
				Path dir = Files.createTempDirectory("movie-bench");
				SyntheticMovie.generate(s).write(dir);
				Path out = dir.resolve("out");
				List<String> args = new ArrayList<>(List.of("--out", out.toString(),
					"Analyze Calcium Movie", "image=" + dir.resolve("movie.tif"), "rois=" + dir.resolve(
						"rois.json"), "framerate=" + hz));
				String model = System.getProperty("model"); // -Dmodel=DIR: another rate model
				if (model != null) args.add("model=" + model);
				int code = new CalSpikeCli(System.out, System.err).run(args.toArray(new String[0]));
				if (code != 0) throw new IllegalStateException("Analyze Calcium Movie failed: " + code);
				ColumnTable truth = SpikeFinderCsv.readColumns(dir.resolve("truth.spikes.csv"), 0, true);
				ColumnTable rate = SpikeFinderCsv.readColumns(out.resolve("movie.spike-rate.csv"), 0, false);
				ColumnTable disc = SpikeFinderCsv.readColumns(out.resolve("movie.spikes.csv"), 0, true);
				int n = truth.labels().size();
				double[][] t = new double[n][], r = new double[n][], d = new double[n][];
				for (int i = 0; i < n; i++) {
					t[i] = truth.column(i);
					r[i] = rate.column(i);
					d[i] = disc.column(i);
				}
				SpikeScores sc = SpikeScores.of(truth.labels(), t, r, d, hz);
				SpikeMetrics.Matching m = sc.pooledMatching();
				System.out.println(String.format(Locale.ROOT, "| %s Hz | %d | %.3f | %.3f | %.3f | %.3f " +
					"| %.3f | %.3f | %.3f | %s |", hz, seed, sc.countError(), sc.medianCountRatio(), sc
						.quietRateHz(), sc.binnedMean(), m.precision(), m.recall(), m.f1(), flags(out.resolve(
							"Inferred spikes per ROI.csv"))));
			}
		}
	}

	/**
	 * @return from the table "Analyze Calcium Movie" wrote: "K of N | smallest-largest event size |
	 *         the model's range"
	 */
	static String flags(Path table) throws java.io.IOException {
		List<String> rows = Files.readAllLines(table);
		List<String> head = java.util.Arrays.asList(rows.get(0).split(","));
		int fits = head.indexOf("fits_model"), size = head.indexOf("event_size"), lo = head.indexOf(
			"model_event_min"), hi = head.indexOf("model_event_max");
		int flagged = 0;
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		String[] row = null;
		for (int i = 1; i < rows.size(); i++) {
			row = rows.get(i).split(",");
			if ("false".equals(row[fits])) flagged++;
			min = Math.min(min, Double.parseDouble(row[size]));
			max = Math.max(max, Double.parseDouble(row[size]));
		}
		return String.format(Locale.ROOT, "%d of %d | %.0f-%.0f | %.0f-%.0f", flagged, rows.size() - 1,
			min, max, Double.parseDouble(row[lo]), Double.parseDouble(row[hi]));
	}
}
