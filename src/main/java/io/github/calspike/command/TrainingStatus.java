package io.github.calspike.command;

import io.github.calspike.train.EpochResult;
import io.github.calspike.train.TrainingProgress;
import io.github.calspike.ui.ProgressText;
import io.github.calspike.ui.Throttle;

import java.util.Locale;

import org.scijava.app.StatusService;
import org.scijava.log.LogService;

/**
 * Reports training through SciJava: progress, status and ETA on the status bar (at most ten
 * times a second), one log line per epoch, and forwards everything to another progress (the
 * training window, if any).
 */
final class TrainingStatus implements TrainingProgress {

	private final StatusService status;
	private final LogService log;
	private final TrainingProgress next;
	private final int epochs;
	private final long start = System.nanoTime();
	private final Throttle throttle = Throttle.tenPerSecond();

	TrainingStatus(StatusService status, LogService log, int epochs, TrainingProgress next) {
		this.status = status;
		this.log = log;
		this.epochs = epochs;
		this.next = next;
	}

	@Override
	public void report(double fraction, String text) {
		next.report(fraction, text);
		if (!throttle.due(fraction)) return;
		long now = System.nanoTime();
		status.showStatus((int) Math.round(1000 * fraction), 1000, ProgressText.withEta(text, fraction,
			(now - start) / 1e9));
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
