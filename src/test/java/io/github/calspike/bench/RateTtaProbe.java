package io.github.calspike.bench;

import io.github.calspike.analysis.SpikeFinderMetric;
import io.github.calspike.infer.SpikeRateModel;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.SpikeFinderCsv;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;

/** Exploratory: test-time averaging over assumed frame rates, on the LODO fold models. */
public final class RateTtaProbe {
	public static void main(String[] a) throws Exception {
		Path data = Paths.get("../shared/data/spikefinder");
		String[] fs = a[1].split(",");
		for (String h : new String[] { "4", "5", "6" }) {
			TraceSet t = SpikeFinderCsv.read(data.resolve(h + ".train.calcium.csv"), data.resolve(h +
				".train.spikes.csv"), SpikeFinderCsv.Options.defaults());
			try (SpikeRateModel m = SpikeRateModel.open(Paths.get(a[0] + "/lodo-" + h + "/model"))) {
				double[][] truth = new double[t.size()][], p = new double[t.size()][];
				for (int i = 0; i < t.size(); i++) {
					truth[i] = t.spikes(i);
					p[i] = new double[t.length(i)];
					for (String f : fs) {
						double[] r = m.rates(t.calcium(i), 100 * Double.parseDouble(f));
						for (int k = 0; k < r.length; k++) p[i][k] += r[k];
					}
				}
				System.out.printf("hold %s factors %s: %.4f%n", h, a[1], SpikeFinderMetric.score(Collections
					.nCopies(t.size(), ""), truth, p, 4).mean());
			}
		}
	}
}
