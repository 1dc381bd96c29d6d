package io.github.calspike.bench;

import io.github.calspike.data.WindowDatasets;
import io.github.calspike.data.WindowSet;
import io.github.calspike.data.WindowSpec;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.SpikeFinderCsv;
import io.github.calspike.train.ClassifierConfig;
import io.github.calspike.train.ClassifierTrainer;
import io.github.calspike.train.StopSignal;
import io.github.calspike.train.TrainingListener;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Exploratory: hold out the last 20% of neurons of each dataset, train on the rest. */
public final class ClassifierWithinProbe {
	public static void main(String[] a) throws Exception {
		Path data = Paths.get("../shared/data/spikefinder");
		List<TraceSet> tr = new ArrayList<>(), va = new ArrayList<>();
		List<String> pre = new ArrayList<>();
		for (String d : new String[] { "4", "5", "6" }) {
			TraceSet t = SpikeFinderCsv.read(data.resolve(d + ".train.calcium.csv"), data.resolve(d +
				".train.spikes.csv"), SpikeFinderCsv.Options.defaults());
			int nv = Math.max(1, (int) Math.round(0.2 * t.size()));
			int[] trIdx = new int[t.size() - nv], vaIdx = new int[nv];
			for (int i = 0; i < t.size(); i++) {
				if (i < trIdx.length) trIdx[i] = i;
				else vaIdx[i - trIdx.length] = i;
			}
			tr.add(t.select(trIdx));
			va.add(t.select(vaIdx));
			pre.add(d + "/");
		}
		WindowSet train = WindowDatasets.balanced(TraceSet.concat(tr, pre), WindowSpec.defaults(),
			Normalization.ROBUST_ZSCORE, 10000, 1, null).windows();
		for (int k = 0; k < 3; k++) {
			WindowSet v = WindowDatasets.balanced(va.get(k), WindowSpec.defaults(),
				Normalization.ROBUST_ZSCORE, 10000, 2, null).windows();
			ClassifierTrainer.Result r = ClassifierTrainer.train(train, v, ClassifierConfig.defaults()
				.withAugmentation(Double.parseDouble(a[0]), Double.parseDouble(a[1])),
				TrainingListener.NONE, new StopSignal());
			System.out.printf("held-out neurons of %s: val acc %.3f%n", pre.get(k), r.history().get(r
				.history().size() - 1).validationAccuracy());
		}
	}
}
