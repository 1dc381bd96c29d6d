package io.github.calspike.command;

import io.github.calspike.progress.Progress;

import ij.IJ;

import java.util.concurrent.CancellationException;

import org.scijava.app.StatusService;

/** Progress on the status bar, "WHAT: STATUS" with the bar at the fraction done; Esc or an interrupt cancels. */
final class StatusProgress {

	/** Resolution of the status bar. */
	private static final int STEPS = 1000;

	private StatusProgress() {}

	/** @return progress that shows {@code what} and throws {@link CancellationException} on Esc */
	static Progress of(StatusService status, String what) {
		return (fraction, text) -> {
			if (IJ.escapePressed()) throw new CancellationException("cancelled (Esc)");
			if (Thread.currentThread().isInterrupted()) throw new CancellationException("interrupted");
			status.showStatus((int) Math.round(fraction * STEPS), STEPS, what + ": " + text);
		};
	}
}
