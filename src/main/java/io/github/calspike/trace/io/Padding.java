package io.github.calspike.trace.io;

/** How a SpikeFinder CSV marks the frames after the end of a shorter column. */
public enum Padding {
	/** Empty fields, as in the challenge's own files. */
	EMPTY(""),
	/** The text {@code NaN}. */
	NAN("NaN");

	private final String text;

	Padding(String text) {
		this.text = text;
	}

	/** @return the cell text written for a padded frame */
	public String text() {
		return text;
	}
}
