package io.github.calspike.command;

import io.github.calspike.analysis.ConfusionMatrix;
import io.github.calspike.data.BalancedSampler;
import io.github.calspike.data.DatasetCache;
import io.github.calspike.data.NeuronSplit;
import io.github.calspike.model.ModelInfo;
import io.github.calspike.plot.TrainingPlots;
import io.github.calspike.plot.WindowPlots;
import io.github.calspike.trace.Recording;
import io.github.calspike.train.ClassifierConfig;
import io.github.calspike.train.ClassifierTraining;
import io.github.calspike.train.TrainingResult;

import java.io.IOException;
import java.util.List;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Trains the LSTM spike classifier on labelled SpikeFinder recordings and saves a model folder. */
@Plugin(type = Command.class, headless = true,
	menuPath = "Plugins>CalSpike>Train Spike Classifier")
public class TrainSpikeClassifier extends AbstractWindowTrainCommand {

	@Parameter(label = "Augmentation: added noise (sd)", min = "0", persist = false)
	private double noise = ClassifierConfig.DEFAULT_AUGMENT_NOISE;
	@Parameter(label = "Augmentation: amplitude jitter (log sd)", min = "0", persist = false)
	private double scale = ClassifierConfig.DEFAULT_AUGMENT_SCALE;

	private ClassifierConfig cfg;
	private ClassifierTraining.Outcome outcome;

	/** A command with this model's defaults. */
	public TrainSpikeClassifier() {
		super(BalancedSampler.DEFAULT_SAMPLES, ClassifierConfig.DEFAULT_EPOCHS,
			ClassifierConfig.DEFAULT_BATCH, ClassifierConfig.DEFAULT_LEARNING_RATE);
	}

	@Override
	String title() {
		return "Training spike classifier";
	}

	@Override
	String score() {
		return "accuracy";
	}

	@Override
	String modelType() {
		return ModelInfo.SPIKE_CLASSIFIER;
	}

	@Override
	TrainingResult train(List<Recording> recordings, NeuronSplit split,
		TrainingSession session) throws IOException
	{
		readWindow();
		cfg = ClassifierConfig.defaults().withSamples(Inputs.samples(samples)).withEpochs(epochs)
			.withBatchSize(batch).withLearningRate(learningrate).withSeed(seed).withAugmentation(noise,
				scale).withThreads(threads);
		outcome = ClassifierTraining.run(split, spec, norm, cfg, DatasetCache.defaultCache(), session
			.progress(), session.stop());
		return outcome.result();
	}

	@Override
	ModelInfo report(List<Recording> recordings, NeuronSplit split, TrainingResult r)
		throws IOException
	{
		ModelInfo info = ClassifierModels.info(recordings, split, spec, norm, cfg, r);
		double[][] h = ClassifierTables.historyColumns(r.history());
		table("Training history", ClassifierTables.history(r.history()));
		figure(TrainingPlots.history("Training history", h[0], h[1], h[2], h[3], h[4]));
		if (outcome.validation().size() == 0) return info;
		boolean[] truth = new boolean[outcome.validation().size()];
		for (int k = 0; k < truth.length; k++) truth[k] = outcome.validation().isSpike(k);
		float[] p = outcome.validationProbabilities();
		ConfusionMatrix cm = ConfusionMatrix.of(truth, p, 0.5);
		info.training.metrics.put("validationWindows", (double) cm.total());
		info.training.metrics.put("balancedAccuracy", cm.balancedAccuracy());
		info.training.metrics.put("sensitivity", cm.sensitivity());
		info.training.metrics.put("specificity", cm.specificity());
		table("Confusion matrix", ClassifierTables.confusion(cm));
		table("Validation metrics", ClassifierTables.metrics(cm, "balanced windows of " + info
			.training.validationNeurons.size() + " held-out neurons"));
		figure(WindowPlots.errors("False positives and false negatives", outcome.validation(),
			spec, p, 5));
		return info;
	}
}
