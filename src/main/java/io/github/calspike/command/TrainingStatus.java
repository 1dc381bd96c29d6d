package io.github.calspike.command;

import io.github.calspike.train.EpochResult;
import io.github.calspike.train.TrainingListener;
import io.github.calspike.ui.ProgressText;

import java.util.Locale;

import org.scijava.app.StatusService;
import org.scijava.log.LogService;

/**
 * Reports training through SciJava: per-batch progress and ETA on the status bar, one log line
 * per epoch, and forwards everything to another listener (the training window, if any).
 */
final class StatusListener implements TrainingListener {

	private final StatusService status;
	private final LogService log;
	private final TrainingListener next;
	private final int epochs;
	private final long start = System.nanoTime();

	StatusListener(StatusService status, LogService log, int epochs, TrainingListener next) {
		this.status = status;
		this.log = log;
		this.epochs = epochs;
		this.next = next;
	}

	@Override
	public void batch(int epoch, int batch, int batches, double loss) {
		next.batch(epoch, batch, batches, loss);
		if (batch % 20 != 0 && batch != batches) return;
		long done = (long) (epoch - 1) * batches + batch, total = (long) epochs * batches;
		double elapsed = (System.nanoTime() - start) / 1e9;
		status.showStatus((int) Math.min(done, Integer.MAX_VALUE), (int) Math.min(total,
			Integer.MAX_VALUE), String.format(Locale.ROOT, "Epoch %d/%d, batch %d/%d, loss %.4f, %s left",
				epoch, epochs, batch, batches, loss, ProgressText.eta(elapsed * (total - done) / done)));
	}

	@Override
	public void epoch(EpochResult r) {
		next.epoch(r);
		String score = r.scoreName().isEmpty() ? "score" : r.scoreName();
		String train = Double.isNaN(r.trainScore()) ? "" : String.format(Locale.ROOT, ", %s %.4f",
			score, r.trainScore());
		StringBuilder v = new StringBuilder();
		if (!Double.isNaN(r.validationLoss())) v.append(String.format(Locale.ROOT,
			"validation loss %.4f", r.validationLoss()));
		if (!Double.isNaN(r.validationScore())) v.append(v.length() > 0 ? ", " + score + " "
			: "validation " + score + " ").append(String.format(Locale.ROOT, "%.4f", r
				.validationScore()));
		log.info(String.format(Locale.ROOT, "Epoch %d/%d: loss %.4f%s; %s (%.0f %s per s)", r.epoch(),
			epochs, r.trainLoss(), train, v.length() == 0 ? "no validation data" : v, r.throughput(), r
				.unit()));
	}
}
