package io.github.calspike.bench;

import io.github.calspike.analysis.SpikeScores;
import io.github.calspike.infer.SpikeInference;
import io.github.calspike.infer.SpikeRateModel;
import io.github.calspike.model.ModelFolder;
import io.github.calspike.model.ModelInfo;
import io.github.calspike.trace.TraceSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What scaling counts beyond the event-size range does ({@code EventSizes.factor}): each fold
 * model, calibrated again with today's code (which fits the slope b of log(count ratio) against
 * log(event size) over its training neurons at 100 Hz), is run with and without its slope, and
 * the scores of {@link NeuronFolds#score} printed per test set, before and after, at 100 Hz and
 * as noisy 7.5 Hz recordings, with the means over test sets. Usage:
 * EventSizeExtrapolationProbe lodo BENCH_DIR DATA_DIR (fold models BENCH_DIR/lodo-H/model) |
 * neurons BENCH_DIR (BENCH_DIR/nf-F/{model,train,test}, from scripts/benchmark-rate-neurons)
 */
public final class EventSizeExtrapolationProbe {

	public static void main(String[] a) throws Exception {
		boolean lodo = a[0].equals("lodo");
		Path bench = Paths.get(a[1]);
		int folds = 3;
		List<List<TraceSet>> tests = new ArrayList<>();
		Path[] models = new Path[folds];
		List<List<TraceSet>> trains = new ArrayList<>();
		for (int f = 0; f < folds; f++) {
			List<TraceSet> test = new ArrayList<>(), train = new ArrayList<>();
			for (String d : NeuronFolds.DATASETS) {
				if (lodo) {
					Path data = Paths.get(a[2]);
					(d.equals(NeuronFolds.DATASETS[f]) ? test : train).add(NeuronFolds.read(data, d));
				}
				else {
					test.add(NeuronFolds.read(bench.resolve("nf-" + f + "/test"), d));
					train.add(NeuronFolds.read(bench.resolve("nf-" + f + "/train"), d));
				}
			}
			tests.add(test);
			trains.add(train);
			String h = NeuronFolds.DATASETS[f];
			models[f] = lodo ? SpikeCountBenchmark.recalibrated(bench.resolve("lodo-" + h + "/model"),
				Paths.get(a[2]), h, 0.999) : SpikeCountBenchmark.recalibrated(bench.resolve("nf-" + f +
					"/model"), bench.resolve("nf-" + f + "/train"), "none", 0.999);
		}
		System.out.println("| test set | recording | SpikeFinder corr | corr 7.5 Hz bins | count error " +
			"| median count ratio | quiet rate (Hz) | rate corr | discrete P | R | F1 |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
		for (int v = 0; v < 2; v++) {
			double[][] sums = new double[2][9];
			int sets = 0;
			for (int f = 0; f < folds; f++) {
				ModelFolder.Loaded l = ModelFolder.read(models[f], ModelInfo.SPIKE_RATE);
				Double b = l.info().calibration.eventSizeSlope;
				l.info().calibration.eventSizeSlope = null;
				Path unscaled = Files.createTempDirectory("unscaled").resolve("model");
				ModelFolder.write(unscaled, l.info(), l.parameters());
				try (SpikeRateModel m = SpikeRateModel.open(models[f]); SpikeRateModel m0 = SpikeRateModel
					.open(unscaled))
				{
					for (int k = 0; k < tests.get(f).size(); k++) {
						TraceSet t0 = tests.get(f).get(k);
						TraceSet t = v == 1 ? SpikeCountBenchmark.noisyLowRate(t0, 7.5, 0.1, 7 + f) : t0;
						SpikeInference.Result r0 = SpikeInference.run(m0, t), r = SpikeInference.run(m, t);
						int moved = 0;
						for (double x : r.eventSizeFactor) if (x != 1) moved++;
						String name = (lodo ? "held out " + NeuronFolds.DATASETS[f] : "fold " + f + " set " +
							NeuronFolds.DATASETS[k]) + String.format(Locale.ROOT, " (b %.2f, %d of %d scaled)", b,
								moved, t.size());
						double[] before = SpikeCountBenchmark.scores(scores(t, r0.rates, r0.discrete), v == 0);
						double[] aft = SpikeCountBenchmark.scores(scores(t, r.rates, r.discrete), v == 0);
						String rec = v == 0 ? "100 Hz" : "7.5 Hz + noise";
						System.out.println(SpikeCountBenchmark.row(name, rec + " before", before));
						System.out.println(SpikeCountBenchmark.row(name, rec + " after", aft));
						for (int j = 0; j < 9; j++) {
							sums[0][j] += before[j];
							sums[1][j] += aft[j];
						}
						sets++;
					}
				}
			}
			for (int j = 0; j < 9; j++) {
				sums[0][j] /= sets;
				sums[1][j] /= sets;
			}
			System.out.println(SpikeCountBenchmark.row("mean of sets", v == 0 ? "100 Hz before" : "7.5 Hz before", sums[0]));
			System.out.println(SpikeCountBenchmark.row("mean of sets", v == 0 ? "100 Hz after" : "7.5 Hz after", sums[1]));
		}
	}

	private static SpikeScores scores(TraceSet t, double[][] rates, double[][] discrete) {
		List<String> names = new ArrayList<>();
		double[][] truth = new double[t.size()][];
		for (int i = 0; i < t.size(); i++) {
			names.add(t.name(i));
			truth[i] = t.spikes(i);
		}
		return SpikeScores.of(names, truth, rates, discrete, t.rateHz());
	}
}
