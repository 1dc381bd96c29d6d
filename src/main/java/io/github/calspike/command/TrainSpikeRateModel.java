package io.github.calspike.command;

import io.github.calspike.analysis.SpikeFinderMetric;
import io.github.calspike.data.NeuronSplit;
import io.github.calspike.model.ModelInfo;
import io.github.calspike.plot.Charts;
import io.github.calspike.plot.Figure;
import io.github.calspike.plot.TrainingPlots;
import io.github.calspike.trace.EventGate;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.Recording;
import io.github.calspike.train.RateConfig;
import io.github.calspike.train.RateTraining;
import io.github.calspike.train.TrainingResult;

import java.io.IOException;

import org.jfree.chart.JFreeChart;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Trains the spike-rate model (an ensemble of dilated CNNs) and saves a model folder. */
@Plugin(type = Command.class, headless = true,
	menuPath = "Plugins>CalSpike>Train Spike Rate Model")
public class TrainSpikeRateModel extends AbstractTrainCommand {

	@Parameter(label = "Normalization", choices = { Normalization.Labels.NOISE,
		Normalization.Labels.ROBUST_ZSCORE, Normalization.Labels.ZSCORE, Normalization.Labels.NONE },
		persist = false)
	private String normalization = Normalization.NOISE.label();
	@Parameter(label = "Target smoothing (s)", min = "0", persist = false)
	private double smoothing = RateConfig.DEFAULT_SMOOTHING_S;
	@Parameter(label = "Epochs per member", min = "1", persist = false)
	private int epochs = RateConfig.DEFAULT_EPOCHS;
	@Parameter(label = "Ensemble members", min = "1", persist = false)
	private int members = RateTraining.DEFAULT_MEMBERS;
	@Parameter(label = "Ensemble members trained without augmentation (the last ones)", min = "0",
		persist = false)
	private int clean = RateConfig.DEFAULT_CLEAN_MEMBERS;
	@Parameter(label = "Learning rate", persist = false)
	private double learningrate = RateConfig.DEFAULT_LEARNING_RATE;
	@Parameter(label = "Augmentation: added noise (sd)", min = "0", persist = false)
	private double noise = RateConfig.DEFAULT_AUGMENT_NOISE;
	@Parameter(label = "Augmentation: amplitude jitter (log sd)", min = "0", persist = false)
	private double scale = RateConfig.DEFAULT_AUGMENT_SCALE;
	@Parameter(label = "Augmentation: time stretch (log range)", min = "0", max = "1",
		persist = false)
	private double stretch = RateConfig.DEFAULT_AUGMENT_STRETCH;
	@Parameter(label = "Loss: weight of (1 - correlation) added to the MSE", min = "0",
		persist = false)
	private double correlation = RateConfig.DEFAULT_CORRELATION_WEIGHT;
	@Parameter(label = "Loss: weight of the Poisson deviance of the 25 Hz counts", min = "0",
		persist = false)
	private double poisson = RateConfig.DEFAULT_POISSON_WEIGHT;
	@Parameter(label = "Augmentation: fraction of crops with simulated indicators", min = "0",
		max = "1", persist = false)
	private double synthetic = RateConfig.DEFAULT_SYNTHETIC;
	@Parameter(label = "Augmentation: fraction of crops at a lower frame rate (5-50 Hz)",
		min = "0", max = "1", persist = false)
	private double lowrate = RateConfig.DEFAULT_LOW_RATE;
	@Parameter(label = "Event gate: quantile of the rate on white noise where an event ends",
		min = "0", max = "0.99", persist = false)
	private double gatebase = EventGate.DEFAULT_BASE_QUANTILE;

	private Normalization norm;
	private RateConfig cfg;

	@Override
	String title() {
		return "Training spike-rate model";
	}

	@Override
	String score() {
		return "correlation";
	}

	@Override
	String modelType() {
		return ModelInfo.SPIKE_RATE;
	}

	@Override
	int totalEpochs() {
		return epochs * members;
	}

	@Override
	TrainingResult train(List<Recording> recordings, NeuronSplit split,
		TrainingSession session)
	{
		norm = Normalization.fromLabel(normalization);
		EventGate.checkBaseQuantile("gatebase", gatebase, EventGate.DEFAULT_FLOOR_QUANTILE);
		cfg = RateConfig.defaults().withEpochs(epochs).withLearningRate(learningrate).withSeed(seed)
			.withSmoothing(smoothing).withAugmentation(noise, scale).withStretch(stretch)
			.withCorrelationWeight(correlation).withPoissonWeight(poisson).withSynthetic(synthetic)
			.withLowRate(lowrate).withCleanMembers(clean).withThreads(threads);
		int pool = SpikeFinderMetric.factor(split.training().rateHz());
		return RateTraining.run(split, norm, cfg, members, (t, p) -> SpikeFinderMetric.score(
			Collections.nCopies(t.length, ""), t, p, pool).mean(), session.progress(), session.stop());
	}

	@Override
	ModelInfo report(List<Recording> recordings, NeuronSplit split, TrainingResult r)
		throws IOException
	{
		status.showStatus("Calibrating the rate on white noise and the training neurons...");
		log.info("Calibrating the rate: its floor on white noise, its gain on the training neurons");
		// the noise the saved members saw sets the noise of the slow-rate gains
		int saved = RateModels.savedMembers(r);
		RateConfig savedCfg = RateTraining.savedConfig(cfg, members, saved);
		EventGate.Calibration cal = RateTraining.calibrate(split.training(), norm, savedCfg, r
			.parameters(), EventGate.DEFAULT_FLOOR_QUANTILE, gatebase);
		log.info(String.format(Locale.ROOT, "Calibration: floor %.4g spikes/frame, gain " +
			"%.3f; training noise levels %.2f to %.2f", cal.floor, cal.gain, cal.noiseMin, cal.noiseMax));
		ModelInfo info = RateModels.info(recordings, split, norm, savedCfg, saved, r, cal);
		if (!r.history().isEmpty()) {
			double last = r.history().get(r.history().size() - 1).validationScore();
			if (!Double.isNaN(last)) info.training.metrics.put("validationCorrelationLastEpoch", last);
		}
		double[][] h = ClassifierTables.historyColumns(r.history());
		table("Training history", ClassifierTables.history(r.history(), "correlation"));
		Figure f = TrainingPlots.history("Training history", "correlation", h[0], h[1], h[2], h[3],
			h[4]);
		if (members > 1) {
			for (JFreeChart c : f.charts()) Charts.subtitle(c, members + " ensemble members trained one" +
				" after another, " + epochs + " epochs each");
		}
		figure(f);
		return info;
	}
}
