package io.github.calspike.command;

import io.github.calspike.data.NeuronSplit;
import io.github.calspike.model.ModelInfo;
import io.github.calspike.nn.Ensemble;
import io.github.calspike.trace.EventGate;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.Recording;
import io.github.calspike.train.EpochResult;
import io.github.calspike.train.RateConfig;
import io.github.calspike.train.RateTrainer;
import io.github.calspike.train.RateTraining;
import io.github.calspike.train.TrainingResult;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the metadata of a trained spike-rate model. */
public final class RateModels {

	private RateModels() {}

	/** @return the ensemble members {@code result} holds (0 without parameters) */
	static int savedMembers(TrainingResult result) throws IOException {
		return result.parameters() == null ? 0 : Ensemble.unpack(result.parameters()).size();
	}

	/**
	 * @param cfg the config of the members saved ({@link RateTraining#savedConfig})
	 * @param saved the ensemble members saved ({@link #savedMembers}; fewer than asked for when
	 *        stopped)
	 * @param cal the calibration from {@link RateTraining#calibrate}
	 * @return model.json content for a trained rate ensemble
	 * @throws IOException when a training file cannot be read for its checksum
	 */
	public static ModelInfo info(List<Recording> recordings, NeuronSplit split, Normalization norm,
		RateConfig cfg, int saved, TrainingResult result, EventGate.Calibration cal)
		throws IOException
	{
		ModelInfo m = new ModelInfo();
		m.type = ModelInfo.SPIKE_RATE;
		m.network.architecture = "normalised calcium -> " + cfg.layers() + " x [Conv1d(" + cfg
			.filters() + ", kernel " + cfg.kernel() + ", dilation 1, 2, 4, ...) + ReLU] -> Conv1d(1) ->" +
			" softplus, over whole traces" + (cfg.globalContext() < 0 ? "" : "; after layer " + (cfg
				.globalContext() + 1) + ", Dense(" + cfg.filters() + ") of the features averaged over the trace" +
				" is added to every frame's features");
		m.network.features = List.of("x");
		m.network.filters = cfg.filters();
		m.network.kernel = cfg.kernel();
		m.network.layers = cfg.layers();
		m.network.globalContext = cfg.globalContext();
		m.network.members = saved;
		m.network.outputScale = RateTrainer.TARGET_SCALE;
		m.calibration = calibration(cal);
		m.window.before = RateNetworkWindow.before(cfg);
		m.window.after = m.window.before;
		m.window.spikeN = 1;
		m.window.stride = 1;
		m.normalization = norm.label();
		TrainingSession.setProvenance(m, recordings, split);
		m.training.seed = cfg.seed();
		m.training.epochs = cfg.epochs();
		m.training.epochsCompleted = result.history().size();
		m.training.batchSize = cfg.batchSize();
		m.training.cropLength = cfg.cropLength();
		m.training.learningRate = cfg.learningRate();
		m.training.smoothingS = cfg.smoothingS();
		m.training.augmentNoise = cfg.augmentNoise();
		m.training.augmentScale = cfg.augmentScale();
		m.training.augmentStretch = cfg.augmentStretch();
		m.training.correlationWeight = cfg.correlationWeight();
		m.training.poissonWeight = cfg.poissonWeight();
		m.training.synthetic = cfg.synthetic();
		m.training.lowRate = cfg.lowRate();
		m.training.cleanMembers = cfg.cleanMembers();
		for (EpochResult e : result.history()) {
			Map<String, Double> h = new LinkedHashMap<>();
			h.put("epoch", (double) e.epoch());
			h.put("trainLoss", e.trainLoss());
			h.put("validationCorrelation", e.validationScore());
			h.put("framesPerSecond", e.throughput());
			m.training.history.add(h);
		}
		return m;
	}

	/** @return the calibration as stored in model.json */
	public static ModelInfo.Calibration calibration(EventGate.Calibration cal) {
		ModelInfo.Calibration c = new ModelInfo.Calibration();
		c.method = cal.method;
		c.base = cal.base;
		c.floor = cal.floor;
		c.gain = cal.gain;
		c.quantile = cal.quantile;
		c.baseQuantile = cal.baseQuantile;
		c.detrendS = cal.detrendS;
		c.noiseLevelMin = cal.noiseMin;
		c.noiseLevelMax = cal.noiseMax;
		if (cal.gainRatesHz.length > 0) {
			c.gainRatesHz = cal.gainRatesHz.clone();
			c.gains = cal.gains.clone();
		}
		if (cal.eventSizes != null) {
			c.eventSizeRatesHz = cal.eventSizes.ratesHz();
			c.eventSizeMin = cal.eventSizes.min();
			c.eventSizeMax = cal.eventSizes.max();
			if (!Double.isNaN(cal.eventSizes.slope())) c.eventSizeSlope = cal.eventSizes.slope();
		}
		return c;
	}

	/** The rate network's context, recorded in model.json's window fields. */
	static final class RateNetworkWindow {
		private RateNetworkWindow() {}

		/** @return frames seen on each side of a frame */
		static int before(RateConfig cfg) {
			return io.github.calspike.nn.RateNetworkBlock.receptiveField(cfg.kernel(), cfg.layers()) / 2;
		}
	}
}
