package io.github.calspike.train;

/**
 * Asks a training loop to stop at the next batch boundary. The loop then keeps the model of the
 * last complete epoch. Interrupting the training thread (as scripts and Fiji do to cancel a
 * running command) counts as a stop request too.
 */
public final class StopSignal {

	private volatile boolean stop;

	/** Requests a stop; safe from any thread. */
	public void requestStop() {
		stop = true;
	}

	/** @return whether a stop was requested, or the calling thread was interrupted */
	public boolean isStopRequested() {
		return stop || Thread.currentThread().isInterrupted();
	}
}
