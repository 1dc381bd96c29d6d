package io.github.calspike.bench;

import io.github.calspike.data.BalancedSampler;
import io.github.calspike.data.WindowDatasets;
import io.github.calspike.data.WindowSet;
import io.github.calspike.data.WindowSpec;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.SpikeFinderCsv;
import io.github.calspike.train.ClassifierConfig;
import io.github.calspike.train.ClassifierTrainer;
import io.github.calspike.train.EpochResult;
import io.github.calspike.train.StopSignal;
import io.github.calspike.train.TrainingListener;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Exploratory: leave-one-dataset-out training of the classifier. Args: threads samples epochs lr */
public final class ClassifierProbe {
	static Normalization norm(String mode) {
		return mode.startsWith("noise") ? Normalization.NONE : Normalization.ROBUST_ZSCORE;
	}

	/** noise: (x - median) / noise sd, noise sd from the median absolute first difference */
	static TraceSet prep(TraceSet t, String mode) {
		if (!mode.startsWith("noise")) return t;
		double[][] c = new double[t.size()][];
		for (int i = 0; i < t.size(); i++) {
			double[] x = t.calcium(i);
			double[] d = new double[x.length - 1];
			for (int k = 1; k < x.length; k++) d[k - 1] = Math.abs(x[k] - x[k - 1]);
			double[] s = x.clone();
			java.util.Arrays.sort(d);
			java.util.Arrays.sort(s);
			double sigma = 1.4826 * d[d.length / 2] / Math.sqrt(2), med = s[s.length / 2];
			double scale = Double.parseDouble(System.getProperty("noisescale", "1"));
			c[i] = new double[x.length];
			for (int k = 0; k < x.length; k++) c[i][k] = (x[k] - med) / (sigma * scale);
		}
		return t.withCalcium(c);
	}

	/** centre: subtract the mean of the bins before the centre from each window */
	static WindowSet transform(WindowSet w, String mode) {
		if (!mode.endsWith("centre")) return w;
		float[] v = w.flatValues();
		int len = w.length();
		byte[] l = new byte[w.size()];
		int[] nn = new int[w.size()], cc = new int[w.size()];
		for (int k = 0; k < w.size(); k++) {
			float m = 0;
			for (int b = 0; b < 10; b++) m += v[k * len + b];
			m /= 10;
			for (int b = 0; b < len; b++) v[k * len + b] -= m;
			l[k] = (byte) (w.isSpike(k) ? 1 : 0);
			nn[k] = w.neuron(k);
			cc[k] = w.centre(k);
		}
		return new WindowSet(len, v, l, nn, cc);
	}

	public static void main(String[] a) throws Exception {
		Path data = Paths.get("../shared/data/spikefinder");
		int threads = Integer.parseInt(a[0]), samples = Integer.parseInt(a[1]), epochs = Integer
			.parseInt(a[2]);
		double lr = Double.parseDouble(a[3]);
		String[] ds = a.length > 4 ? a[4].split(",") : new String[] { "4", "5", "6" };
		for (String hold : ds) {
			List<TraceSet> tr = new ArrayList<>();
			List<String> pre = new ArrayList<>();
			TraceSet val = null;
			for (String d : new String[] { "4", "5", "6" }) {
				TraceSet t = SpikeFinderCsv.read(data.resolve(d + ".train.calcium.csv"), data.resolve(d +
					".train.spikes.csv"), SpikeFinderCsv.Options.defaults());
				if (d.equals(hold)) val = t;
				else {
					tr.add(t);
					pre.add(d + "/");
				}
			}
			String mode = System.getProperty("mode", "robust");
			WindowSet train = transform(WindowDatasets.balanced(prep(TraceSet.concat(tr, pre), mode),
				WindowSpec.defaults(), norm(mode), samples, 1, null).windows(), mode);
			WindowSet v = transform(WindowDatasets.balanced(prep(val, mode), WindowSpec.defaults(),
				norm(mode), 10000, 2, null).windows(), mode);
			ClassifierConfig cfg = ClassifierConfig.defaults().withThreads(threads).withSamples(samples)
				.withEpochs(epochs).withLearningRate(lr).withAugmentation(Double.parseDouble(System
				.getProperty("noise", "0")), Double.parseDouble(System.getProperty("scale", "0")));
			long t0 = System.nanoTime();
			ClassifierTrainer.Result r = ClassifierTrainer.train(train, v, cfg, new TrainingListener() {
				@Override
				public void epoch(EpochResult e) {
					System.out.printf("hold %s epoch %d loss %.4f acc %.4f val %.4f/%.4f %.0f samples/s%n",
						hold, e.epoch(), e.trainLoss(), e.trainAccuracy(), e.validationLoss(), e
							.validationAccuracy(), e.samplesPerSecond());
				}
			}, new StopSignal());
			System.out.printf("hold %s train %d windows, %.1f s%n", hold, train.size(), (System
				.nanoTime() - t0) / 1e9);
			try (io.github.calspike.nn.ClassifierNetwork net = new io.github.calspike.nn.ClassifierNetwork(
				64, 20, r.parameters()))
			{
				float[] p = net.probabilities(v.flatValues(), v.size());
				int tp = 0, tn = 0, pos = 0, neg = 0;
				java.util.List<double[]> pairs = new java.util.ArrayList<>();
				for (int k = 0; k < v.size(); k++) {
					if (v.isSpike(k)) { pos++; if (p[k] > 0.5) tp++; }
					else { neg++; if (p[k] <= 0.5) tn++; }
					pairs.add(new double[] { p[k], v.isSpike(k) ? 1 : 0 });
				}
				pairs.sort((x, y) -> Double.compare(x[0], y[0]));
				double rankSum = 0;
				for (int k = 0; k < pairs.size(); k++) if (pairs.get(k)[1] == 1) rankSum += k + 1;
				double auc = (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
				// best threshold
				double best = 0;
				int tpc = pos, fpc = neg;
				for (int k = 0; k < pairs.size(); k++) {
					if (pairs.get(k)[1] == 1) tpc--; else fpc--;
					best = Math.max(best, 0.5 * ((double) tpc / pos + (double) (neg - fpc) / neg));
				}
				System.out.printf("hold %s TPR %.3f TNR %.3f balacc %.3f AUC %.3f best-threshold balacc %.3f%n",
					hold, (double) tp / pos, (double) tn / neg, 0.5 * ((double) tp / pos + (double) tn / neg),
					auc, best);
			}
		}
	}
}
