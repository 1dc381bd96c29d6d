package io.github.calspike.trace;

import java.util.Arrays;
import java.util.Random;

/**
 * How a spike-rate network's output becomes expected spikes per frame, shared by calibration at
 * training time and by inference: the event / no-event gate ({@link Calibration}), and the gate's
 * levels measured on seeded white noise at a recording's rate ({@link #noiseGate}). Knows nothing
 * of DJL: the network comes in as {@link Rates}.
 */
public final class EventGate {

	private EventGate() {}

	/**
	 * Window of the slow-drift removal applied before inference, s: a silent trace on a bleaching
	 * baseline got 3.6 Hz without it and 0.04 Hz with it, and held-out scores rose slightly
	 * (BENCHMARKS.md).
	 */
	public static final double DEFAULT_DETREND_S = 30;

	/** Quantile of the ensemble's rate on white noise that becomes its floor. */
	public static final double DEFAULT_FLOOR_QUANTILE = 0.999;

	/**
	 * Quantile of the ensemble's rate on white noise that becomes its base, where an event's run
	 * begins and ends.
	 */
	public static final double DEFAULT_BASE_QUANTILE = 0.5;

	/** The base quantile of models written before it was stored in model.json: the median. */
	public static final double LEGACY_BASE_QUANTILE = 0.5;

	/**
	 * How a trained ensemble's output u (= output / TARGET_SCALE, per model frame) becomes
	 * expected spikes per frame: an event / no-event gate, then a gain. An event is a run of
	 * frames with u above {@code base} (what the ensemble typically gives on noise); it is kept,
	 * as {@code gain * u}, only if its peak passes {@code floor} (what noise alone rarely
	 * reaches); every other frame is 0. Unlike subtracting a threshold from every frame, this keeps
	 * the whole mass of a real event, however wide (slow recordings spread an event over many
	 * frames): subtracting the threshold (measured in BENCHMARKS.md) halved the counts of 7.5 Hz
	 * recordings. Also the noise levels the model was trained on, and the event sizes of the
	 * traces its gains were fitted on.
	 */
	public static final class Calibration {
		/**
		 * Where an event's run begins and ends: the ensemble's output on white noise at quantile
		 * {@link #baseQuantile}, per model frame.
		 */
		public final double base;
		/** The peak an event must pass: a high quantile of the ensemble's output on white noise. */
		public final double floor;
		/** Makes the training neurons' expected spikes, above the floor, add up to their spikes. */
		public final double gain;
		/** The quantile of the noise response that the floor is. */
		public final double quantile;
		/** The quantile of the noise response that the base is (0.5 in older models). */
		public final double baseQuantile;
		/** Window of the drift removal applied before inference, s (0: none). */
		public final double detrendS;
		/** Lowest and highest CASCADE noise level of the training neurons. */
		public final double noiseMin, noiseMax;
		/** How floor and gain were found, for model.json. */
		public final String method;
		/**
		 * Slower recording rates (Hz, ascending) with the gain fitted there ({@link #gainAt}); empty
		 * when only the model rate's gain is known.
		 */
		public final double[] gainRatesHz, gains;
		/**
		 * The event sizes of the traces the gains were fitted on, per rate; null when not measured
		 * (models written before it existed).
		 */
		public final EventSizes eventSizes;

		/**
		 * A calibration, e.g. as read from an older model.json, with no gains at other rates and its
		 * base at the median of the noise response.
		 */
		public Calibration(double base, double floor, double gain, double quantile, double detrendS,
			double noiseMin, double noiseMax, String method)
		{
			this(base, floor, gain, quantile, detrendS, noiseMin, noiseMax, method, new double[0],
				new double[0], LEGACY_BASE_QUANTILE);
		}

		/**
		 * A calibration with gains fitted at slower recording rates, its base at quantile {@code
		 * baseQuantile} of the noise response.
		 */
		public Calibration(double base, double floor, double gain, double quantile, double detrendS,
			double noiseMin, double noiseMax, String method, double[] gainRatesHz, double[] gains,
			double baseQuantile)
		{
			this(base, floor, gain, quantile, detrendS, noiseMin, noiseMax, method, gainRatesHz, gains,
				baseQuantile, null);
		}

		private Calibration(double base, double floor, double gain, double quantile,
			double detrendS, double noiseMin, double noiseMax, String method, double[] gainRatesHz,
			double[] gains, double baseQuantile, EventSizes eventSizes)
		{
			if (gainRatesHz.length != gains.length) {
				throw new IllegalArgumentException("gain rates and gains differ in length");
			}
			this.gainRatesHz = gainRatesHz.clone();
			this.gains = gains.clone();
			this.base = base;
			this.floor = floor;
			this.quantile = quantile;
			this.baseQuantile = baseQuantile;
			this.detrendS = detrendS;
			this.gain = gain;
			this.noiseMin = noiseMin;
			this.noiseMax = noiseMax;
			this.method = method;
			this.eventSizes = eventSizes;
		}

