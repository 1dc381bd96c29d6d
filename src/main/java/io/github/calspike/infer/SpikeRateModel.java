package io.github.calspike.infer;

import ai.djl.MalformedModelException;

import io.github.calspike.data.RateTargets;
import io.github.calspike.model.ModelFolder;
import io.github.calspike.model.ModelFormatException;
import io.github.calspike.model.ModelInfo;
import io.github.calspike.nn.RateEnsemble;
import io.github.calspike.trace.Detrend;
import io.github.calspike.trace.EventGate;
import io.github.calspike.trace.EventSizes;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.Resampling;
import io.github.calspike.trace.TraceSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A loaded spike-rate model (an ensemble of one or more rate networks, averaged) that gives every
 * frame of every neuron its expected number of spikes. A recording at another rate is resampled
 * to the model's rate; the rate is converted to spikes per second, resampled back, and converted
 * to spikes per input frame, so the expected number of spikes is kept.
 */
public final class SpikeRateModel implements AutoCloseable {

	/** Folder of the bundled default rate model, relative to {@link ModelFolder}. */
	public static final String BUNDLED = "bundled/spike-rate";

	/**
	 * Folder of the bundled rate model for slow recordings: the same recipe, with 30% of the
	 * training crops recorded again at a random rate of 5-50 Hz with added noise (CASCADE's
	 * training at the recording's frame rate and noise level); on noisy 7.5 Hz recordings it
	 * scored higher in 7.5 Hz bins than the 100 Hz model (BENCHMARKS.md).
	 */
	public static final String BUNDLED_SLOW = "bundled/spike-rate-slow";

	/** Recordings at this rate (Hz) or slower get {@link #BUNDLED_SLOW} from {@link #bundled(double)}. */
	public static final double SLOW_MAX_HZ = 50;

	private final ModelInfo info;
	private final String source;
	private final RateEnsemble ensemble;
	private final EventGate.Calibration calibration;
	private final Normalization norm;
	private final Map<Double, EventGate.Calibration> gates = new HashMap<>();

	private SpikeRateModel(ModelFolder.Loaded loaded) throws ModelFormatException {
		info = loaded.info();
		source = loaded.source();
		try {
			norm = ModelSettings.normalization(info);
		}
		catch (IllegalArgumentException e) {
			throw new ModelFormatException(source + ": " + e.getMessage(), e);
		}
		ModelInfo.Calibration c = info.calibration;
		calibration = c == null ? null : new EventGate.Calibration(c.base, c.floor, c.gain,
			c.quantile, c.detrendS, c.noiseLevelMin, c.noiseLevelMax, c.method, c.gainRatesHz == null
				? new double[0] : c.gainRatesHz, c.gains == null ? new double[0] : c.gains, Double
					.isFinite(c.baseQuantile) ? c.baseQuantile : EventGate.LEGACY_BASE_QUANTILE)
					.withEventSizes(eventSizes(c, source));
		try {
			ensemble = new RateEnsemble(info.network.filters, info.network.kernel, info.network.layers,
				info.network.globalContext, loaded.parameters());
		}
		catch (IOException | MalformedModelException | RuntimeException e) {
			throw new ModelFormatException(source + ": parameters do not fit the network (" + e
				.getMessage() + ")", e);
		}
	}

	/** @return the rate model in {@code dir}; refuses other model types with a clear message */
	public static SpikeRateModel open(Path dir) throws IOException {
		return new SpikeRateModel(ModelFolder.read(dir, ModelInfo.SPIKE_RATE));
	}

	/** @return the default rate model bundled in the jar, for recordings at 100 Hz */
	public static SpikeRateModel bundled() throws IOException {
		return new SpikeRateModel(ModelFolder.readResource(ModelFolder.class, BUNDLED,
			ModelInfo.SPIKE_RATE));
	}

