package io.github.calspike.command;

import io.github.calspike.data.NeuronSplit;
import io.github.calspike.model.ModelFolder;
import io.github.calspike.model.ModelInfo;
import io.github.calspike.trace.Recording;
import io.github.calspike.trace.io.Recordings;
import io.github.calspike.trace.io.SpikeFinderCsv;
import io.github.calspike.train.StopSignal;
import io.github.calspike.train.TrainingProgress;
import io.github.calspike.train.TrainingResult;
import io.github.calspike.ui.OutputService;
import io.github.calspike.ui.TrainingWindow;

import java.io.File;
import java.io.IOException;
import java.util.List;

import org.scijava.app.StatusService;
import org.scijava.log.LogService;

/**
 * What the training commands share: reading labelled recordings, choosing validation neurons,
 * and the progress reporting of a run (the status bar always; a training window with Stop and
 * Cancel when outputs go to windows).
 */
final class TrainingSession {

	private final StopSignal stop;
	private final TrainingWindow window;
	private final TrainingProgress progress;

	private TrainingSession(StopSignal stop, TrainingWindow window, TrainingProgress progress) {
		this.stop = stop;
		this.window = window;
		this.progress = progress;
	}

	/** Starts reporting a run of {@code epochs} epochs, charting loss and {@code score}. */
	static TrainingSession start(OutputService output, StatusService status, LogService log,
		String title, String score, int epochs)
	{
		StopSignal s = new StopSignal();
		TrainingWindow w = output.isInteractive() ? Ui.trainingWindow(title, score, s) : null;
		return new TrainingSession(s, w, new TrainingStatus(status, log, epochs, w == null
			? TrainingProgress.NONE : w));
	}

	/**
	 * Records in {@code m} where the model's data came from: the sampling rate, every calcium and
	 * spikes file with its SHA-256, the training and validation neurons and how they were chosen.
	 */
	static void setProvenance(ModelInfo m, List<Recording> recordings, NeuronSplit split)
		throws IOException
	{
		m.rateHz = recordings.get(0).traces().rateHz();
		for (Recording r : recordings) {
			m.training.inputs.add(new ModelInfo.FileRef(r.calcium().getFileName().toString(),
				ModelFolder.sha256(r.calcium())));
			m.training.inputs.add(new ModelInfo.FileRef(r.spikes().getFileName().toString(),
				ModelFolder.sha256(r.spikes())));
		}
		m.training.trainingNeurons.addAll(split.training().names());
		m.training.validationNeurons.addAll(split.validation().names());
		m.training.validation = split.description();
	}

	/** @return the labelled recordings in {@code calcium} (a file or a folder of pairs) */
	static List<Recording> recordings(File calcium, File spikes, double rate) throws IOException {
		if (calcium == null) throw new IllegalArgumentException("calcium: no file or folder given");
		Inputs.checkRate(rate);
		return Recordings.read(calcium.toPath(), spikes == null ? null : spikes.toPath(),
			new SpikeFinderCsv.Options(rate, 0));
	}

	/** @return the validation split the command's parameters ask for */
	static NeuronSplit split(List<Recording> recordings, String validation, String holdout,
		double fraction, long seed)
	{
		if (validation == null || !validation.equals(NeuronSplit.LEAVE_ONE_OUT) && !validation.equals(
			NeuronSplit.FRACTION))
		{
			throw new IllegalArgumentException("validation: '" + validation + "' is not one of '" +
				NeuronSplit.FRACTION + "', '" + NeuronSplit.LEAVE_ONE_OUT + "'");
		}
		if (validation.equals(NeuronSplit.LEAVE_ONE_OUT)) {
			return NeuronSplit.leaveOneOut(recordings, holdout == null || holdout.isBlank()
				? recordings.get(recordings.size() - 1).name() : holdout.trim());
		}
		return NeuronSplit.byFraction(recordings, fraction, seed);
	}

	/** @return the signal the training loop checks */
	StopSignal stop() {
		return stop;
	}

	/** @return where the training loop reports */
	TrainingProgress progress() {
		return progress;
	}

	/** @return whether the user chose Cancel in the window (discard the model) */
	boolean discarded() {
		return window != null && window.isDiscarded();
	}

	/**
	 * @return why nothing is saved (Cancel in the window, or Stop before the first epoch completed),
	 *         shown in the window too; null when the model is to be written
	 */
	String unsaved(TrainingResult r) {
		if (discarded()) {
			finished("Cancelled; nothing was saved.");
			return "Training cancelled; no model written";
		}
		if (r.parameters() == null) {
			finished("Stopped before the first epoch completed; nothing was saved.");
			return "Training stopped before the first epoch completed; no model written";
		}
		return null;
	}

	/** Shows the run's end in the window, if there is one. */
	void finished(String message) {
		if (window != null) window.finished(message);
	}
}
