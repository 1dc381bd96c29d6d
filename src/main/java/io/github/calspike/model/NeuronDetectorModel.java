package io.github.calspike.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import io.github.calspike.nn.Djl;
import io.github.calspike.nn.Parameters;
import io.github.calspike.nn.PixelMaps;
import io.github.calspike.nn.UNetBlock;
import io.github.calspike.nn.UNetMaps;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A loaded neuron detector: a U-Net that maps a movie's summary channels to a cell map and a
 * centre map, with the instance settings it was tuned with ({@link ModelInfo.Detector}).
 */
public final class NeuronDetectorModel implements PixelMaps, AutoCloseable {

	/** Folder of the bundled detector, relative to this class. */
	public static final String BUNDLED = "bundled/neuron-detector";

	private final ModelInfo info;
	private final String source;
	private final NDManager manager;
	private final UNetBlock block;

	private NeuronDetectorModel(ModelFolder.Loaded loaded) throws ModelFormatException {
		info = loaded.info();
		source = loaded.source();
		ModelInfo.Detector d = info.detector;
		manager = Djl.engine().newBaseManager();
		try {
			block = UNetBlock.builder().optFilters(info.network.filters).optLevels(info.network.layers)
				.optOutputs(d.maps.size()).build();
			block.initialize(manager, DataType.FLOAT32, new Shape(1, d.channels.size(), 64, 64));
			Parameters.load(block, manager, loaded.parameters());
		}
		catch (MalformedModelException | RuntimeException e) {
			manager.close();
			throw new ModelFormatException(source + ": parameters do not fit the network (" + e
				.getMessage() + ")", e);
		}
	}

	/** @return the detector in {@code dir}; refuses other model types with a clear message */
	public static NeuronDetectorModel open(Path dir) throws IOException {
		return new NeuronDetectorModel(ModelFolder.read(dir, ModelInfo.NEURON_DETECTOR));
	}

	/** @return the detector bundled in the jar */
	public static NeuronDetectorModel bundled() throws IOException {
		return new NeuronDetectorModel(ModelFolder.readResource(NeuronDetectorModel.class, BUNDLED,
			ModelInfo.NEURON_DETECTOR));
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
	 * @throws IllegalArgumentException when the channels are not the ones the model was trained on
	 */
	public void checkChannels(List<String> channels) {
		if (!channels.equals(info.detector.channels)) {
			throw new IllegalArgumentException(source + ": the detector was trained on the channels " +
				info.detector.channels + ", but this CalSpike computes " + channels + "; retrain it");
		}
	}

	@Override
	public float[][] predict(float[][] channels, int width, int height) {
		if (channels.length != info.detector.channels.size()) {
			throw new IllegalArgumentException("the detector takes " + info.detector.channels.size() +
				" channels, got " + channels.length);
		}
		return UNetMaps.predict(block, manager, channels, width, height);
	}

	@Override
	public void close() {
		manager.close();
	}
}