	/**
	 * @return the bundled rate model for a recording at {@code rateHz}: the one for slow
	 *         recordings at {@link #SLOW_MAX_HZ} or slower, else {@link #bundled()}
	 */
	public static SpikeRateModel bundled(double rateHz) throws IOException {
		if (!(rateHz <= SLOW_MAX_HZ)) return bundled();
		return new SpikeRateModel(ModelFolder.readResource(ModelFolder.class, BUNDLED_SLOW,
			ModelInfo.SPIKE_RATE));
	}

	/** @return the model's metadata */
	public ModelInfo info() {
		return info;
	}

	/** @return where the model was loaded from */
	public String source() {
		return source;
	}

	/** @return per neuron, the expected spikes in each of its frames, at the traces' rate */
	public double[][] rates(TraceSet traces) {
		double[][] out = new double[traces.size()][];
		for (int i = 0; i < traces.size(); i++) out[i] = rates(traces.calcium(i), traces.rateHz());
		return out;
	}

	/**
	 * @return the expected spikes in each frame of one trace sampled at {@code rateHz}: the trace
	 *         freed of slow drift ({@link Detrend}, when the model's calibration asks for it), the
	 *         ensemble's mean output, calibrated ({@link ModelInfo.Calibration}) and scaled for an
	 *         event size outside the calibrated range ({@link #eventSizeFactor}); 0 everywhere for
	 *         a flat trace ({@link Normalization#isFlat}), which holds no activity to infer
	 */
	public double[] rates(double[] calcium, double rateHz) {
		double[] detrended = detrended(calcium, rateHz);
		return rates(calcium, detrended, EventSizes.of(detrended), rateHz);
	}

	/**
	 * @return {@link #rates(double[], double)} of {@code calcium}, given it already freed of drift
	 *         ({@code detrended}, from {@link #detrended}) and its event size ({@code eventSize},
	 *         {@link EventSizes#of} of {@code detrended}), for a caller that needs those too; the
	 *         rate is scaled by {@link #eventSizeFactor}
	 */
	public double[] rates(double[] calcium, double[] detrended, double eventSize, double rateHz) {
		if (Normalization.isFlat(calcium)) return new double[calcium.length];
		double[] x = norm.applyResampled(detrended, rateHz, info.rateHz);
		float[] xf = new float[x.length];
		for (int k = 0; k < x.length; k++) xf[k] = (float) x[k];
		double[] perSecond = ensemble.mean(xf, info.network.outputScale);
		if (calibration != null) perSecond = calibrationAt(rateHz).apply(perSecond);
		for (int k = 0; k < perSecond.length; k++) perSecond[k] *= info.rateHz;
		double[] back = Resampling.resample(perSecond, info.rateHz, rateHz, calcium.length);
		double factor = eventSizeFactor(eventSize, rateHz);
		for (int k = 0; k < back.length; k++) back[k] = (float) (back[k] / rateHz); // float precision
		if (factor != 1) for (int k = 0; k < back.length; k++) back[k] = (float) (back[k] * factor);
		return back;
	}

	/**
	 * @return the calibration for a recording at {@code rateHz}: the stored one at the model's
	 *         rate; at another rate, the gate's base and floor measured on white noise recorded at
	 *         that rate (seeded, computed once per rate)
	 */
	private synchronized EventGate.Calibration calibrationAt(double rateHz) {
		if (Math.abs(rateHz - info.rateHz) < 1e-9 * info.rateHz || !(calibration.quantile > 0)) {
			return calibration;
		}
		return gates.computeIfAbsent(rateHz, hz -> {
			double[] levels = EventGate.noiseGate(x -> ensemble.mean(x, info.network.outputScale),
				norm, hz, info.rateHz, calibration.quantile, calibration.baseQuantile, calibration.detrendS,
				EventGate.NOISE_SEED);
			return calibration.at(hz, levels[0], levels[1]);
		});
	}

