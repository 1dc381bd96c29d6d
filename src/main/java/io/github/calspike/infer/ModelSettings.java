package io.github.calspike.infer;

import io.github.calspike.data.WindowSpec;
import io.github.calspike.model.ModelInfo;
import io.github.calspike.trace.Normalization;

/**
 * What a model's metadata means for its inputs: its window as a {@link WindowSpec} and its
 * normalisation label as a {@link Normalization}. The metadata ({@code model}) stores plain
 * numbers and labels; turning them into the types that prepare traces happens here.
 */
public final class ModelSettings {

	private ModelSettings() {}

	/**
	 * @return the model's window
	 * @throws IllegalArgumentException when its sizes make no window
	 */
	public static WindowSpec window(ModelInfo info) {
		ModelInfo.Window w = info.window;
		return new WindowSpec(w.before, w.after, w.spikeN, w.stride);
	}

	/** Stores {@code spec} as the model's window. */
	public static void setWindow(ModelInfo info, WindowSpec spec) {
		info.window.before = spec.before();
		info.window.after = spec.after();
		info.window.spikeN = spec.spikeN();
		info.window.stride = spec.stride();
	}

	/**
	 * @return the model's normalisation
	 * @throws IllegalArgumentException naming the label when it is none CalSpike knows
	 */
	public static Normalization normalization(ModelInfo info) {
		if (info.normalization == null) {
			throw new IllegalArgumentException("the model's model.json names no normalization");
		}
		try {
			return Normalization.fromLabel(info.normalization);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("the model's model.json: " + e.getMessage(), e);
		}
	}
}
