package io.github.calspike.ui;

/**
 * Lets progress through at most once per interval, and always at the end: a training reports
 * after every batch, and a status bar or window that redrew each time would slow it down.
 */
public final class Throttle {

	private final long intervalNanos;
	private boolean started;
	private long last;

	/** @param intervalNanos the shortest time between two updates that are let through */
	public Throttle(long intervalNanos) {
		this.intervalNanos = intervalNanos;
	}

	/** @return a throttle of ten updates a second */
	public static Throttle tenPerSecond() {
		return new Throttle(100_000_000L);
	}

	/**
	 * @param fraction of the work done; 1 (the end) is always let through
	 * @return whether to show this update (the first always is)
	 */
	public synchronized boolean due(double fraction) {
		long now = System.nanoTime();
		if (started && now - last < intervalNanos && fraction < 1) return false;
		started = true;
		last = now;
		return true;
	}
}
