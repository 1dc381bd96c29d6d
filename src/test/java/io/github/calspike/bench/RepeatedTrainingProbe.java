package io.github.calspike.bench;

import io.github.calspike.testing.Synthetic;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.train.RateConfig;
import io.github.calspike.train.RateTrainer;
import io.github.calspike.train.StopSignal;
import io.github.calspike.train.TrainingProgress;
import io.github.calspike.train.TrainingResult;

import java.util.Locale;

/**
 * Determinism of training (BENCHMARKS.md, "Detector training and the native heap"): trains the
 * same small rate model with the same seed several times in one JVM and prints each run's batch
 * losses of epoch 1 and its last epoch's loss; identical runs must print identical lines. With 8
 * filters (refused since) about one run in eight went NaN. Usage: [-Dfilters=16 -Dbatch=2
 * -Dthreads=1] RepeatedTrainingProbe [RUNS]
 */
public final class RepeatedTrainingProbe {

	public static void main(String[] a) {
		int runs = a.length > 0 ? Integer.parseInt(a[0]) : 6;
		TraceSet t = Synthetic.recording(3, 2, 4200, 100, 0.02, 0.3);
		RateConfig cfg = RateConfig.defaults().withEpochs(3).withBatch(Integer.getInteger("batch", 2),
			512).withNetwork(Integer.getInteger("filters", 16), 3, 2).withGlobalContext(-1).withThreads(
				Integer.getInteger("threads", 1));
		for (int run = 0; run < runs; run++) {
			StringBuilder sb = new StringBuilder("run " + run + ", epoch 1 batch losses:");
			TrainingResult r = RateTrainer.train(t, t.select(), Normalization.NOISE, cfg, (x, p) -> 0,
				(fraction, status) -> {
					if (status.startsWith("epoch 1/")) sb.append(" ").append(status.substring(status
						.lastIndexOf(' ') + 1));
				}, new StopSignal());
			double last = r.history().get(r.history().size() - 1).trainLoss();
			System.out.println(sb + String.format(Locale.ROOT, "; last epoch loss %.4g", last));
		}
	}
}
