package io.github.calspike.bench;

import io.github.calspike.analysis.SpikeFinderMetric;
import io.github.calspike.infer.SpikeRateModel;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.SpikeFinderCsv;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * SpikeFinder correlation on unseen neurons (the folds of {@code scripts/benchmark-rate-neurons})
 * of the average of several fold-model sets, e.g. trained with different recipes: each held-out
 * neuron's calibrated rates from every set are averaged, weighted. Prints each set alone, then the
 * average, per dataset and for datasets 4 and 5 pooled (the mean over their neurons). Usage:
 * MixedNeuronFoldsProbe K OUT1[:W1] OUT2[:W2] ...
 */
public final class MixedNeuronFoldsProbe {
	public static void main(String[] a) throws Exception {
		int k = Integer.parseInt(a[0]);
		int sets = a.length - 1;
		Path[] outs = new Path[sets];
		double[] w = new double[sets];
		for (int s = 0; s < sets; s++) {
			String[] p = a[s + 1].split(":");
			outs[s] = Paths.get(p[0]);
			w[s] = p.length > 1 ? Double.parseDouble(p[1]) : 1;
		}
		double[][] sum45 = new double[sets + 1][1];
		int n45 = 0;
		for (String d : new String[] { "4", "5", "6" }) {
			double[] total = new double[sets + 1];
			int n = 0;
			for (int f = 0; f < k; f++) {
				Path test = outs[0].resolve("nf-" + f + "/test");
				TraceSet t = SpikeFinderCsv.read(test.resolve(d + ".train.calcium.csv"), test.resolve(d +
					".train.spikes.csv"), SpikeFinderCsv.Options.defaults());
				double[][] mix = new double[t.size()][];
				for (int s = 0; s < sets; s++) {
					try (SpikeRateModel m = SpikeRateModel.open(outs[s].resolve("nf-" + f + "/model"))) {
						double[][] r = m.rates(t);
						for (int i = 0; i < t.size(); i++) {
							total[s] += SpikeFinderMetric.correlation(t.spikes(i), r[i], 4);
							if (mix[i] == null) mix[i] = new double[r[i].length];
							for (int j = 0; j < r[i].length; j++) mix[i][j] += w[s] * r[i][j];
						}
					}
				}
				for (int i = 0; i < t.size(); i++) {
					total[sets] += SpikeFinderMetric.correlation(t.spikes(i), mix[i], 4);
				}
				n += t.size();
			}
			StringBuilder sb = new StringBuilder(d + ":");
			for (int s = 0; s <= sets; s++) {
				sb.append(String.format(" %.4f", total[s] / n));
				if (!d.equals("6")) sum45[s][0] += total[s];
			}
			if (!d.equals("6")) n45 += n;
			System.out.println(sb + "  (sets alone, then their average)");
		}
		StringBuilder sb = new StringBuilder("4 and 5 pooled:");
		for (int s = 0; s <= sets; s++) sb.append(String.format(" %.4f", sum45[s][0] / n45));
		System.out.println(sb);
	}
}
