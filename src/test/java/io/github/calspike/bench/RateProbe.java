package io.github.calspike.bench;

import io.github.calspike.analysis.SpikeFinderMetric;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.SpikeFinderCsv;
import io.github.calspike.train.EpochResult;
import io.github.calspike.train.RateConfig;
import io.github.calspike.train.RateTrainer;
import io.github.calspike.train.StopSignal;
import io.github.calspike.train.TrainingProgress;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Exploratory LODO probe for the rate model. Args: epochs folds; -D settings. */
public final class RateProbe {
	/** x minus a slow baseline: the 25th percentile of block medians within +-window/2, interpolated. */
	static double[] detrend(double[] x, int window, int block) {
		int nb = (x.length + block - 1) / block;
		double[] med = new double[nb];
		for (int b = 0; b < nb; b++) {
			double[] v = java.util.Arrays.copyOfRange(x, b * block, Math.min(x.length, (b + 1) * block));
			java.util.Arrays.sort(v);
			med[b] = v[v.length / 2];
		}
		int half = Math.max(1, window / block / 2);
		double[] base = new double[nb];
		for (int b = 0; b < nb; b++) {
			double[] v = java.util.Arrays.copyOfRange(med, Math.max(0, b - half), Math.min(nb, b + half + 1));
			java.util.Arrays.sort(v);
			base[b] = v[v.length / 4];
		}
		double[] out = new double[x.length];
		for (int t = 0; t < x.length; t++) {
			double pos = (t - block / 2.0) / block;
			int b0 = (int) Math.floor(pos);
			double f = pos - b0;
			int lo = Math.max(0, Math.min(nb - 1, b0)), hi = Math.max(0, Math.min(nb - 1, b0 + 1));
			out[t] = x[t] - (base[lo] * (1 - f) + base[hi] * f);
		}
		return out;
	}

	static void write(Path p, double[][] rows) throws java.io.IOException {
		StringBuilder b = new StringBuilder();
		for (double[] r : rows) {
			for (int i = 0; i < r.length; i++) b.append(i == 0 ? "" : ",").append((float) r[i]);
			b.append('\n');
		}
		java.nio.file.Files.writeString(p, b);
	}

	public static void main(String[] a) throws Exception {
		Path data = Paths.get("../shared/data/spikefinder");
		int epochs = Integer.parseInt(a[0]);
		String[] folds = a.length > 1 ? a[1].split(",") : new String[] { "4", "5", "6" };
		RateConfig cfg = RateConfig.defaults().withEpochs(epochs)
			.withSmoothing(Double.parseDouble(System.getProperty("smooth", "0.1")))
			.withAugmentation(Double.parseDouble(System.getProperty("noise", "1.0")), Double.parseDouble(
				System.getProperty("scale", "0.5")))
			.withNetwork(Integer.getInteger("filters", 32), Integer.getInteger("kernel", 7), Integer
				.getInteger("layers", 5))
			.withGlobalContext(Integer.getInteger("global", -1))
			.withLearningRate(Double.parseDouble(System.getProperty("lr", "0.001")))
			.withBatch(Integer.getInteger("batch", 8), Integer.getInteger("crop", 1024))
			.withStretch(Double.parseDouble(System.getProperty("stretch", "0.7")))
			.withCorrelationWeight(Double.parseDouble(System.getProperty("corr", "0")))
			.withSynthetic(Double.parseDouble(System.getProperty("synthetic", "0")))
			.withSeed(Long.getLong("seed", 1));
		Normalization norm = Normalization.fromLabel(System.getProperty("norm", "noise units"));
		for (String hold : folds) {
			List<TraceSet> tr = new ArrayList<>();
			List<String> pre = new ArrayList<>();
			TraceSet val = null;
			for (String d : new String[] { "4", "5", "6" }) {
				TraceSet t = SpikeFinderCsv.read(data.resolve(d + ".train.calcium.csv"), data.resolve(d +
					".train.spikes.csv"), SpikeFinderCsv.Options.defaults());
				double w = Double.parseDouble(System.getProperty("detrend", "0"));
				if (w > 0) {
					double[][] c = new double[t.size()][];
					for (int i = 0; i < c.length; i++) c[i] = detrend(t.calcium(i), (int) (w * t.rateHz()), (int) (0.5 * t.rateHz()));
					t = t.withCalcium(c);
				}
				if (d.equals(hold)) val = t;
				else {
					tr.add(t);
					pre.add(d + "/");
				}
			}
			long t0 = System.nanoTime();
			boolean lstm = System.getProperty("arch", "cnn").equals("bilstm");
			double[][][] last = new double[2][][];
			RateTrainer.train(TraceSet.concat(tr, pre), val, norm, cfg, (t, p) -> {
				last[0] = t;
				last[1] = p;
				return SpikeFinderMetric.score(java.util.Collections.nCopies(t.length, "n"), t, p, 4).mean();
			}, TrainingProgress.onEpoch(e -> {
						System.out.printf("hold %s epoch %d loss %.5f val corr %.4f %.0f frames/s%n", hold, e
							.epoch(), e.trainLoss(), e.validationScore(), e.throughput());
					}), new StopSignal(), lstm ? new BiLstmRateBlock(Integer.getInteger("units", 32))
					: io.github.calspike.nn.RateNetworkBlock.builder().optFilters(cfg.filters()).optKernel(cfg
						.kernel()).optLayers(cfg.layers()).optGlobalContext(cfg.globalContext()).build(), lstm ? 2000 : io.github.calspike.nn.RateNetworkBlock
							.receptiveField(cfg.kernel(), cfg.layers()));
			System.out.printf("hold %s %.0f s%n", hold, (System.nanoTime() - t0) / 1e9);
			String save = System.getProperty("save");
			if (save != null) {
				write(Paths.get(save + "_" + hold + ".txt"), last[1]);
				write(Paths.get(save.replaceAll("[^/]*$", "") + "truth_" + hold + ".txt"), last[0]);
			}
		}
	}
}