	/**
	 * @return the lowest and highest CASCADE noise level the model saw in training (NaN when it
	 *         does not record them): its training neurons', the highest raised by the noise that
	 *         training added. In noise units, noise augmentation adds white noise of up to
	 *         {@code augmentNoise / 0.1} times a crop's own noise, which is what the same neurons
	 *         recorded up to sqrt(1 + (augmentNoise / 0.1)^2) times noisier look like (the bundled
	 *         models: 10 times)
	 */
	public double[] trainedNoiseRange() {
		ModelInfo.Calibration c = info.calibration;
		if (c == null) return new double[] { Double.NaN, Double.NaN };
		double added = info.training != null && norm == Normalization.NOISE
			? info.training.augmentNoise / Normalization.NOISE_UNIT_SD : 0;
		return new double[] { c.noiseLevelMin, c.noiseLevelMax * Math.sqrt(1 + added * added) };
	}

	/**
	 * @return whether a CASCADE noise level lies inside {@link #trainedNoiseRange()} (true when the
	 *         model does not record its range)
	 */
	public boolean fitsNoiseLevel(double nu) {
		double[] r = trainedNoiseRange();
		if (!Double.isFinite(r[0]) || !Double.isFinite(r[1])) return true;
		return nu >= r[0] && nu <= r[1];
	}

	/**
	 * @return a trace sampled at {@code rateHz} freed of slow drift ({@link Detrend}), as the
	 *         model's calibration asks; the trace itself when it asks for none
	 */
	public double[] detrended(double[] calcium, double rateHz) {
		if (calibration == null || !(calibration.detrendS > 0)) return calcium;
		return Detrend.apply(calcium, rateHz, calibration.detrendS);
	}

	/**
	 * @return the {@link EventSizes#of event size} of one trace sampled at {@code rateHz}, freed
	 *         of drift as {@link #rates(double[], double)} frees it; NaN for a flat trace
	 */
	public double eventSize(double[] calcium, double rateHz) {
		return EventSizes.of(detrended(calcium, rateHz));
	}

	/**
	 * @return the smallest and largest event size of the traces the model's gain at
	 *         {@code rateHz} was fitted on ({@link EventSizes#rangeAt}); NaN when the model does
	 *         not record them
	 */
	public double[] eventSizeRange(double rateHz) {
		if (calibration == null || calibration.eventSizes == null) {
			return new double[] { Double.NaN, Double.NaN };
		}
		return calibration.eventSizes.rangeAt(rateHz);
	}

	/**
	 * @return whether an event size lies inside {@link #eventSizeRange} at {@code rateHz} (true
	 *         when the model does not record its range)
	 */
	public boolean fitsEventSize(double size, double rateHz) {
		if (calibration == null || calibration.eventSizes == null) return true;
		return calibration.eventSizes.fits(size, rateHz);
	}

	/**
	 * @return the factor by which the counts of a trace of event size {@code size} at
	 *         {@code rateHz} are scaled ({@link EventSizes#factor}): 1 inside the range the gain
	 *         was fitted on, and for a model that records no range or slope
	 */
	public double eventSizeFactor(double size, double rateHz) {
		if (calibration == null || calibration.eventSizes == null) return 1;
		return calibration.eventSizes.factor(size, rateHz);
	}

	private static EventSizes eventSizes(ModelInfo.Calibration c, String source)
		throws ModelFormatException
	{
		if (c.eventSizeRatesHz == null) return null;
		try {
			return new EventSizes(c.eventSizeRatesHz, c.eventSizeMin == null ? new double[0]
				: c.eventSizeMin, c.eventSizeMax == null ? new double[0] : c.eventSizeMax,
				c.eventSizeSlope == null ? Double.NaN : c.eventSizeSlope);
		}
		catch (IllegalArgumentException e) {
			throw new ModelFormatException(source + ": model.json calibration: " + e.getMessage(), e);
		}
	}

	/** @return the width (sd) of a single spike's bump in the rate, in frames at {@code rateHz} */
	public double spikeWidthFrames(double rateHz) {
		double s = info.training.smoothingS > 0 ? info.training.smoothingS
			: RateTargets.DEFAULT_SMOOTHING_S;
		return s * rateHz;
	}

	@Override
	public void close() {
		ensemble.close();
	}
}
