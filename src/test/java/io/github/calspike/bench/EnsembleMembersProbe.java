package io.github.calspike.bench;

import io.github.calspike.analysis.SpikeFinderMetric;
import io.github.calspike.model.ModelFolder;
import io.github.calspike.model.ModelInfo;
import io.github.calspike.nn.Ensemble;
import io.github.calspike.nn.RateNetwork;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.SpikeFinderCsv;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;

/**
 * Scores each member of the leave-one-dataset-out ensembles on its own and the ensemble average,
 * to see whether an ensemble beats the single networks it is made of.
 * Usage: EnsembleMembersProbe BENCHMARK_DIR (holding lodo-4, lodo-5, lodo-6)
 */
public final class EnsembleMembersProbe {
	public static void main(String[] a) throws Exception {
		Path data = Paths.get("../shared/data/spikefinder");
		for (String h : new String[] { "4", "5", "6" }) {
			TraceSet t = SpikeFinderCsv.read(data.resolve(h + ".train.calcium.csv"), data.resolve(h +
				".train.spikes.csv"), SpikeFinderCsv.Options.defaults());
			ModelFolder.Loaded l = ModelFolder.read(Paths.get(a[0], "lodo-" + h, "model"),
				ModelInfo.SPIKE_RATE);
			ModelInfo info = l.info();
			List<byte[]> members = Ensemble.unpack(l.parameters());
			double[][] truth = new double[t.size()][], sum = new double[t.size()][];
			StringBuilder sb = new StringBuilder("hold " + h + " members:");
			for (byte[] p : members) {
				double[][] pred = new double[t.size()][];
				try (RateNetwork net = new RateNetwork(info.network.filters, info.network.kernel,
					info.network.layers, info.network.globalContext, p))
				{
					for (int i = 0; i < t.size(); i++) {
						truth[i] = t.spikes(i);
						double[] x = Normalization.fromLabel(info.normalization).apply(t.calcium(i));
						float[] xf = new float[x.length];
						for (int k = 0; k < x.length; k++) xf[k] = (float) x[k];
						float[] r = net.rates(xf);
						pred[i] = new double[r.length];
						if (sum[i] == null) sum[i] = new double[r.length];
						for (int k = 0; k < r.length; k++) {
							pred[i][k] = r[k];
							sum[i][k] += r[k];
						}
					}
				}
				sb.append(String.format(" %.4f", SpikeFinderMetric.score(Collections.nCopies(t.size(), ""),
					truth, pred, 4).mean()));
			}
			sb.append(String.format("; ensemble %.4f", SpikeFinderMetric.score(Collections.nCopies(t
				.size(), ""), truth, sum, 4).mean()));
			System.out.println(sb);
		}
	}
}
