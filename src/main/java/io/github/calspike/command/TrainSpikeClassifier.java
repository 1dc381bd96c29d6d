package io.github.calspike.command;

import io.github.calspike.analysis.ConfusionMatrix;
import io.github.calspike.data.BalancedSampler;
import io.github.calspike.data.DatasetCache;
import io.github.calspike.data.NeuronSplit;
import io.github.calspike.data.WindowSpec;
import io.github.calspike.model.ClassifierModels;
import io.github.calspike.model.ModelFolder;
import io.github.calspike.model.ModelInfo;
import io.github.calspike.plot.TrainingPlots;
import io.github.calspike.plot.WindowPlots;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.io.Recording;
import io.github.calspike.trace.io.SpikeFinderCsv;
import io.github.calspike.train.ClassifierConfig;
import io.github.calspike.train.ClassifierTraining;
import io.github.calspike.ui.OutputService;

import java.io.File;
import java.io.IOException;
import java.util.List;

import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/** Trains the LSTM spike classifier on labelled SpikeFinder recordings and saves a model folder. */
@Plugin(type = Command.class, headless = true,
	menuPath = "Plugins>CalSpike>Train Spike Classifier")
public class TrainSpikeClassifier extends ContextCommand {

	@Parameter(label = "Calcium CSV or folder of pairs", style = FileWidget.FILE_AND_DIRECTORY_STYLE, persist = false)
	private File calcium;
	@Parameter(label = "Spikes CSV (default: beside calcium)", required = false, persist = false)
	private File spikes;
	@Parameter(label = "Sampling rate (Hz)", min = "0", persist = false)
	private double rate = SpikeFinderCsv.DEFAULT_RATE_HZ;
	@Parameter(label = "Bins before centre", min = "0", persist = false)
	private int before = WindowSpec.DEFAULT_BEFORE;
	@Parameter(label = "Bins after centre", min = "0", persist = false)
	private int after = WindowSpec.DEFAULT_AFTER;
	@Parameter(label = "Spikes in centre bin for 'spike'", min = "1", persist = false)
	private int spike_n = WindowSpec.DEFAULT_SPIKE_N;
	@Parameter(label = "Normalization", choices = { "robust z-score", "z-score", "none" },
		persist = false)
	private String normalization = Normalization.ROBUST_ZSCORE.label();
	@Parameter(label = "Balanced training samples (even number or 'all')", persist = false)
	private String samples = String.valueOf(BalancedSampler.DEFAULT_SAMPLES);
	@Parameter(label = "Epochs", min = "1", persist = false)
	private int epochs = ClassifierConfig.DEFAULT_EPOCHS;
	@Parameter(label = "Batch size", min = "1", persist = false)
	private int batch = ClassifierConfig.DEFAULT_BATCH;
	@Parameter(label = "Learning rate", persist = false)
	private double learningrate = ClassifierConfig.DEFAULT_LEARNING_RATE;
	@Parameter(label = "Random seed", persist = false)
	private long seed = ClassifierConfig.DEFAULT_SEED;
	@Parameter(label = "Validation", choices = { NeuronSplit.FRACTION, NeuronSplit.LEAVE_ONE_OUT },
		persist = false)
	private String validation = NeuronSplit.FRACTION;
	@Parameter(label = "Fraction of neurons held out", min = "0", max = "0.9", persist = false)
	private double fraction = ClassifierConfig.DEFAULT_VALIDATION_FRACTION;
	@Parameter(label = "Dataset held out (default: the last)", required = false, persist = false)
	private String holdout;
	@Parameter(label = "Augmentation: added noise (sd)", min = "0", persist = false)
	private double noise = ClassifierConfig.DEFAULT_AUGMENT_NOISE;
	@Parameter(label = "Augmentation: amplitude jitter (log sd)", min = "0", persist = false)
	private double scale = ClassifierConfig.DEFAULT_AUGMENT_SCALE;
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
			WindowSpec spec = new WindowSpec(before, after, spike_n, WindowSpec.DEFAULT_STRIDE);
			Normalization norm = Normalization.fromLabel(normalization);
			ClassifierConfig cfg = ClassifierConfig.defaults().withSamples(Inputs.samples(samples))
				.withEpochs(epochs).withBatchSize(batch).withLearningRate(learningrate).withSeed(seed)
				.withAugmentation(noise, scale).withThreads(threads);
			session = TrainingSession.start(output, status, log, "Training spike classifier",
				"accuracy", epochs);
			ClassifierTraining.Outcome out = ClassifierTraining.run(split, spec, norm, cfg,
				DatasetCache.defaultCache(), session.listener(), session.stop());
			if (session.discarded()) {
				session.finished("Cancelled; nothing was saved.");
				cancel("Training cancelled; no model written");
				return;
			}
			if (!out.hasModel()) {
				cancel("Training stopped before the first epoch completed; no model written");
				return;
			}
			ModelInfo info = ClassifierModels.info(recordings, split, spec, norm, cfg, out.result());
			report(info, out, spec);
			ModelFolder.write(model.toPath(), info, out.result().parameters());
			log.info("Model written to " + model + (out.result().stopped() ? " (stopped after epoch " +
				out.result().history().size() + ")" : ""));
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

	private void report(ModelInfo info, ClassifierTraining.Outcome out, WindowSpec spec)
		throws IOException
	{
		double[][] h = ClassifierTables.historyColumns(out.result().history());
		output.table("Training history", ClassifierTables.history(out.result().history()));
		output.figure(TrainingPlots.history("Training history", h[0], h[1], h[2], h[3], h[4]));
		if (out.validation().size() == 0) return;
		boolean[] truth = new boolean[out.validation().size()];
		for (int k = 0; k < truth.length; k++) truth[k] = out.validation().isSpike(k);
		float[] p = out.validationProbabilities();
		ConfusionMatrix cm = ConfusionMatrix.of(truth, p, 0.5);
		info.training.metrics.put("validationWindows", (double) cm.total());
		info.training.metrics.put("balancedAccuracy", cm.balancedAccuracy());
		info.training.metrics.put("sensitivity", cm.sensitivity());
		info.training.metrics.put("specificity", cm.specificity());
		output.table("Confusion matrix", ClassifierTables.confusion(cm));
		output.table("Validation metrics", ClassifierTables.metrics(cm, "balanced windows of " + info
			.training.validationNeurons.size() + " held-out neurons"));
		output.figure(WindowPlots.errors("False positives and false negatives", out.validation(),
			spec, p, 5));
	}
}
