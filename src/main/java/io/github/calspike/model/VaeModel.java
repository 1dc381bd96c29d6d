package io.github.calspike.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import io.github.calspike.nn.CalciumVae;
import io.github.calspike.nn.Djl;
import io.github.calspike.nn.Parameters;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A loaded calcium VAE: encode windows to latent vectors (the mean: deterministic), decode latent
 * vectors to windows, and reconstruct. Windows are flat, {@link #bins()} values each, already
 * normalised as the model's metadata says.
 */
public final class VaeModel implements AutoCloseable {

	private final ModelInfo info;
	private final NDManager manager;
	private final CalciumVae vae;

	private VaeModel(ModelFolder.Loaded loaded) throws ModelFormatException {
		info = loaded.info();
		manager = Djl.engine().newBaseManager();
		try {
			// built inside try: sizes that do not make a network must not leak the manager
			vae = new CalciumVae(info.window.length(), info.network.units, info.network.latent, 1f);
			vae.initialize(manager, DataType.FLOAT32, new Shape(1, vae.bins()));
			Parameters.load(vae, manager, loaded.parameters());
		}
		catch (MalformedModelException | RuntimeException e) {
			manager.close();
			throw new ModelFormatException(loaded.source() + ": " + e.getMessage(), e);
		}
	}

	/** Folder of the bundled default VAE, relative to this class. */
	public static final String BUNDLED = "bundled/vae";

	/** @return the default VAE bundled in the jar */
	public static VaeModel bundled() throws IOException {
		return new VaeModel(ModelFolder.readResource(VaeModel.class, BUNDLED, ModelInfo.VAE));
	}

	/** @return the VAE in {@code dir}; refuses other model types with a clear message */
	public static VaeModel open(Path dir) throws IOException {
		return new VaeModel(ModelFolder.read(dir, ModelInfo.VAE));
	}

	/** @return the model's metadata */
	public ModelInfo info() {
		return info;
	}

	/** @return bins per window */
	public int bins() {
		return vae.bins();
	}

	/** @return the latent size */
	public int latent() {
		return vae.latent();
	}

	/**
	 * @param windows {@code count} windows, flat
	 * @return the latent means, flat (count x latent)
	 * @throws IllegalArgumentException "The model expects data with N time bins; got M"
	 */
	public float[] encode(float[] windows, int count, int bins) {
		vae.checkBins(bins);
		return Djl.withoutGradients(() -> {
			try (NDManager m = manager.newSubManager()) {
				NDArray x = m.create(windows, new Shape(count, bins));
				return vae.encode(new ParameterStore(m, false), x, false, null).get(1).toFloatArray();
			}
		});
	}

	/** @return windows decoded from {@code count} latent vectors, flat (count x bins) */
	public float[] decode(float[] latents, int count) {
		return Djl.withoutGradients(() -> {
			try (NDManager m = manager.newSubManager()) {
				NDArray z = m.create(latents, new Shape(count, latent()));
				return vae.decode(new ParameterStore(m, false), z, false, null).toFloatArray();
			}
		});
	}

	/** @return the reconstructions of the windows (deterministic encode, then decode) */
	public float[] reconstruct(float[] windows, int count, int bins) {
		return decode(encode(windows, count, bins), count);
	}

	@Override
	public void close() {
		manager.close();
	}
}
