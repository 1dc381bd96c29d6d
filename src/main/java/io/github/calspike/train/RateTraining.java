package io.github.calspike.train;

import io.github.calspike.data.NeuronSplit;
import io.github.calspike.nn.Ensemble;
import io.github.calspike.nn.RateNetwork;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.TraceSet;

import ai.djl.MalformedModelException;

import java.io.IOException;
import java.io.UncheckedIOException;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole spike-rate training run: {@code members} networks trained one after another with seeds
 * seed, seed+1, ..., packed into one ensemble. Progress is reported with epochs counted across
 * members (member 2's first epoch is epoch {@code epochs + 1}).
 */
public final class RateTraining {

	/** Default ensemble size (BENCHMARKS.md compares 1 and more). */
	public static final int DEFAULT_MEMBERS = 3;

	private RateTraining() {}

	/**
	 * @return the packed ensemble (null if stopped before the first member's first epoch ended;
	 *         a stop keeps the members finished so far and the stopped member's last epoch), the
	 *         history across members, and whether it was stopped
	 */
	public static TrainingResult run(NeuronSplit split, Normalization norm, RateConfig cfg,
		int members, RateTrainer.Scorer score, TrainingListener listener, StopSignal stop)
	{
		if (members < 1) throw new IllegalArgumentException("members must be >= 1, got " + members);
		List<byte[]> done = new ArrayList<>();
		List<EpochResult> history = new ArrayList<>();
		boolean stopped = false;
		for (int m = 0; m < members && !stopped; m++) {
			int offset = m * cfg.epochs();
			TrainingResult r = RateTrainer.train(split.training(), split.validation(), norm,
				cfg.withSeed(cfg.seed() + m), score, new TrainingListener() {
					@Override
					public void batch(int epoch, int batch, int batches, double loss) {
						listener.batch(offset + epoch, batch, batches, loss);
					}

					@Override
					public void epoch(EpochResult e) {
						EpochResult g = new EpochResult(offset + e.epoch(), e.trainLoss(), e.trainAccuracy(), e
							.validationLoss(), e.validationAccuracy(), e.seconds(), e.samplesPerSecond());
						history.add(g);
						listener.epoch(g);
					}
				}, stop);
			if (r.parameters() != null) done.add(r.parameters());
			stopped = r.stopped();
		}
		return new TrainingResult(done.isEmpty() ? null : Ensemble.pack(done), history,
			stopped);
	}

	/**
	 * Calibrates a trained ensemble's output so that its rates are expected spikes per frame. The
	 * correlation term of the loss ignores the rate's scale, so the raw output's scale is only
	 * loosely tied to spike counts; this returns the divisor that makes the ensemble's mean rate,
	 * summed over every frame of the training neurons, equal the spikes recorded there.
	 *
	 * @param training the training neurons (with spikes), at the model's rate
	 * @param packed the ensemble's parameters, {@link Ensemble#pack}
	 * @return network output / this = expected spikes per frame (the target scale when the output
	 *         sums to nothing or no spike was recorded)
	 */
	public static double outputScale(TraceSet training, Normalization norm, RateConfig cfg,
		byte[] packed)
	{
		List<byte[]> members;
		try {
			members = Ensemble.unpack(packed);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		float[][] x = new float[training.size()][];
		for (int i = 0; i < x.length; i++) x[i] = RateTrainer.toFloat(norm.apply(training.calcium(i)));
		double predicted = 0, recorded = 0;
		for (byte[] p : members) {
			try (RateNetwork net = new RateNetwork(cfg.filters(), cfg.kernel(), cfg.layers(), cfg
				.globalContext(), p)) {
				for (float[] xi : x) {
					for (float v : net.rates(xi)) predicted += v;
				}
			}
			catch (MalformedModelException e) {
				throw new IllegalStateException("trained parameters do not fit the network", e);
			}
		}
		for (int i = 0; i < training.size(); i++) {
			for (double s : training.spikes(i)) recorded += s;
		}
		predicted /= members.size();
		return predicted > 0 && recorded > 0 ? predicted / recorded : RateTrainer.TARGET_SCALE;
	}
}
