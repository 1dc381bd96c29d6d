package io.github.calspike.command;

import io.github.calspike.train.StopSignal;
import io.github.calspike.ui.TrainingWindow;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.SwingUtilities;

/** Opens windows on the Swing thread from a command's thread. */
final class Ui {

	private Ui() {}

	/** @return a visible training window charting {@code score}, created on the Swing thread */
	static TrainingWindow trainingWindow(String title, String score, StopSignal stop) {
		AtomicReference<TrainingWindow> w = new AtomicReference<>();
		try {
			SwingUtilities.invokeAndWait(() -> {
				TrainingWindow t = new TrainingWindow(title, score, stop);
				t.setVisible(true);
				w.set(t);
			});
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (InvocationTargetException e) {
			throw new IllegalStateException("Cannot open the training window", e.getCause());
		}
		return w.get();
	}
}
