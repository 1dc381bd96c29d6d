package io.github.calspike.bench;

import io.github.calspike.analysis.SpikeMetrics;
import io.github.calspike.analysis.SpikeScores;
import io.github.calspike.infer.SpikeInference;
import io.github.calspike.infer.SpikeRateModel;
import io.github.calspike.trace.EventSizes;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.Padding;
import io.github.calspike.trace.io.SpikeFinderCsv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Unseen neurons of seen indicators, the case of a user who records with an indicator the model
 * was trained on: the neurons of each SpikeFinder dataset are dealt round robin into K folds;
 * fold f trains on every dataset's other neurons and is scored on its own. Usage:
 * <ul>
 * <li>{@code NeuronFolds split DATA OUT K}: writes OUT/nf-F/train/D.train.{calcium,spikes}.csv
 * and OUT/nf-F/test/D.train.{calcium,spikes}.csv for datasets 4, 5, 6;</li>
 * <li>{@code NeuronFolds score OUT K}: runs each OUT/nf-F/model on its test neurons and prints,
 * per dataset (its held-out neurons of every fold pooled) and their mean, the scores "Infer
 * Spikes" reports, at 100 Hz and as a noisy 7.5 Hz recording (as {@link SpikeCountBenchmark});
 * with {@code -Drecalibrate=Q}, after calibrating each fold model again on its training neurons.</li>
 * </ul>
 */
public final class NeuronFolds {

	/** The SpikeFinder datasets dealt into folds. */
	static final String[] DATASETS = { "4", "5", "6" };

	public static void main(String[] a) throws Exception {
		if (a[0].equals("split")) split(Paths.get(a[1]), Paths.get(a[2]), Integer.parseInt(a[3]));
		else score(Paths.get(a[1]), Integer.parseInt(a[2]));
	}

	static void split(Path data, Path out, int k) throws Exception {
		for (String d : DATASETS) {
			TraceSet t = SpikeFinderCsv.read(data.resolve(d + ".train.calcium.csv"), data.resolve(d +
				".train.spikes.csv"), SpikeFinderCsv.Options.defaults());
			for (int f = 0; f < k; f++) {
				List<Integer> test = new ArrayList<>(), train = new ArrayList<>();
				for (int i = 0; i < t.size(); i++) (i % k == f ? test : train).add(i);
				write(t, train, out.resolve("nf-" + f + "/train"), d);
				write(t, test, out.resolve("nf-" + f + "/test"), d);
			}
		}
	}

	private static void write(TraceSet t, List<Integer> idx, Path dir, String d) throws Exception {
		Files.createDirectories(dir);
		TraceSet s = t.select(idx.stream().mapToInt(Integer::intValue).toArray());
		double[][] c = new double[s.size()][], y = new double[s.size()][];
		for (int i = 0; i < s.size(); i++) {
			c[i] = s.calcium(i);
			y[i] = s.spikes(i);
		}
		SpikeFinderCsv.write(dir.resolve(d + ".train.calcium.csv"), s.names(), c, Padding.EMPTY);
		SpikeFinderCsv.write(dir.resolve(d + ".train.spikes.csv"), s.names(), y, Padding.EMPTY);
	}

