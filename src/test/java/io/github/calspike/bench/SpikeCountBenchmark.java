package io.github.calspike.bench;

import io.github.calspike.analysis.SpikeMetrics;
import io.github.calspike.analysis.SpikeScores;
import io.github.calspike.command.RateModels;
import io.github.calspike.infer.ModelSettings;
import io.github.calspike.infer.SpikeInference;
import io.github.calspike.infer.SpikeRateModel;
import io.github.calspike.model.ModelFolder;
import io.github.calspike.model.ModelInfo;
import io.github.calspike.trace.EventGate;
import io.github.calspike.trace.EventSizes;
import io.github.calspike.trace.Resampling;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.SpikeFinderCsv;
import io.github.calspike.train.RateConfig;
import io.github.calspike.train.RateTrainer;
import io.github.calspike.train.RateTraining;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The numbers a user reads, leave one dataset out: for each fold model BENCH/lodo-H/model, the
 * held-out SpikeFinder dataset H at 100 Hz and as a noisy 7.5 Hz recording (frames averaged to
 * 7.5 Hz, spikes summed, plus white noise of sd 0.1 x each trace's 1st-99th percentile range),
 * scored with the SpikeScores of "Infer Spikes"; and what the model gives on a flat trace and on
 * white noise. Usage: SpikeCountBenchmark BENCH_DIR DATA_DIR [FOLDS]
 */
public final class SpikeCountBenchmark {

	public static void main(String[] a) throws Exception {
		Path bench = Paths.get(a[0]), data = Paths.get(a[1]);
		String[] folds = (a.length > 2 ? a[2] : "4 5 6").trim().split("\\s+");
		System.out.println("| held out | recording | SpikeFinder corr | corr 7.5 Hz bins | count error " +
			"| median count ratio | quiet rate (Hz) | rate corr | discrete P | R | F1 |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
		double[][] sums = new double[2][9];
		List<String> nulls = new ArrayList<>(), flags = new ArrayList<>();
		for (String h : folds) {
			TraceSet t = SpikeFinderCsv.read(data.resolve(h + ".train.calcium.csv"), data.resolve(h +
				".train.spikes.csv"), SpikeFinderCsv.Options.defaults());
			Path folder = bench.resolve("lodo-" + h + "/model");
			String q = System.getProperty("recalibrate");
			if (q != null) folder = recalibrated(folder, data, h, Double.parseDouble(q));
			try (SpikeRateModel m = SpikeRateModel.open(folder)) {
				TraceSet[] versions = { t, noisyLowRate(t, 7.5, 0.1, 7) };
				for (int v = 0; v < 2; v++) {
					SpikeInference.Result r = SpikeInference.run(m, versions[v]);
					double[][] truth = new double[versions[v].size()][];
					for (int i = 0; i < truth.length; i++) truth[i] = versions[v].spikes(i);
					SpikeScores s = SpikeScores.of(versions[v].names(), truth, r.rates, r.discrete,
						versions[v].rateHz());
					double[] row = scores(s, v == 0);
					for (int k = 0; k < row.length; k++) sums[v][k] += row[k] / folds.length;
					System.out.println(row(h + ".train", v == 0 ? "100 Hz" : "7.5 Hz + noise", row));
					flags.add(flagged(h, v == 0 ? "100 Hz" : "7.5 Hz + noise", r, s));
				}
				nulls.add(String.format(Locale.ROOT, "fold %s: flat trace %.3f Hz, white noise %.3f Hz " +
					"(100 Hz), %.3f Hz (7.5 Hz)", h, hz(m, new double[6000], 100), hz(m, noise(60000, 1), 100),
					hz(m, noise(4500, 2), 7.5)));
			}
		}
		System.out.println(row("mean", "100 Hz", sums[0]));
		System.out.println(row("mean", "7.5 Hz + noise", sums[1]));
		System.out.println();
		for (String n : nulls) System.out.println(n);
		System.out.println();
		System.out.println("| held out | recording | flagged (fits_model false) | by noise level | " +
			"by event size | count error, event size outside | inside | count ratios, event size " +
			"outside | their event sizes | model's event sizes |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|");
		for (String f : flags) System.out.println(f);
	}

	/**
	 * @return a table row: how many neurons {@code r} flags as not fitting the model, by noise level
	 *         and by event size, and the count error of those whose event size is outside the
	 *         model's range and of the rest
	 */
	static String flagged(String h, String what, SpikeInference.Result r, SpikeScores s) {
		List<Double> in = new ArrayList<>(), out = new ArrayList<>();
		StringBuilder ratios = new StringBuilder(), sizes = new StringBuilder();
		int flagged = 0, byNoise = 0;
		for (int i = 0; i < r.fitsModel.length; i++) {
			if (!r.fitsModel[i]) flagged++;
			if (!(r.noiseLevel[i] >= r.noiseRange[0] && r.noiseLevel[i] <= r.noiseRange[1])) byNoise++;
			if (EventSizes.within(r.eventSize[i], r.eventRange)) {
				in.add(s.countRatio[i]);
				continue;
			}
			out.add(s.countRatio[i]);
			ratios.append(ratios.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f",
				s.countRatio[i]));
			sizes.append(sizes.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f",
				r.eventSize[i]));
		}
		return String.format(Locale.ROOT, "| %s.train | %s | %d of %d | %d | %d | %s | %s | %s | %s | " +
			"%.0f-%.0f |", h, what, flagged, r.fitsModel.length, byNoise, out.size(), error(out), error(in),
			ratios, sizes, r.eventRange[0], r.eventRange[1]);
	}

	private static String error(List<Double> ratios) {
		if (ratios.isEmpty()) return "-";
		return String.format(Locale.ROOT, "%.3f", SpikeMetrics.countError(ratios.stream().mapToDouble(
			Double::doubleValue).toArray()));
	}

	/**
	 * @return a copy of a fold's model folder calibrated as training now calibrates (floor at
	 *         quantile q of its rate on white noise, gain on the fold's training datasets)
	 */
	static Path recalibrated(Path folder, Path data, String heldOut, double q) throws Exception {
		ModelFolder.Loaded l = ModelFolder.read(folder, ModelInfo.SPIKE_RATE);
		ModelInfo info = l.info();
		List<TraceSet> sets = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (String d : new String[] { "4", "5", "6" }) {
			if (d.equals(heldOut)) continue;
			sets.add(SpikeFinderCsv.read(data.resolve(d + ".train.calcium.csv"), data.resolve(d +
				".train.spikes.csv"), SpikeFinderCsv.Options.defaults()));
			names.add(d);
		}
		RateConfig cfg = RateConfig.defaults().withNetwork(info.network.filters, info.network.kernel,
			info.network.layers).withGlobalContext(info.network.globalContext).withAugmentation(
				info.training.augmentNoise, info.training.augmentScale);
		EventGate.Calibration cal = RateTraining.calibrate(TraceSet.concat(sets, names), ModelSettings
			.normalization(info), cfg, l.parameters(), q, Double.parseDouble(System.getProperty(
				"basequantile", Double.toString(EventGate.DEFAULT_BASE_QUANTILE))));
		info.network.outputScale = RateTrainer.TARGET_SCALE;
		info.calibration = RateModels.calibration(cal);
		System.err.printf(Locale.ROOT, "fold %s: base %.4f floor %.4f gain %.3f noise %.2f-%.2f%n",
			heldOut, cal.base, cal.floor, cal.gain, cal.noiseMin, cal.noiseMax);
		Path out = Files.createTempDirectory("recalibrated").resolve("model");
		ModelFolder.write(out, info, l.parameters());
		return out;
	}

	/**
	 * @return a table row's numbers: SpikeFinder correlation (NaN unless {@code spikefinder}),
	 *         correlation in 7.5 Hz bins, count error, median count ratio, quiet rate, rate
	 *         correlation, and the pooled discrete-spike precision, recall and F1
	 */
	static double[] scores(SpikeScores s, boolean spikefinder) {
		SpikeMetrics.Matching mt = s.pooledMatching();
		return new double[] { spikefinder ? s.spikefinderMean() : Double.NaN, s.binnedMean(), s
			.countError(), s.medianCountRatio(), s.quietRateHz(), s.rateCorrelation(), mt.precision(),
			mt.recall(), mt.f1() };
	}

	static String row(String h, String what, double[] v) {
		StringBuilder b = new StringBuilder("| " + h + " | " + what + " |");
		for (double x : v) b.append(Double.isNaN(x) ? " - |" : String.format(Locale.ROOT, " %.3f |",
			x));
		return b.toString();
	}

	private static double[] noise(int n, long seed) {
		Random r = new Random(seed);
		double[] x = new double[n];
		for (int i = 0; i < n; i++) x[i] = r.nextGaussian();
		return x;
	}

	private static double hz(SpikeRateModel m, double[] x, double rateHz) {
		double s = 0;
		for (double v : m.rates(x, rateHz)) s += v;
		return s / (x.length / rateHz);
	}

	/**
	 * @return the traces averaged into frames at {@code toHz} (spikes summed), plus white noise of
	 *         sd {@code noise} x the trace's 1st-99th percentile range
	 */
	static TraceSet noisyLowRate(TraceSet t, double toHz, double noise, long seed) {
		Random r = new Random(seed);
		int n = t.size();
		double[][] c = new double[n][], s = new double[n][];
		for (int i = 0; i < n; i++) {
			double[] x = t.calcium(i);
			c[i] = Resampling.slower(x, t.rateHz(), toHz, false);
			s[i] = Resampling.slower(t.spikes(i), t.rateHz(), toHz, true);
			int frames = c[i].length;
			double[] sorted = x.clone();
			Arrays.sort(sorted);
			double range = sorted[(int) (0.99 * (sorted.length - 1))] - sorted[(int) (0.01 * (sorted
				.length - 1))];
			for (int f = 0; f < frames; f++) c[i][f] += noise * range * r.nextGaussian();
		}
		return new TraceSet(t.names(), toHz, c, s);
	}
}
