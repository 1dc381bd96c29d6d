package io.github.calspike.command;

import io.github.calspike.data.DatasetCache;
import io.github.calspike.data.NeuronSplit;
import io.github.calspike.data.WindowDatasets;
import io.github.calspike.data.WindowSet;
import io.github.calspike.infer.ModelSettings;
import io.github.calspike.model.ModelInfo;
import io.github.calspike.nn.CalciumVae;
import io.github.calspike.plot.Figure;
import io.github.calspike.plot.TrainingPlots;
import io.github.calspike.trace.Recording;
import io.github.calspike.train.TrainingResult;
import io.github.calspike.train.VaeConfig;
import io.github.calspike.train.VaeTrainer;

import java.io.IOException;
import java.util.List;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Trains the calcium VAE (LSTM encoder, variational layer, LSTM decoder) on a balanced sample of
 * windows and saves a model folder; validation loss is measured on held-out neurons.
 */
@Plugin(type = Command.class, headless = true,
	menuPath = "Plugins>CalSpike>Train Variational Autoencoder")
public class TrainVariationalAutoencoder extends AbstractWindowTrainCommand {

	@Parameter(label = "Latent size", min = "1", persist = false)
	private int latent = CalciumVae.DEFAULT_LATENT;
	@Parameter(label = "KL weight (beta)", min = "0", persist = false)
	private double beta = VaeConfig.DEFAULT_BETA;

	private int trainingWindows;

	/** A command with this model's defaults. */
	public TrainVariationalAutoencoder() {
		super(VaeConfig.DEFAULT_SAMPLES, VaeConfig.DEFAULT_EPOCHS, VaeConfig.DEFAULT_BATCH,
			VaeConfig.DEFAULT_LEARNING_RATE);
	}

	@Override
	String title() {
		return "Training variational autoencoder";
	}

	@Override
	String modelType() {
		return ModelInfo.VAE;
	}

	@Override
	String score() {
		return "loss";
	}

	@Override
	TrainingResult train(List<Recording> recordings, NeuronSplit split,
		TrainingSession session) throws IOException
	{
		readWindow();
		WindowSet train = WindowDatasets.balanced(split.training(), spec, norm, Inputs.samples(
			samples), seed, DatasetCache.defaultCache()).windows();
		WindowSet val = split.validation().size() == 0 ? new WindowSet(spec.length(), new float[0],
			new byte[0], new int[0], new int[0]) : WindowDatasets.balanced(split.validation(), spec,
				norm, Inputs.samples(samples), seed + 1, DatasetCache.defaultCache()).windows();
		trainingWindows = train.size();
		VaeConfig cfg = VaeConfig.defaults().withNetwork(latent, CalciumVae.DEFAULT_UNITS).withEpochs(
			epochs, batch).withLoss(learningrate, beta).withRun(seed, threads);
		return VaeTrainer.train(train, val, cfg, session.progress(), session.stop());
	}

	@Override
	ModelInfo report(List<Recording> recordings, NeuronSplit split, TrainingResult r)
		throws IOException
	{
		ModelInfo m = new ModelInfo();
		m.type = ModelInfo.VAE;
		m.network.architecture = "features [x, dx, x^2] -> LSTM(" + CalciumVae.DEFAULT_UNITS +
			") -> variational(" + latent + ") | repeat -> LSTM(" + CalciumVae.DEFAULT_UNITS +
			", all steps) -> Dense(1) per bin";
		m.network.features = List.of("x", "dx", "x^2");
		m.network.units = CalciumVae.DEFAULT_UNITS;
		m.network.latent = latent;
		m.network.beta = beta;
		ModelSettings.setWindow(m, spec);
		m.normalization = norm.label();
		TrainingSession.setProvenance(m, recordings, split);
		m.training.seed = seed;
		m.training.samples = trainingWindows;
		m.training.epochs = epochs;
		m.training.epochsCompleted = r.history().size();
		m.training.batchSize = batch;
		m.training.learningRate = learningrate;
		double[][] h = ClassifierTables.historyColumns(r.history());
		for (int i = 0; i < h[0].length; i++) {
			m.training.history.add(java.util.Map.of("epoch", h[0][i], "trainLoss", h[1][i],
				"validationLoss", h[2][i]));
		}
		table("Training history", ClassifierTables.history(r.history(), "loss"));
		figure(Figure.of("Training history", TrainingPlots.curves("Loss (MSE + beta KL)",
			"loss", h[0], h[1], h[2]), 700, 420));
		return m;
	}
}
