package io.github.calspike.infer;

import ai.djl.MalformedModelException;

import io.github.calspike.data.WindowSpec;
import io.github.calspike.data.Windowing;
import io.github.calspike.model.ModelFolder;
import io.github.calspike.model.ModelFormatException;
import io.github.calspike.model.ModelInfo;
import io.github.calspike.nn.ClassifierNetwork;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.Resampling;
import io.github.calspike.trace.TraceSet;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A loaded spike classifier that gives every frame of every neuron a spike probability: the
 * probability that the frame holds at least {@code spike_n} spikes, from the window centred on
 * it. A recording at another rate is resampled to the model's rate, and the probabilities back.
 */
public final class SpikeClassifierModel implements AutoCloseable {

	/** Folder of the bundled default classifier, relative to {@link ModelFolder}. */
	public static final String BUNDLED = "bundled/spike-classifier";

	private final ModelInfo info;
	private final String source;
	private final ClassifierNetwork network;
	private final Normalization norm;

	private SpikeClassifierModel(ModelFolder.Loaded loaded) throws ModelFormatException {
		this.info = loaded.info();
		this.source = loaded.source();
		try {
			norm = ModelSettings.normalization(info);
			network = new ClassifierNetwork(info.network.units, ModelSettings.window(info).length(),
				loaded.parameters());
		}
		catch (MalformedModelException | RuntimeException e) {
			throw new ModelFormatException(source + ": " + e.getMessage(), e);
		}
	}

	/** @return the classifier in {@code dir}; refuses other model types with a clear message */
	public static SpikeClassifierModel open(Path dir) throws IOException {
		return new SpikeClassifierModel(ModelFolder.read(dir, ModelInfo.SPIKE_CLASSIFIER));
	}

	/** @return the default classifier bundled in the jar */
	public static SpikeClassifierModel bundled() throws IOException {
		return new SpikeClassifierModel(ModelFolder.readResource(ModelFolder.class, BUNDLED,
			ModelInfo.SPIKE_CLASSIFIER));
	}

	/** @return the model's metadata */
	public ModelInfo info() {
		return info;
	}

	/** @return where the model was loaded from */
	public String source() {
		return source;
	}

	/**
	 * @return per neuron, the spike probability of each of its frames, at the traces' rate
	 */
	public double[][] probabilities(TraceSet traces) {
		double[][] out = new double[traces.size()][];
		for (int i = 0; i < traces.size(); i++) out[i] = probabilities(traces.calcium(i), traces
			.rateHz());
		return out;
	}

	/** @return the spike probability of each frame of one trace sampled at {@code rateHz} */
	public double[] probabilities(double[] calcium, double rateHz) {
		WindowSpec spec = ModelSettings.window(info);
		double[] x = norm.applyResampled(calcium, rateHz, info.rateHz);
		float[] p = network.probabilities(Windowing.everyFrame(x, spec), x.length);
		double[] d = new double[p.length];
		for (int k = 0; k < p.length; k++) d[k] = p[k];
		return Resampling.resample(d, info.rateHz, rateHz, calcium.length);
	}

	/** @return the spike probability of each window (already normalised, model's length) */
	public float[] probabilities(float[] windows, int count) {
		return network.probabilities(windows, count);
	}

	@Override
	public void close() {
		network.close();
	}
}
