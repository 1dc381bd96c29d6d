package io.github.calspike.bench;

import io.github.calspike.analysis.SpikeFinderMetric;
import io.github.calspike.infer.SpikeRateModel;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.SpikeFinderCsv;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;

/**
 * Scores the average of several leave-one-dataset-out models (e.g. trained on different
 * normalisations) on each held-out dataset. Usage: MixedEnsembleProbe DIR1 DIR2 ... (each holding
 * lodo-4, lodo-5, lodo-6 with a model folder)
 */
public final class MixedEnsembleProbe {
	public static void main(String[] dirs) throws Exception {
		Path data = Paths.get("../shared/data/spikefinder");
		double total = 0;
		for (String h : new String[] { "4", "5", "6" }) {
			TraceSet t = SpikeFinderCsv.read(data.resolve(h + ".train.calcium.csv"), data.resolve(h +
				".train.spikes.csv"), SpikeFinderCsv.Options.defaults());
			double[][] truth = new double[t.size()][], sum = new double[t.size()][];
			StringBuilder sb = new StringBuilder("hold " + h + ":");
			for (String dir : dirs) {
				try (SpikeRateModel m = SpikeRateModel.open(Paths.get(dir, "lodo-" + h, "model"))) {
					double[][] r = m.rates(t);
					for (int i = 0; i < t.size(); i++) {
						truth[i] = t.spikes(i);
						if (sum[i] == null) sum[i] = new double[r[i].length];
						for (int k = 0; k < r[i].length; k++) sum[i][k] += r[i][k];
					}
					sb.append(String.format(" %s %.4f", Paths.get(dir).getFileName(), SpikeFinderMetric.score(
						Collections.nCopies(t.size(), ""), truth, r, 4).mean()));
				}
			}
			double s = SpikeFinderMetric.score(Collections.nCopies(t.size(), ""), truth, sum, 4).mean();
			total += s / 3;
			System.out.println(sb + String.format("; average %.4f", s));
		}
		System.out.printf("mean over folds %.4f%n", total);
	}
}
