package io.github.calspike.progress;

import java.util.concurrent.CancellationException;

/**
 * Progress of a long task, in the manner of TrackMate's logger and its sub-loggers: a task reports
 * the fraction of it that is done, with a short status; a step of a larger task gets a slice of
 * its parent's range ({@link #sub}), so registration, detection and measuring fill one bar once
 * instead of each starting it again. An implementation may throw {@link CancellationException}
 * from {@link #report} to stop the task there (the status bar's does on Esc).
 */
@FunctionalInterface
public interface Progress {

	/**
	 * @param fraction of this task done, 0 to 1
	 * @param status what it is doing, e.g. "frame 120/600"
	 * @throws CancellationException to stop the task
	 */
	void report(double fraction, String status);

	/** Reports {@code done} of {@code total} steps as "WHAT done/total". */
	default void steps(long done, long total, String what) {
		report(total > 0 ? Math.min(1, Math.max(0, (double) done / total)) : 1, what + " " + done + "/" +
			total);
	}

	/**
	 * @return progress for a step that owns [start, start + range) of this task's range: its
	 *         fraction f is reported here as start + range f
	 * @throws IllegalArgumentException unless 0 <= start, 0 <= range and start + range <= 1
	 */
	default Progress sub(double start, double range) {
		if (!(start >= 0 && range >= 0 && start + range <= 1 + 1e-9)) {
			throw new IllegalArgumentException("a step's range must lie in [0, 1], got start " + start +
				" and range " + range);
		}
		Progress parent = this;
		return (f, s) -> parent.report(start + range * Math.min(1, Math.max(0, f)), s);
	}

	/** Progress that reports nothing and never cancels. */
	Progress NONE = (f, s) -> {};
}
