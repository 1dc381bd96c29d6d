package io.github.calspike.extract;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * A movie read one frame at a time, so that a stack on disk is streamed with bounded memory.
 * Frames are 2-D ImgLib2 images of {@link #width()} x {@link #height()} pixels.
 */
public interface FrameSource {

	/** @return frame width in pixels */
	int width();

	/** @return frame height in pixels */
	int height();

	/** @return the number of time points */
	int frames();

	/**
	 * @param t time point, 0-based
	 * @return the frame; it may be valid only until the next call
	 */
	RandomAccessibleInterval<? extends RealType<?>> frame(int t);

	/**
	 * @return whether {@link #frame} may be called from several threads at once, each frame staying
	 *         valid for its caller (true for movies in memory; false by default)
	 */
	default boolean isThreadSafe() {
		return false;
	}

	/**
	 * Copies frame {@code t} into {@code out} (width x height values, row by row, x fastest).
	 *
	 * @param out at least {@code width() * height()} values
	 */
	default void pixels(int t, float[] out) {
		int i = 0;
		for (RealType<?> v : Views.flatIterable(frame(t))) out[i++] = v.getRealFloat();
	}
}
