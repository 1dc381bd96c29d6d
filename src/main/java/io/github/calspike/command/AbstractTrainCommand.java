package io.github.calspike.command;

import io.github.calspike.data.NeuronSplit;
import io.github.calspike.model.ModelFolder;
import io.github.calspike.model.ModelInfo;
import io.github.calspike.nn.Djl;
import io.github.calspike.plot.Figure;
import io.github.calspike.trace.Recording;
import io.github.calspike.train.ClassifierConfig;
import io.github.calspike.train.TrainingResult;

import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.scijava.plugin.Parameter;
import org.scijava.widget.FileWidget;

/**
 * What every training command shares: the data and validation parameters, the progress window or
 * status bar, Stop (keep the last complete epoch) and Cancel (discard), and writing the model
 * folder. A subclass trains and describes its model.
 */
abstract class AbstractTrainCommand extends AbstractRecordingsCommand {

	@Parameter(label = "Random seed", persist = false)
	protected long seed = ClassifierConfig.DEFAULT_SEED;
	@Parameter(label = "Validation", choices = { NeuronSplit.FRACTION, NeuronSplit.LEAVE_ONE_OUT },
		persist = false)
	protected String validation = NeuronSplit.FRACTION;
	@Parameter(label = "Fraction of neurons held out", min = "0", max = "0.9", persist = false)
	protected double fraction = ClassifierConfig.DEFAULT_VALIDATION_FRACTION;
	@Parameter(label = "Dataset held out (default: the last)", required = false, persist = false)
	protected String holdout;
	@Parameter(label = "Threads", min = "1", persist = false)
	protected int threads = Djl.DEFAULT_THREADS;
	@Parameter(label = "Model folder to write", style = FileWidget.DIRECTORY_STYLE, persist = false)
	protected File model;

	/** @return the training window's title */
	abstract String title();

	/** @return the type of model written, e.g. {@link ModelInfo#SPIKE_RATE} */
	abstract String modelType();

	/** @return the score charted beside the loss, e.g. "accuracy" */
	abstract String score();

	/** @return epochs the whole run will report */
	abstract int totalEpochs();

	/** Trains on the split, reporting to the session; checks and reads its own parameters. */
	abstract TrainingResult train(List<Recording> recordings, NeuronSplit split,
		TrainingSession session) throws IOException;

	/**
	 * Describes the trained model and queues its tables and plots ({@link #table}, {@link #figure});
	 * returns model.json's content.
	 */
	abstract ModelInfo report(List<Recording> recordings, NeuronSplit split,
		TrainingResult result) throws IOException;

	/** Tables and figures of the run: shown or written only once the model folder is written. */
	private final List<Output> pending = new ArrayList<>();

	private interface Output {
		void send() throws IOException;
	}

	/** Queues a table, shown or written once the model is saved. */
	protected void table(String title, ResultsTable t) {
		pending.add(() -> outputs.table(title, t));
	}

	/** Queues a figure, shown or written once the model is saved. */
	protected void figure(Figure f) {
		pending.add(() -> outputs.figure(f));
	}

	@Override
	public void run() {
		TrainingSession session = null;
		pending.clear();
		try {
			if (model == null) throw new IllegalArgumentException("model: no output folder given");
			// refuse a folder that replacing would lose before reading or training anything
			ModelFolder.checkReplaceable(model.toPath(), modelType());
			List<Recording> recordings = recordings();
			NeuronSplit split = TrainingSession.split(recordings, validation, holdout, fraction, seed);
			session = TrainingSession.start(outputs, status, log, title(), score(), totalEpochs());
			TrainingResult r = train(recordings, split, session);
			String unsaved = session.unsaved(r);
			if (unsaved != null) {
				cancel(unsaved);
				return;
			}
			ModelFolder.write(model.toPath(), report(recordings, split, r), r.parameters());
			for (Output o : pending) o.send();
			log.info("Model written to " + model + (r.stopped() ? " (stopped after epoch " + r
				.history().size() + ")" : ""));
			session.finished("Done. Model written to " + model);
		}
		catch (IOException | IllegalArgumentException e) {
			if (session != null) session.finished("Failed: " + e.getMessage());
			cancel(e.getMessage());
		}
		finally {
			pending.clear();
			status.clearStatus();
		}
	}
}