	static void score(Path out, int k) throws Exception {
		System.out.println("| dataset | recording | SpikeFinder corr | corr 7.5 Hz bins | count error " +
			"| median count ratio | quiet rate (Hz) | rate corr | discrete P | R | F1 |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
		double[][] sums = new double[2][9];
		List<String> flags = new ArrayList<>();
		// -Drecalibrate=Q: each fold model calibrated again on its training neurons with today's code
		String q = System.getProperty("recalibrate");
		Path[] models = new Path[k];
		for (int f = 0; f < k; f++) {
			models[f] = out.resolve("nf-" + f + "/model");
			if (q != null) models[f] = SpikeCountBenchmark.recalibrated(models[f], out.resolve("nf-" + f +
				"/train"), "none", Double.parseDouble(q));
		}
		for (String d : DATASETS) {
			for (int v = 0; v < 2; v++) {
				Pooled pooled = new Pooled();
				double hz = 0;
				List<Double> outside = new ArrayList<>(), inside = new ArrayList<>();
				int byNoise = 0, flagged = 0;
				for (int f = 0; f < k; f++) {
					TraceSet t = read(out.resolve("nf-" + f + "/test"), d);
					if (v == 1) t = SpikeCountBenchmark.noisyLowRate(t, 7.5, 0.1, 7 + f);
					hz = t.rateHz();
					try (SpikeRateModel m = SpikeRateModel.open(models[f])) {
						SpikeInference.Result r = SpikeInference.run(m, t);
						pooled.add(f, t, r);
						for (int i = 0; i < t.size(); i++) {
							double ratio = SpikeMetrics.countRatio(t.spikes(i), r.rates[i]);
							boolean in = EventSizes.within(r.eventSize[i], r.eventRange);
							(in ? inside : outside).add(ratio);
							double nu = r.noiseLevel[i];
							if (!(nu >= r.noiseRange[0] && nu <= r.noiseRange[1])) byNoise++;
							if (!r.fitsModel[i]) flagged++;
						}
					}
				}
				SpikeScores s = pooled.scores(hz);
				flags.add(String.format(Locale.ROOT, "| %s.train | %s | %d of %d | %d | %d | %s | %s |", d,
					v == 0 ? "100 Hz" : "7.5 Hz + noise", flagged, pooled.names.size(), byNoise, outside.size(),
					countError(outside), countError(inside)));
				double[] row = SpikeCountBenchmark.scores(s, v == 0);
				for (int j = 0; j < row.length; j++) sums[v][j] += row[j] / DATASETS.length;
				System.out.println(SpikeCountBenchmark.row(d + ".train", v == 0 ? "100 Hz"
					: "7.5 Hz + noise", row));
			}
		}
		System.out.println(SpikeCountBenchmark.row("mean", "100 Hz", sums[0]));
		System.out.println(SpikeCountBenchmark.row("mean", "7.5 Hz + noise", sums[1]));
		System.out.println();
		System.out.println("| dataset | recording | flagged (fits_model false) | by noise level | " +
			"by event size | count error, event size outside | inside |");
		System.out.println("|---|---|---|---|---|---|---|");
		for (String f : flags) System.out.println(f);
	}

	private static String countError(List<Double> ratios) {
		return ratios.isEmpty() ? "-" : String.format(Locale.ROOT, "%.3f", SpikeMetrics.countError(
			ratios.stream().mapToDouble(Double::doubleValue).toArray()));
	}

	/** A change of a fold model's calibrated rate, for {@link #printScores}. */
	interface RateChange {
		/** @return the changed rate of one neuron under fold {@code fold}'s model */
		double[] apply(int fold, double[] rate);
	}

	/**
	 * Prints, as {@link #score} does, the scores of each dataset's held-out neurons (all folds
	 * pooled) and their mean, with every rate changed by {@code change} and discrete spikes placed
	 * again: {@code tests.get(f).get(d)} and {@code rates.get(f).get(d)} are fold f's held-out
	 * neurons of dataset d ({@link #DATASETS}) and their calibrated rates, {@code widths[f]} its
	 * spike width in frames.
	 */
	static void printScores(List<List<TraceSet>> tests, List<List<double[][]>> rates,
		double[] widths, String label, RateChange change)
	{
		double[] sums = new double[9];
		for (int d = 0; d < DATASETS.length; d++) {
			Pooled pooled = new Pooled();
			double hz = 0;
			for (int f = 0; f < tests.size(); f++) {
				TraceSet t = tests.get(f).get(d);
				hz = t.rateHz();
				double[][] r = new double[t.size()][];
				for (int i = 0; i < t.size(); i++) r[i] = change.apply(f, rates.get(f).get(d)[i]);
				pooled.add(f, t, SpikeInference.ofRates(t, r, widths[f]));
			}
			SpikeScores s = pooled.scores(hz);
			double[] row = SpikeCountBenchmark.scores(s, hz == 100);
			for (int c = 0; c < row.length; c++) sums[c] += row[c] / DATASETS.length;
			System.out.println(SpikeCountBenchmark.row(DATASETS[d] + ".train", label, row));
		}
		System.out.println(SpikeCountBenchmark.row("mean", label, sums));
	}

	/** The held-out neurons of several folds with what a model inferred for them, scored as one. */
	static final class Pooled {
		final List<String> names = new ArrayList<>();
		private final List<double[]> truth = new ArrayList<>(), rates = new ArrayList<>(),
			discrete = new ArrayList<>();

		/** Adds fold {@code fold}'s neurons {@code t} and their inference {@code r}. */
		void add(int fold, TraceSet t, SpikeInference.Result r) {
			for (int i = 0; i < t.size(); i++) {
				names.add(fold + "/" + t.name(i));
				truth.add(t.spikes(i));
				rates.add(r.rates[i]);
				discrete.add(r.discrete[i]);
			}
		}

		/** @return the scores "Infer Spikes" would report for all of them, recorded at {@code hz} */
		SpikeScores scores(double hz) {
			return SpikeScores.of(names, truth.toArray(new double[0][]), rates.toArray(
				new double[0][]), discrete.toArray(new double[0][]), hz);
		}
	}

	/** @return dataset {@code d}'s neurons in a fold's {@code train} or {@code test} folder */
	static TraceSet read(Path dir, String d) throws Exception {
		return SpikeFinderCsv.read(dir.resolve(d + ".train.calcium.csv"), dir.resolve(d +
			".train.spikes.csv"), SpikeFinderCsv.Options.defaults());
	}
}
