package io.github.calspike.train;

/**
 * Asks a training loop to stop at the next batch boundary. The loop then keeps the model of the
 * last complete epoch.
 */
public final class StopSignal {

	private volatile boolean stop;

	/** Requests a stop; safe from any thread. */
	public void requestStop() {
		stop = true;
	}

	/** @return whether a stop was requested */
	public boolean isStopRequested() {
		return stop;
	}
}
