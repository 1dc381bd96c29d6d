package io.github.calspike.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a training loop produced: the parameters of the last complete epoch (null if none
 * completed), the history of complete epochs, and whether a stop request ended the run early.
 */
public final class TrainingResult {

	private final byte[] parameters;
	private final List<EpochResult> history;
	private final boolean stopped;

	/**
	 * @param parameters parameters after the last complete epoch, or null
	 * @param history one entry per complete epoch
	 * @param stopped whether a stop request ended training early
	 */
	public TrainingResult(byte[] parameters, List<EpochResult> history, boolean stopped) {
		this.parameters = parameters;
		this.history = Collections.unmodifiableList(new ArrayList<>(history));
		this.stopped = stopped;
	}

	/** @return the parameters after the last complete epoch, or null if none completed */
	public byte[] parameters() {
		return parameters == null ? null : parameters.clone();
	}

	/** @return one entry per complete epoch */
	public List<EpochResult> history() {
		return history;
	}

	/** @return whether a stop request ended training before the last epoch */
	public boolean stopped() {
		return stopped;
	}
}
