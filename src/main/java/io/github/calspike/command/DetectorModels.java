package io.github.calspike.command;

import io.github.calspike.model.ModelInfo;
import io.github.calspike.train.DetectorConfig;
import io.github.calspike.train.EpochResult;
import io.github.calspike.train.TrainingResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the metadata of a trained neuron detector. */
public final class DetectorModels {

	private DetectorModels() {}

	/**
	 * @param channels the input channels' names, in order
	 * @param maps the output maps' names, in order
	 * @param movies what it was trained on (movie and annotation file names)
	 * @param threshold smallest centre peak of a neuron
	 * @return model.json content for a trained detector
	 */
	public static ModelInfo info(DetectorConfig cfg, TrainingResult result, List<String> channels,
		List<String> maps, List<String> movies, double threshold, int minArea, double maxRadius)
	{
		ModelInfo m = new ModelInfo();
		m.type = ModelInfo.NEURON_DETECTOR;
		m.network.architecture = "summary images (" + String.join(", ", channels) + ") -> U-Net (" +
			cfg.levels() + " levels, " + cfg.filters() + " channels first, doubling; 2 x [Conv2d 3x3 + " +
			"BatchNorm + ReLU] per level) -> sigmoid maps (" + String.join(", ", maps) + ")";
		m.network.features = List.copyOf(channels);
		m.network.filters = cfg.filters();
		m.network.layers = cfg.levels();
		m.normalization = "robust per image";
		m.detector = new ModelInfo.Detector();
		m.detector.channels.addAll(channels);
		m.detector.maps.addAll(maps);
		m.detector.threshold = threshold;
		m.detector.minArea = minArea;
		m.detector.maxRadius = maxRadius;
		m.detector.movies.addAll(movies);
		m.training.seed = cfg.seed();
		m.training.epochs = cfg.epochs();
		m.training.epochsCompleted = result.history().size();
		m.training.batchSize = cfg.batchSize();
		m.training.cropLength = cfg.tile();
		m.training.learningRate = cfg.learningRate();
		for (EpochResult e : result.history()) {
			Map<String, Double> h = new LinkedHashMap<>();
			h.put("epoch", (double) e.epoch());
			h.put("loss", e.trainLoss());
			if (!Double.isNaN(e.validationScore())) h.put("validationF1", e.validationScore());
			h.put("seconds", e.seconds());
			m.training.history.add(h);
		}
		return m;
	}
}
