package io.github.calspike.model;

import ai.djl.MalformedModelException;

import io.github.calspike.nn.Ensemble;
import io.github.calspike.nn.RateNetwork;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.Resampling;
import io.github.calspike.trace.TraceSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A loaded spike-rate model (an ensemble of one or more rate networks, averaged) that gives every
 * frame of every neuron its expected number of spikes. A recording at another rate is resampled
 * to the model's rate; the rate is converted to spikes per second, resampled back, and converted
 * to spikes per input frame, so the expected number of spikes is kept.
 */
public final class SpikeRateModel implements AutoCloseable {

	/** Folder of the bundled default rate model, relative to this class. */
	public static final String BUNDLED = "bundled/spike-rate";

	private final ModelInfo info;
	private final String source;
	private final List<RateNetwork> members = new ArrayList<>();

	private SpikeRateModel(ModelFolder.Loaded loaded) throws ModelFormatException {
		info = loaded.info();
		source = loaded.source();
		try {
			for (byte[] p : Ensemble.unpack(loaded.parameters())) {
				members.add(new RateNetwork(info.network.filters, info.network.kernel, info.network.layers,
					info.network.globalContext, p));
			}
		}
		catch (IOException | MalformedModelException e) {
			close();
			throw new ModelFormatException(source + ": parameters do not fit the network (" + e
				.getMessage() + ")", e);
		}
	}

	/** @return the rate model in {@code dir}; refuses other model types with a clear message */
	public static SpikeRateModel open(Path dir) throws IOException {
		return new SpikeRateModel(ModelFolder.read(dir, ModelInfo.SPIKE_RATE));
	}

	/** @return the default rate model bundled in the jar */
	public static SpikeRateModel bundled() throws IOException {
		return new SpikeRateModel(ModelFolder.readResource(SpikeRateModel.class, BUNDLED,
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

	/** @return the expected spikes in each frame of one trace sampled at {@code rateHz} */
	public double[] rates(double[] calcium, double rateHz) {
		Normalization norm = info.normalizationMode();
		double[] x = norm.applyResampled(calcium, rateHz, info.rateHz);
		float[] xf = new float[x.length];
		for (int k = 0; k < x.length; k++) xf[k] = (float) x[k];
		double[] perSecond = new double[x.length];
		for (RateNetwork m : members) {
			float[] r = m.rates(xf);
			for (int k = 0; k < r.length; k++) perSecond[k] += r[k];
		}
		double toPerSecond = info.rateHz / (members.size() * info.network.outputScale);
		for (int k = 0; k < perSecond.length; k++) perSecond[k] *= toPerSecond;
		double[] back = Resampling.resample(perSecond, info.rateHz, rateHz, calcium.length);
		for (int k = 0; k < back.length; k++) back[k] = (float) (back[k] / rateHz); // float precision
		return back;
	}

	@Override
	public void close() {
		for (RateNetwork m : members) m.close();
	}
}
