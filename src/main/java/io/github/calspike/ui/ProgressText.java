package io.github.calspike.ui;

import java.util.Locale;

/** Formats progress for people. */
public final class ProgressText {

	private ProgressText() {}

	/** @return seconds as "m:ss" or "h:mm:ss"; "?" when not finite */
	public static String eta(double seconds) {
		if (!Double.isFinite(seconds) || seconds < 0) return "?";
		long s = Math.round(seconds);
		if (s >= 3600) return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s %
			60);
		return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
	}

	/**
	 * @return {@code status} capitalised, with the time left when {@code fraction} of the work
	 *         took {@code elapsed} seconds, e.g. "Epoch 2/5, batch 40/120, loss 0.1234, 1:05 left"
	 */
	public static String withEta(String status, double fraction, double elapsed) {
		String s = status.isEmpty() ? status : Character.toUpperCase(status.charAt(0)) + status
			.substring(1);
		return s + ", " + eta(fraction > 0 ? elapsed * (1 - fraction) / fraction : Double.NaN) +
			" left";
	}
}
