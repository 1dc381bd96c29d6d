package io.github.calspike.data;

/** The seed every sampling, augmentation and initialisation starts from unless told otherwise. */
public final class Seeds {

	/** Default seed: the same run gives the same windows, models and outputs. */
	public static final long DEFAULT = 1;

	private Seeds() {}
}
