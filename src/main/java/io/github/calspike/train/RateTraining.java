package io.github.calspike.train;

import io.github.calspike.data.NeuronSplit;
import io.github.calspike.nn.Ensemble;
import io.github.calspike.nn.RateEnsemble;
import io.github.calspike.trace.Detrend;
import io.github.calspike.trace.EventGate;
import io.github.calspike.trace.EventSizes;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.Resampling;
import io.github.calspike.trace.TraceSet;

import ai.djl.MalformedModelException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A whole spike-rate training run: {@code members} networks trained one after another with seeds
 * seed, seed+1, ..., the last {@link RateConfig#cleanMembers()} of them without augmentation,
 * packed into one ensemble. Progress is reported with epochs counted across
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
		int members, RateTrainer.Scorer score, TrainingProgress progress, StopSignal stop)
	{
		if (members < 1) throw new IllegalArgumentException("members must be >= 1, got " + members);
		if (cfg.cleanMembers() > members) {
			throw new IllegalArgumentException("clean members (" + cfg.cleanMembers() +
				") must not exceed the ensemble's members (" + members + ")");
		}
		List<byte[]> done = new ArrayList<>();
		List<EpochResult> history = new ArrayList<>();
		boolean stopped = false;
		TrainingProgress recorded = new TrainingProgress() {
			@Override
			public void report(double fraction, String status) {
				progress.report(fraction, status);
			}

			@Override
			public void epoch(EpochResult e) {
				history.add(e);
				progress.epoch(e);
			}
		};
		for (int m = 0; m < members && !stopped; m++) {
			TrainingResult r = RateTrainer.train(split.training(), split.validation(), norm,
				member(cfg, m, members), score, recorded.slice((double) m / members, 1.0 / members,
					members > 1 ? "member " + (m + 1) + "/" + members + ", " : "", m * cfg.epochs()), stop);
			if (r.parameters() != null) done.add(r.parameters());
			stopped = r.stopped();
		}
		return new TrainingResult(done.isEmpty() ? null : Ensemble.pack(done), history,
			stopped);
	}

	/**
	 * @return the config of member {@code m} (0-based) of {@code members}: seed {@code seed + m},
	 *         and without augmentation for the last {@link RateConfig#cleanMembers()}
	 */
	static RateConfig member(RateConfig cfg, int m, int members) {
		RateConfig c = cfg.withSeed(cfg.seed() + m);
		return m >= members - cfg.cleanMembers() ? c.withoutAugmentation() : c;
	}

	/**
	 * @param members the members asked for
	 * @param saved the members the ensemble holds (fewer when training was stopped)
	 * @return the config that describes the saved ensemble, for model.json: its clean members
	 *         (those of the last {@link RateConfig#cleanMembers()} that were trained), and no
	 *         augmentation when every saved member is clean, since none of them saw any
	 */
	public static RateConfig savedConfig(RateConfig cfg, int members, int saved) {
		int clean = Math.max(0, saved - (members - cfg.cleanMembers()));
		RateConfig c = cfg.withCleanMembers(clean);
		return saved > 0 && clean == saved ? c.withoutAugmentation() : c;
	}

	/**
	 * Calibrates a trained ensemble (see {@link EventGate.Calibration}). Base and floor are the
	 * {@code baseQuantile} and {@code floorQuantile} quantiles of the ensemble's rate on seeded
	 * white noise at the model's rate ({@link EventGate#noiseGate}), so a recording with no activity gets almost no
	 * spikes; the gain then makes the gated rate, summed over every frame of the training neurons,
	 * equal the spikes recorded there (1 when nothing was recorded or inferred), at the model's
	 * rate and again at each of {@link #SLOW_GAIN_RATES_HZ} below it, there with the noise
	 * {@code cfg} trained with added ({@link #slowNoiseRatios}). The event sizes of the traces each
	 * gain was fitted on are kept ({@link EventSizes}), so inference can say which neurons are
	 * unlike them, with the slope of the training neurons' count ratios against their event sizes
	 * at the model's rate, by which inference scales counts beyond that range
	 * ({@link EventSizes#factor}).
	 *
	 * @param training the training neurons (with spikes), at the model's rate
	 * @param packed the ensemble's parameters, {@link Ensemble#pack}
	 */
	public static EventGate.Calibration calibrate(TraceSet training, Normalization norm,
		RateConfig cfg, byte[] packed, double floorQuantile, double baseQuantile)
	{
		try (RateEnsemble nets = new RateEnsemble(cfg.filters(), cfg.kernel(), cfg.layers(), cfg
			.globalContext(), packed))
		{
			EventGate.Rates ensemble = x -> nets.mean(x, RateTrainer.TARGET_SCALE);
			double model = training.rateHz();
			double[] levels = EventGate.noiseGate(ensemble, norm, model, model, floorQuantile,
				baseQuantile, EventGate.DEFAULT_DETREND_S, EventGate.NOISE_SEED);
			double base = levels[0], floor = levels[1];
			int n = training.size();
			double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
			for (int i = 0; i < n; i++) {
				double nu = Normalization.noiseLevel(training.calcium(i), training.rateHz());
				if (Double.isFinite(nu)) {
					lo = Math.min(lo, nu);
					hi = Math.max(hi, nu);
				}
			}
			double[] fit = gain(training, norm, ensemble, model, base, floor, new double[] { 0 });
			double gain = fit[0];
			double[] ratios = slowNoiseRatios(cfg);
			List<Double> rates = new ArrayList<>(), gains = new ArrayList<>();
			List<double[]> sizes = new ArrayList<>();
			for (double hz : SLOW_GAIN_RATES_HZ) {
				if (hz >= model) continue;
				double[] at = EventGate.noiseGate(ensemble, norm, hz, model, floorQuantile,
					baseQuantile, EventGate.DEFAULT_DETREND_S, EventGate.NOISE_SEED);
				double[] slow = gain(training, norm, ensemble, hz, at[0], at[1], ratios);
				rates.add(hz);
				gains.add(slow[0]);
				sizes.add(slow);
			}
			if (!rates.isEmpty()) { // ends at the model's rate, so the gain has no step below it
				rates.add(model);
				gains.add(gain);
			}
			sizes.add(fit);
			String method = String.format(Locale.ROOT, "event gate: runs above the %s (base) of " +
				"the ensemble's rate on %d seeded white-noise traces of %d frames, kept when their peak " +
				"passes its %.4g quantile (floor; at other recording rates both come from noise at " +
				"that rate); gain: the %d training neurons' recorded spikes / their gated expected " +
				"spikes, fitted again at slower rates on the training neurons recorded at each (frames " +
				"averaged, %s); traces are first freed of drift slower than %.0f s", baseQuantile == 0.5
					? "median" : String.format(Locale.ROOT, "%.4g quantile", baseQuantile),
				EventGate.NULL_TRACES, EventGate.NULL_FRAMES, floorQuantile, n, ratios.length == 1 &&
					ratios[0] == 0 ? "no noise added" : String.format(Locale.ROOT, "one copy each with " +
						"white noise of %s x its own noise added", ratioList(ratios)),
				EventGate.DEFAULT_DETREND_S);
			double[] sizeRates = rates.isEmpty() ? new double[] { model } : rates.stream().mapToDouble(
				Double::doubleValue).toArray();
			EventSizes eventSizes = null;
			if (sizes.stream().allMatch(f -> f[1] <= f[2])) {
				eventSizes = new EventSizes(sizeRates, sizes.stream().mapToDouble(f -> f[1]).toArray(),
					sizes.stream().mapToDouble(f -> f[2]).toArray(), fit[3]);
			}
			return new EventGate.Calibration(base, floor, gain, floorQuantile,
				EventGate.DEFAULT_DETREND_S, n > 0 ? lo : Double.NaN, n > 0 ? hi : Double.NaN, method,
				rates.stream().mapToDouble(Double::doubleValue).toArray(), gains.stream().mapToDouble(
					Double::doubleValue).toArray(), baseQuantile).withEventSizes(eventSizes);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (MalformedModelException e) {
			throw new IllegalStateException("trained parameters do not fit the network", e);
		}
	}

	/**
	 * Slower recording rates (Hz) at which calibration fits the gain again: where the gate's
	 * levels are measured on slow noise, the same gate keeps less of a slow recording's events.
	 */
	static final double[] SLOW_GAIN_RATES_HZ = { 5, 7.5, 10, 15, 20, 30, 50 };

	/**
	 * Noise added to the training neurons where the gain is fitted at a slower rate, in multiples
	 * of each trace's own noise there: the middles of five equal parts of the range that training
	 * drew its added noise from (0 to {@link RateConfig#augmentNoise()} / {@link
	 * Normalization#NOISE_UNIT_SD} times a crop's own noise, at the model's rate and in slow
	 * crops alike), so a slow recording's gain is the one for the noise the model was trained to
	 * expect rather than for the training data's clean traces. {0} for a model trained without
	 * added noise.
	 */
	static double[] slowNoiseRatios(RateConfig cfg) {
		double top = cfg.augmentNoise() / Normalization.NOISE_UNIT_SD;
		if (!(top > 0)) return new double[] { 0 };
		double[] r = new double[SLOW_NOISE_COPIES];
		for (int k = 0; k < r.length; k++) r[k] = top * (k + 0.5) / r.length;
		return r;
	}

	/** Noisy copies of each training neuron per slower rate, {@link #slowNoiseRatios}. */
	static final int SLOW_NOISE_COPIES = 5;

	private static String ratioList(double[] ratios) {
		StringBuilder b = new StringBuilder();
		for (double r : ratios) {
			b.append(b.length() > 0 ? ", " : "").append(new BigDecimal(r).round(new MathContext(3))
				.stripTrailingZeros().toPlainString());
		}
		return b.toString();
	}

	/**
	 * @return the training neurons' recorded spikes over their gated expected spikes (before any
	 *         gain) with the traces recorded at {@code hz} (frames averaged, spikes summed; as they
	 *         are at the model's rate), one copy per entry of {@code noiseRatios} with white noise of
	 *         that many times the averaged frames' own noise added (seeded; 0: none), computed as
	 *         inference computes them (1 when either is 0), then the smallest and the largest
	 *         {@link EventSizes#of event size} of those traces (+inf and -inf when there are none),
	 *         then how each trace's expected over recorded spikes rises with its event size
	 *         ({@link EventSizes#slope})
	 */
	private static double[] gain(TraceSet training, Normalization norm, EventGate.Rates ensemble,
		double hz, double base, double floor, double[] noiseRatios)
	{
		double model = training.rateHz(), predicted = 0, recorded = 0;
		double smallest = Double.POSITIVE_INFINITY, largest = Double.NEGATIVE_INFINITY;
		List<double[]> perTrace = new ArrayList<>(); // {event size, predicted, recorded}
		Random rnd = new Random(EventGate.NOISE_SEED + Double.doubleToLongBits(hz));
		for (int i = 0; i < training.size(); i++) {
			double[] c0 = training.calcium(i), s = training.spikes(i);
			// the trace's own noise sd at the model's rate, then in frames averaged to hz
			double own = Normalization.NOISE.centreAndScale(c0)[1] * Normalization.NOISE_UNIT_SD /
				Math.sqrt(model / hz);
			if (hz < model) {
				c0 = Resampling.slower(c0, model, hz, false);
				s = Resampling.slower(s, model, hz, true);
			}
			if (c0.length < 2) continue;
			for (double ratio : noiseRatios) {
				double[] c = c0;
				if (ratio > 0) {
					c = c0.clone();
					for (int t = 0; t < c.length; t++) c[t] += ratio * own * rnd.nextGaussian();
				}
				double[] detrended = Detrend.apply(c, hz, EventGate.DEFAULT_DETREND_S);
				double size = EventSizes.of(detrended);
				if (Double.isFinite(size)) {
					smallest = Math.min(smallest, size);
					largest = Math.max(largest, size);
				}
				double[] x = norm.applyResampled(detrended, hz, model);
				double[] g = EventGate.gate(ensemble.of(RateTrainer.toFloat(x)), base, floor, 1);
				if (hz < model) {
					for (int k = 0; k < g.length; k++) g[k] *= model;
					g = Resampling.resample(g, model, hz, c.length);
					for (int k = 0; k < g.length; k++) g[k] /= hz;
				}
				double p = 0, r = 0;
				for (int t = 0; t < s.length && t < g.length; t++) {
					if (!Double.isFinite(s[t]) || !Double.isFinite(g[t])) continue;
					recorded += s[t]; // frame by frame into the totals, as the gain always summed them
					predicted += g[t];
					r += s[t];
					p += g[t];
				}
				perTrace.add(new double[] { size, p, r });
			}
		}
		double slope = EventSizes.slope(perTrace.stream().mapToDouble(v -> v[0]).toArray(), perTrace
			.stream().mapToDouble(v -> v[1]).toArray(), perTrace.stream().mapToDouble(v -> v[2])
				.toArray());
		return new double[] { predicted > 0 && recorded > 0 ? recorded / predicted : 1, smallest,
			largest, slope };
	}

}
