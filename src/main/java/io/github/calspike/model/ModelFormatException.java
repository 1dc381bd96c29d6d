package io.github.calspike.model;

import java.io.IOException;

/** A model folder that cannot be used; the message says which folder and what is wrong. */
public class ModelFormatException extends IOException {

	private static final long serialVersionUID = 1L;

	/** @param message what is wrong, naming the folder or file */
	public ModelFormatException(String message) {
		super(message);
	}

	/** @param message what is wrong; @param cause the underlying error */
	public ModelFormatException(String message, Throwable cause) {
		super(message, cause);
	}
}