		/** @return this calibration with the event sizes of its training traces */
		public Calibration withEventSizes(EventSizes sizes) {
			return new Calibration(base, floor, gain, quantile, detrendS, noiseMin, noiseMax, method,
				gainRatesHz, gains, baseQuantile, sizes);
		}

		/** @return expected spikes per frame from the ensemble's u per frame (NaN stays NaN) */
		public double[] apply(double[] u) {
			return gate(u, base, floor, gain);
		}

		/**
		 * @return this calibration for a recording at {@code rateHz}: the gate's levels measured
		 *         there, and the gain there ({@link #gainAt})
		 */
		public Calibration at(double rateHz, double newBase, double newFloor) {
			return new Calibration(newBase, newFloor, gainAt(rateHz), quantile, detrendS, noiseMin,
				noiseMax, method, gainRatesHz, gains, baseQuantile, eventSizes);
		}

		/**
		 * @return the gain for a recording at {@code rateHz}: interpolated in log rate between the
		 *         rates it was fitted at (calibration ends them at the model's rate), the slowest
		 *         one's below them, and {@link #gain} from the fastest up
		 */
		public double gainAt(double rateHz) {
			int n = gainRatesHz.length;
			if (n == 0 || rateHz >= gainRatesHz[n - 1]) return gain;
			if (rateHz <= gainRatesHz[0]) return gains[0];
			int k = 1;
			while (gainRatesHz[k] < rateHz) k++;
			double w = Math.log(rateHz / gainRatesHz[k - 1]) / Math.log(gainRatesHz[k] /
				gainRatesHz[k - 1]);
			return gains[k - 1] + w * (gains[k] - gains[k - 1]);
		}
	}

	/** @return {@code u} gated into events (see {@link Calibration}) and scaled by {@code gain} */
	public static double[] gate(double[] u, double base, double floor, double gain) {
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
	 * Normalization#applyResampled}), and the ensemble's output on them gives the base (its
	 * {@code baseQuantile} quantile) and the floor ({@code quantile}). Slow noise, interpolated, is
	 * smoother than noise at the model's rate and draws a stronger response, so each recording
	 * rate has its own levels.
	 *
	 * @return {base, floor}
	 */
	public static double[] noiseGate(Rates ensemble, Normalization norm, double rateHz,
		double modelHz, double quantile, double baseQuantile, double detrendS, long seed)
	{
		checkBaseQuantile("base quantile", baseQuantile, quantile);
		Random rnd = new Random(seed);
		int frames = (int) Math.ceil(NULL_FRAMES * rateHz / modelHz);
		double[][] u = new double[NULL_TRACES][];
		for (int k = 0; k < NULL_TRACES; k++) {
			double[] w = new double[Math.max(2, frames)];
			for (int t = 0; t < w.length; t++) w[t] = rnd.nextGaussian();
			if (detrendS > 0) w = Detrend.apply(w, rateHz, detrendS);
			u[k] = ensemble.of(toFloat(norm.applyResampled(w, rateHz, modelHz)));
		}
		double[] all = Arrays.stream(u).flatMapToDouble(Arrays::stream).sorted().toArray();
		return new double[] { at(all, baseQuantile), at(all, quantile) };
	}

	/**
	 * Refuses a base quantile outside [0, {@code floorQuantile}): the base must lie below the floor
	 * for the gate to keep any event.
	 *
	 * @param name the parameter's name, for the message
	 * @throws IllegalArgumentException naming the parameter and its value
	 */
	public static void checkBaseQuantile(String name, double baseQuantile, double floorQuantile) {
		if (!(baseQuantile >= 0 && baseQuantile < floorQuantile)) {
			throw new IllegalArgumentException(name + ": the event gate's base quantile must be at " +
				"least 0 and below the floor's " + floorQuantile + ", got " + baseQuantile);
		}
	}

	/** @return the value at quantile {@code q} of the sorted {@code all} (0.5: all[n / 2]) */
	private static double at(double[] all, double q) {
		return all[(int) Math.min(all.length - 1, Math.floor(q * all.length))];
	}

	/** Seed of the white noise behind the gate, the same at training and inference. */
	public static final long NOISE_SEED = 1;

	/** White-noise traces and their frames behind the gate's levels. */
	public static final int NULL_TRACES = 10, NULL_FRAMES = 10000;

	private static float[] toFloat(double[] d) {
		float[] f = new float[d.length];
		for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
		return f;
	}
}
