package io.github.calspike.command;

import io.github.calspike.analysis.SpikeFinderMetric;
import io.github.calspike.data.NeuronSplit;
import io.github.calspike.model.ModelFolder;
import io.github.calspike.model.ModelInfo;
import io.github.calspike.model.RateModels;
import io.github.calspike.plot.TrainingPlots;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.io.Recording;
import io.github.calspike.trace.io.SpikeFinderCsv;
import io.github.calspike.train.ClassifierConfig;
import io.github.calspike.train.ClassifierTrainer;
import io.github.calspike.train.RateConfig;
import io.github.calspike.train.RateTraining;
import io.github.calspike.ui.OutputService;

import java.io.File;
import java.io.IOException;
import java.util.Collections;
import java.util.List;

import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/** Trains the spike-rate model (an ensemble of dilated CNNs) and saves a model folder. */
@Plugin(type = Command.class, headless = true,
	menuPath = "Plugins>CalSpike>Train Spike Rate Model")
public class TrainSpikeRateModel extends ContextCommand {

	@Parameter(label = "Calcium CSV or folder of pairs", style = FileWidget.FILE_AND_DIRECTORY_STYLE,
		persist = false)
	private File calcium;
	@Parameter(label = "Spikes CSV (default: beside calcium)", required = false, persist = false)
	private File spikes;
	@Parameter(label = "Sampling rate (Hz)", min = "0", persist = false)
	private double rate = SpikeFinderCsv.DEFAULT_RATE_HZ;
	@Parameter(label = "Normalization", choices = { "noise units", "robust z-score", "z-score",
		"none" }, persist = false)
	private String normalization = Normalization.NOISE.label();
	@Parameter(label = "Target smoothing (s)", min = "0", persist = false)
	private double smoothing = RateConfig.DEFAULT_SMOOTHING_S;
	@Parameter(label = "Epochs per member", min = "1", persist = false)
	private int epochs = RateConfig.DEFAULT_EPOCHS;
	@Parameter(label = "Ensemble members", min = "1", persist = false)
	private int members = RateTraining.DEFAULT_MEMBERS;
	@Parameter(label = "Learning rate", persist = false)
	private double learningrate = RateConfig.DEFAULT_LEARNING_RATE;
	@Parameter(label = "Random seed", persist = false)
	private long seed = 1;
	@Parameter(label = "Validation", choices = { NeuronSplit.FRACTION, NeuronSplit.LEAVE_ONE_OUT },
		persist = false)
	private String validation = NeuronSplit.FRACTION;
	@Parameter(label = "Fraction of neurons held out", min = "0", max = "0.9", persist = false)
	private double fraction = ClassifierConfig.DEFAULT_VALIDATION_FRACTION;
	@Parameter(label = "Dataset held out (default: the last)", required = false, persist = false)
	private String holdout;
	@Parameter(label = "Augmentation: added noise (sd)", min = "0", persist = false)
	private double noise = RateConfig.DEFAULT_AUGMENT_NOISE;
	@Parameter(label = "Augmentation: amplitude jitter (log sd)", min = "0", persist = false)
	private double scale = RateConfig.DEFAULT_AUGMENT_SCALE;
	@Parameter(label = "Augmentation: time stretch (log range)", min = "0", max = "1",
		persist = false)
	private double stretch = RateConfig.DEFAULT_AUGMENT_STRETCH;
	@Parameter(label = "Threads", min = "1", persist = false)
	private int threads = ClassifierConfig.DEFAULT_THREADS;
	@Parameter(label = "Model folder to write", style = FileWidget.DIRECTORY_STYLE, persist = false)
	private File model;

	@Parameter
	private OutputService output;
	@Parameter
	private StatusService status;
	@Parameter
	private LogService log;

	@Override
	public void run() {
		TrainingSession session = null;
		try {
			if (model == null) throw new IllegalArgumentException("model: no output folder given");
			List<Recording> recordings = TrainingSession.recordings(calcium, spikes, rate);
			NeuronSplit split = TrainingSession.split(recordings, validation, holdout, fraction, seed);
			Normalization norm = Normalization.fromLabel(normalization);
			RateConfig cfg = RateConfig.defaults().withEpochs(epochs).withLearningRate(learningrate)
				.withSeed(seed).withSmoothing(smoothing).withAugmentation(noise, scale).withStretch(stretch)
				.withThreads(threads);
			session = TrainingSession.start(output, status, log, "Training spike-rate model",
				"correlation", epochs * members);
			ClassifierTrainer.Result r = RateTraining.run(split, norm, cfg, members, (t, p) ->
				SpikeFinderMetric.score(Collections.nCopies(t.length, ""), t, p,
					SpikeFinderMetric.DEFAULT_FACTOR).mean(), session.listener(), session.stop());
			if (session.discarded()) {
				session.finished("Cancelled; nothing was saved.");
				cancel("Training cancelled; no model written");
				return;
			}
			if (r.parameters() == null) {
				cancel("Training stopped before the first epoch completed; no model written");
				return;
			}
			ModelInfo info = RateModels.info(recordings, split, norm, cfg, r);
			if (!r.history().isEmpty()) {
				double last = r.history().get(r.history().size() - 1).validationAccuracy();
				if (!Double.isNaN(last)) info.training.metrics.put("validationCorrelationLastEpoch", last);
			}
			double[][] h = ClassifierTables.historyColumns(r.history());
			output.table("Training history", ClassifierTables.history(r.history(), "correlation"));
			output.figure(TrainingPlots.history("Training history", "correlation", h[0], h[1], h[2],
				h[3], h[4]));
			ModelFolder.write(model.toPath(), info, r.parameters());
			log.info("Model written to " + model);
			session.finished("Done. Model written to " + model);
		}
		catch (IOException | IllegalArgumentException e) {
			if (session != null) session.finished("Failed: " + e.getMessage());
			cancel(e.getMessage());
		}
		finally {
			status.clearStatus();
		}
	}
}
