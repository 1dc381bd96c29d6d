package io.github.calspike.command;

import io.github.calspike.data.NeuronSplit;
import io.github.calspike.data.WindowSpec;
import io.github.calspike.infer.ModelSettings;
import io.github.calspike.model.ModelInfo;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.Recording;
import io.github.calspike.train.ClassifierConfig;
import io.github.calspike.train.EpochResult;
import io.github.calspike.train.TrainingResult;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the metadata of a trained spike classifier. */
public final class ClassifierModels {

	private ClassifierModels() {}

	/**
	 * @return model.json content describing the network, the data (with file hashes), the
	 *         settings and the training history; validation metrics are added by the caller
	 */
	public static ModelInfo info(List<Recording> recordings, NeuronSplit split, WindowSpec spec,
		Normalization norm, ClassifierConfig cfg, TrainingResult result) throws IOException
	{
		ModelInfo m = new ModelInfo();
		m.type = ModelInfo.SPIKE_CLASSIFIER;
		m.network.architecture = "features [x, dx, x^2] -> LSTM(" + cfg.units() +
			", last state) -> Dense(1) -> logit";
		m.network.features = List.of("x", "dx", "x^2");
		m.network.units = cfg.units();
		ModelSettings.setWindow(m, spec);
		m.normalization = norm.label();
		TrainingSession.setProvenance(m, recordings, split);
		m.training.seed = cfg.seed();
		m.training.samples = cfg.samples();
		m.training.epochs = cfg.epochs();
		m.training.epochsCompleted = result.history().size();
		m.training.batchSize = cfg.batchSize();
		m.training.learningRate = cfg.learningRate();
		m.training.augmentNoise = cfg.augmentNoise();
		m.training.augmentScale = cfg.augmentScale();
		for (EpochResult e : result.history()) {
			Map<String, Double> h = new LinkedHashMap<>();
			h.put("epoch", (double) e.epoch());
			h.put("trainLoss", e.trainLoss());
			h.put("trainAccuracy", e.trainScore());
			h.put("validationLoss", e.validationLoss());
			h.put("validationAccuracy", e.validationScore());
			h.put("samplesPerSecond", e.throughput());
			m.training.history.add(h);
		}
		return m;
	}
}
