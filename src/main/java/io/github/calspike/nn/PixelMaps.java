package io.github.calspike.nn;

/** Per-pixel maps predicted from per-pixel input channels (e.g. a trained segmentation network). */
@FunctionalInterface
public interface PixelMaps {

	/**
	 * @param channels input channels, each {@code width * height} values, row by row
	 * @return output maps, each {@code width * height} values in [0, 1]
	 */
	float[][] predict(float[][] channels, int width, int height);
}
