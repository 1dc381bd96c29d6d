package io.github.calspike.train;

import io.github.calspike.data.NeuronSplit;
import io.github.calspike.nn.Ensemble;
import io.github.calspike.nn.RateEnsemble;
import io.github.calspike.trace.Detrend;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.TraceSet;

import ai.djl.MalformedModelException;

import java.io.IOException;
import java.io.UncheckedIOException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

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
						EpochResult g = e.withEpoch(offset + e.epoch());
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
	 * Window of the slow-drift removal applied before inference, s: a silent trace on a bleaching
	 * baseline got 3.6 Hz without it and 0.04 Hz with it, and held-out scores rose slightly
	 * (BENCHMARKS.md).
	 */
	public static final double DEFAULT_DETREND_S = 30;

	/** Quantile of the ensemble's rate on white noise that becomes its floor. */
	public static final double DEFAULT_FLOOR_QUANTILE = 0.999;

	/**
	 * How a trained ensemble's output u (= output / TARGET_SCALE, per model frame) becomes
	 * expected spikes per frame: an event / no-event gate, then a gain. An event is a run of
	 * frames with u above {@code base} (what the ensemble typically gives on noise); it is kept,
	 * as {@code gain * u}, only if its peak passes {@code floor} (what noise alone rarely
	 * reaches); every other frame is 0. Unlike subtracting a threshold from every frame, this keeps
	 * the whole mass of a real event, however wide (slow recordings spread an event over many
	 * frames): subtracting the threshold (measured in BENCHMARKS.md) halved the counts of 7.5 Hz
	 * recordings. Also the noise levels the model was trained on.
	 */
	public static final class Calibration {
		/** Typical ensemble output on white noise (its median), per model frame. */
		public final double base;
		/** The peak an event must pass: a high quantile of the ensemble's output on white noise. */
		public final double floor;
		/** Makes the training neurons' expected spikes, above the floor, add up to their spikes. */
		public final double gain;
		/** The quantile of the noise response that the floor is. */
		public final double quantile;
		/** Window of the drift removal applied before inference, s (0: none). */
		public final double detrendS;
		/** Lowest and highest CASCADE noise level of the training neurons. */
		public final double noiseMin, noiseMax;
		/** How floor and gain were found, for model.json. */
		public final String method;

		/** A calibration, e.g. as read from model.json. */
		public Calibration(double base, double floor, double gain, double quantile, double detrendS,
			double noiseMin, double noiseMax, String method)
		{
			this.base = base;
			this.floor = floor;
			this.quantile = quantile;
			this.detrendS = detrendS;
			this.gain = gain;
			this.noiseMin = noiseMin;
			this.noiseMax = noiseMax;
			this.method = method;
		}

		/** @return expected spikes per frame from the ensemble's u per frame (NaN stays NaN) */
		public double[] apply(double[] u) {
			return gate(u, base, floor, gain);
		}

		/** @return this calibration with the gate's levels of another recording rate */
		public Calibration withLevels(double newBase, double newFloor) {
			return new Calibration(newBase, newFloor, gain, quantile, detrendS, noiseMin, noiseMax,
				method);
		}
	}

	/** @return {@code u} gated into events (see {@link Calibration}) and scaled by {@code gain} */
	static double[] gate(double[] u, double base, double floor, double gain) {
		double[] out = new double[u.length];
		int t = 0;
		while (t < u.length) {
			if (!(u[t] > base)) {
				if (Double.isNaN(u[t])) out[t] = Double.NaN;
				t++;
				continue;
			}
			int a = t;
			double peak = 0;
			while (t < u.length && u[t] > base) peak = Math.max(peak, u[t++]);
			if (peak > floor) for (int k = a; k < t; k++) out[k] = gain * u[k];
		}
		return out;
	}

	/** An ensemble's output u (expected spikes per model frame) for a normalised trace. */
	public interface Rates {
		/** @return u for each frame of {@code x} */
		double[] of(float[] x);
	}

	/**
	 * The gate's levels for white noise recorded at {@code rateHz}: seeded white-noise traces are
	 * resampled to the model's rate and normalised as any recording is ({@link
	 * Normalization#applyResampled}), and the ensemble's output on them gives the base (median)
	 * and the floor ({@code quantile}). Slow noise, interpolated, is smoother than noise at the
	 * model's rate and draws a stronger response, so each recording rate has its own levels.
	 *
	 * @return {base, floor}
	 */
	public static double[] noiseGate(Rates ensemble, Normalization norm, double rateHz,
		double modelHz, double quantile, double detrendS, long seed)
	{
		Random rnd = new Random(seed);
		int frames = (int) Math.ceil(NULL_FRAMES * rateHz / modelHz);
		double[][] u = new double[NULL_TRACES][];
		for (int k = 0; k < NULL_TRACES; k++) {
			double[] w = new double[Math.max(2, frames)];
			for (int t = 0; t < w.length; t++) w[t] = rnd.nextGaussian();
			if (detrendS > 0) w = Detrend.apply(w, rateHz, detrendS);
			u[k] = ensemble.of(RateTrainer.toFloat(norm.applyResampled(w, rateHz, modelHz)));
		}
		double[] all = Arrays.stream(u).flatMapToDouble(Arrays::stream).sorted().toArray();
		return new double[] { all[all.length / 2], all[(int) Math.min(all.length - 1, Math.floor(
			quantile * all.length))] };
	}

	/** Seed of the white noise behind the gate, the same at training and inference. */
	public static final long NOISE_SEED = 1;

	/**
	 * Calibrates a trained ensemble (see {@link Calibration}). Base and floor are the median and
	 * the {@code floorQuantile} quantile of the ensemble's rate on seeded white noise at the
	 * model's rate ({@link #noiseGate}), so a recording with no activity gets almost no spikes;
	 * the gain then makes the gated rate, summed over every frame of the training neurons, equal
	 * the spikes recorded there (1 when nothing was recorded or inferred).
	 *
	 * @param training the training neurons (with spikes), at the model's rate
	 * @param packed the ensemble's parameters, {@link Ensemble#pack}
	 */
	public static Calibration calibrate(TraceSet training, Normalization norm, RateConfig cfg,
		byte[] packed, double floorQuantile)
	{
		try (RateEnsemble nets = new RateEnsemble(cfg.filters(), cfg.kernel(), cfg.layers(), cfg
			.globalContext(), packed))
		{
			Rates ensemble = x -> nets.mean(x, RateTrainer.TARGET_SCALE);
			double model = training.rateHz();
			double[] levels = noiseGate(ensemble, norm, model, model, floorQuantile, DEFAULT_DETREND_S,
				NOISE_SEED);
			double base = levels[0], floor = levels[1];
			int n = training.size();
			double predicted = 0, recorded = 0, lo = Double.POSITIVE_INFINITY,
				hi = Double.NEGATIVE_INFINITY;
			for (int i = 0; i < n; i++) {
				double[] s = training.spikes(i), g = gate(ensemble.of(RateTrainer.toFloat(norm.apply(
					Detrend.apply(training.calcium(i), model, DEFAULT_DETREND_S)))), base, floor, 1);
				for (int t = 0; t < s.length; t++) {
					if (!Double.isFinite(s[t]) || !Double.isFinite(g[t])) continue;
					recorded += s[t];
					predicted += g[t];
				}
				double nu = Normalization.noiseLevel(training.calcium(i), training.rateHz());
				if (Double.isFinite(nu)) {
					lo = Math.min(lo, nu);
					hi = Math.max(hi, nu);
				}
			}
			double gain = predicted > 0 && recorded > 0 ? recorded / predicted : 1;
			String method = String.format(Locale.ROOT, "event gate: runs above the median (base) of " +
				"the ensemble's rate on %d seeded white-noise traces of %d frames, kept when their peak " +
				"passes its %.4g quantile (floor; at other recording rates both come from noise at " +
				"that rate); gain: the %d training neurons' recorded spikes / their gated expected " +
				"spikes; traces are first freed of drift slower than %.0f s", NULL_TRACES, NULL_FRAMES,
				floorQuantile, n, DEFAULT_DETREND_S);
			return new Calibration(base, floor, gain, floorQuantile, DEFAULT_DETREND_S, n > 0 ? lo
				: Double.NaN, n > 0 ? hi : Double.NaN, method);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (MalformedModelException e) {
			throw new IllegalStateException("trained parameters do not fit the network", e);
		}
	}

	private static final int NULL_TRACES = 10, NULL_FRAMES = 10000;
}
