package io.github.calspike.register;

import io.github.calspike.extract.FrameSource;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;

/**
 * A movie seen through its measured shifts: frame t moved by (-dx[t], -dy[t]) so that it aligns
 * with the reference, computed when read (nothing is stored).
 */
public final class RegisteredFrames implements FrameSource {

	private final FrameSource movie;
	private final double[] dx, dy;
	private final float[] in, out;

	/** @param shifts measured on {@code movie} by {@link Registration#estimate} */
	public RegisteredFrames(FrameSource movie, Registration.Result shifts) {
		if (shifts.dx.length != movie.frames()) {
			throw new IllegalArgumentException("shifts for " + shifts.dx.length + " frames, movie has " +
				movie.frames());
		}
		this.movie = movie;
		this.dx = shifts.dx;
		this.dy = shifts.dy;
		in = new float[movie.width() * movie.height()];
		out = new float[in.length];
	}

	@Override
	public int width() {
		return movie.width();
	}

	@Override
	public int height() {
		return movie.height();
	}

	@Override
	public int frames() {
		return movie.frames();
	}

	@Override
	public void pixels(int t, float[] dst) {
		movie.pixels(t, in);
		Shifts.apply(in, width(), height(), dx[t], dy[t], dst);
	}

	@Override
	public RandomAccessibleInterval<? extends RealType<?>> frame(int t) {
		pixels(t, out);
		return ArrayImgs.floats(out, width(), height());
	}
}
