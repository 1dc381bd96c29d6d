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
}
