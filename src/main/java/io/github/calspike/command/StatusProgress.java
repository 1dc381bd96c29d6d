package io.github.calspike.command;

import io.github.calspike.extract.TraceExtractor;

import ij.IJ;

import java.util.Locale;
import java.util.concurrent.CancellationException;

import org.scijava.app.StatusService;

/** Progress of a long pass over frames on the status bar, "WHAT done/total"; Esc or an interrupt cancels. */
final class StatusProgress {

	private StatusProgress() {}

	/** @return progress that shows {@code what} and throws {@link CancellationException} on Esc */
	static TraceExtractor.Progress of(StatusService status, String what) {
		return (done, total) -> {
			if (IJ.escapePressed()) throw new CancellationException("cancelled (Esc)");
			if (Thread.currentThread().isInterrupted()) throw new CancellationException("interrupted");
			status.showStatus(done, total, String.format(Locale.ROOT, "%s %d/%d", what, done, total));
		};
	}
}
