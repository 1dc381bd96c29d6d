package io.github.calspike.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The tutorial's variational autoencoder of calcium windows. Encoder: features [x, dx, x²] per
 * bin -> LSTM(units, last state) -> {@link VariationalLayer}(latent). Decoder: the latent code
 * repeated over the window's bins -> LSTM(units, all steps) -> Dense(1) per bin. Forward: windows
 * (batch, bins) -> NDList(reconstruction (batch, bins), mean, logvar).
 */
public class CalciumVae extends AbstractBlock {

	/** The tutorial's latent size. */
	public static final int DEFAULT_LATENT = 256;
	/** The tutorial's LSTM size. */
	public static final int DEFAULT_UNITS = 64;

	private final int bins;
	private final int units;
	private final int latent;
	private final SpikeFeatures features = new SpikeFeatures();
	private final LSTM encoder;
	private final VariationalLayer variational;
	private final LSTM decoder;
	private final Linear out = Linear.builder().setUnits(1).build();

	/**
	 * @param bins window length the model is built for
	 * @param units LSTM units of encoder and decoder
	 * @param latent latent size
	 * @param epsilonStd sd of the sampling noise while training
	 */
	public CalciumVae(int bins, int units, int latent, float epsilonStd) {
		super((byte) 1);
		if (bins < 2) throw new IllegalArgumentException("windows need >= 2 bins, got " + bins);
		this.bins = bins;
		this.units = units;
		this.latent = latent;
		addChildBlock("features", features);
		encoder = addChildBlock("encoder", lstm(units));
		variational = addChildBlock("variational", VariationalLayer.builder().setLatent(latent)
			.optEpsilonStd(epsilonStd).build());
		decoder = addChildBlock("decoder", lstm(units));
		addChildBlock("out", out);
	}

	private static LSTM lstm(int units) {
		return LSTM.builder().setStateSize(units).setNumLayers(1).optBatchFirst(true)
			.optReturnState(false).build();
	}

	/** @return the window length the model expects */
	public int bins() {
		return bins;
	}

	/** @return the latent size */
	public int latent() {
		return latent;
	}

	/**
	 * @throws IllegalArgumentException with the tutorial's message when windows have another
	 *           length than the model's
	 */
	public void checkBins(long actual) {
		if (actual != bins) {
			throw new IllegalArgumentException("The model expects data with " + bins +
				" time bins; got " + actual);
		}
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
		PairList<String, Object> params)
	{
		NDList v = encode(ps, inputs.singletonOrThrow(), training, params);
		return new NDList(decode(ps, v.get(0), training, params), v.get(1), v.get(2));
	}

	/** @return NDList(sample, mean, logvar) of windows (batch, bins) */
	public NDList encode(ParameterStore ps, NDArray windows, boolean training,
		PairList<String, Object> params)
	{
		checkBins(windows.getShape().get(1));
		NDList f = features.forward(ps, new NDList(windows), training, params);
		NDArray h = encoder.forward(ps, f, training, params).head().get(":, -1, :");
		return variational.forward(ps, new NDList(h), training, params);
	}

	/** @return windows (batch, bins) decoded from latent codes (batch, latent) */
	public NDArray decode(ParameterStore ps, NDArray z, boolean training,
		PairList<String, Object> params)
	{
		NDArray repeated = z.expandDims(1).repeat(1, bins);
		NDArray h = decoder.forward(ps, new NDList(repeated), training, params).head();
		NDArray y = out.forward(ps, new NDList(h), training, params).head();
		return y.reshape(z.getShape().get(0), bins);
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		long b = inputShapes[0].get(0);
		return new Shape[] { new Shape(b, bins), new Shape(b, latent), new Shape(b, latent) };
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		long b = inputShapes[0].get(0);
		checkBins(inputShapes[0].get(1));
		features.initialize(manager, dataType, inputShapes[0]);
		encoder.initialize(manager, dataType, new Shape(b, bins, SpikeFeatures.FEATURES));
		variational.initialize(manager, dataType, new Shape(b, units));
		decoder.initialize(manager, dataType, new Shape(b, bins, latent));
		out.initialize(manager, dataType, new Shape(b, bins, units));
	}
}
