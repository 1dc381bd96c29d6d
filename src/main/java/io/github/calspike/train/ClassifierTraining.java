package io.github.calspike.train;

import ai.djl.MalformedModelException;

import io.github.calspike.data.DatasetCache;
import io.github.calspike.data.NeuronSplit;
import io.github.calspike.data.WindowDatasets;
import io.github.calspike.data.WindowSet;
import io.github.calspike.data.WindowSpec;
import io.github.calspike.nn.ClassifierNetwork;
import io.github.calspike.trace.Normalization;

import java.io.IOException;

/**
 * A whole classifier training run: balanced windows from the training neurons, balanced windows
 * from the held-out neurons for validation, training, and the final model's predictions on the
 * validation windows.
 */
public final class ClassifierTraining {

	/** Most balanced validation windows, evaluated after each epoch and at the end. */
	public static final int VALIDATION_SAMPLES = 10_000;

	private ClassifierTraining() {}

	/** What a run produced. */
	public static final class Outcome {
		private final TrainingResult result;
		private final WindowSet validation;
		private final float[] validationProbabilities;

		Outcome(TrainingResult result, WindowSet validation,
			float[] validationProbabilities)
		{
			this.result = result;
			this.validation = validation;
			this.validationProbabilities = validationProbabilities;
		}

		/** @return the trainer's result: parameters, history, whether stopped */
		public TrainingResult result() {
			return result;
		}

		/** @return the validation windows (balanced, from held-out neurons; may be empty) */
		public WindowSet validation() {
			return validation;
		}

		/** @return the final model's spike probability for each validation window */
		public float[] validationProbabilities() {
			return validationProbabilities.clone();
		}
	}

	/**
	 * @param split training and validation neurons
	 * @param cache dataset cache, or null
	 */
	public static Outcome run(NeuronSplit split, WindowSpec spec, Normalization norm,
		ClassifierConfig cfg, DatasetCache cache, TrainingProgress progress, StopSignal stop)
		throws IOException
	{
		WindowSet train = WindowDatasets.balanced(split.training(), spec, norm, cfg.samples(), cfg
			.seed(), cache).windows();
		WindowSet val = split.validation().size() == 0 ? new WindowSet(spec.length(), new float[0],
			new byte[0], new int[0], new int[0]) : WindowDatasets.balanced(split.validation(), spec,
				norm, VALIDATION_SAMPLES, cfg.seed() + 1, cache).windows();
		TrainingResult result = ClassifierTrainer.train(train, val, cfg, progress, stop);
		float[] p = new float[0];
		if (result.parameters() != null && val.size() > 0) {
			try (ClassifierNetwork net = new ClassifierNetwork(cfg.units(), spec.length(), result
				.parameters()))
			{
				p = net.probabilities(val.flatValues(), val.size());
			}
			catch (MalformedModelException e) {
				throw new IllegalStateException("Trained parameters do not load: " + e.getMessage(), e);
			}
		}
		return new Outcome(result, val, p);
	}
}
