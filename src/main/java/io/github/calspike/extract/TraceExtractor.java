package io.github.calspike.extract;

import java.util.List;
import java.util.concurrent.CancellationException;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Mean intensity of many masks in every frame of a movie, in one pass over the frames. The masks'
 * pixel indices are laid out once in a flat array; each frame is then summed mask by mask straight
 * from its pixel array (8-bit, 16-bit and float images stored as ImgLib2 array images), or from a
 * copy of its pixels in flat iteration order for any other image.
 */
public final class TraceExtractor {

	/** Receives progress; {@link #frames} may throw {@link CancellationException} to stop. */
	@FunctionalInterface
	public interface Progress {

		/** Called after every block of frames with the frames done so far and the total. */
		void frames(int done, int total);

		/** Progress that reports nothing. */
		Progress NONE = (d, t) -> {};
	}

	/** How often progress is reported, in frames. */
	private static final int REPORT_EVERY = 16;

	private TraceExtractor() {}

	/**
	 * @return {@code means[m][t]}: the mean of mask {@code m} in frame {@code t}; NaN for an empty
	 *         mask
	 * @throws CancellationException when the thread is interrupted or {@code progress} cancels
	 */
	public static double[][] means(FrameSource movie, List<RoiMask> masks, Progress progress) {
		int w = movie.width(), h = movie.height(), frames = movie.frames(), m = masks.size();
		int[] offsets = new int[m + 1];
		for (int i = 0; i < m; i++) {
			RoiMask r = masks.get(i);
			if (r.width() != w || r.height() != h) {
				throw new IllegalArgumentException(r + " was made for a " + r.width() + "x" + r
					.height() + " frame; the movie's frames are " + w + "x" + h);
			}
			offsets[i + 1] = offsets[i] + r.size();
		}
		int[] flat = new int[offsets[m]];
		for (int i = 0; i < m; i++) {
			System.arraycopy(masks.get(i).indicesUnsafe(), 0, flat, offsets[i], masks.get(i).size());
		}
		double[][] out = new double[m][frames];
		double[] scratch = null;
		for (int t = 0; t < frames; t++) {
			RandomAccessibleInterval<? extends RealType<?>> f = movie.frame(t);
			if (f.numDimensions() != 2 || f.dimension(0) != w || f.dimension(1) != h) {
				throw new IllegalStateException("frame " + (t + 1) + " is not " + w + "x" + h);
			}
			Object pixels = arrayOf(f);
			if (pixels instanceof short[]) sumsShort((short[]) pixels, flat, offsets, out, t);
			else if (pixels instanceof byte[]) sumsByte((byte[]) pixels, flat, offsets, out, t);
			else if (pixels instanceof float[]) sumsFloat((float[]) pixels, flat, offsets, out, t);
			else {
				if (scratch == null) scratch = new double[w * h];
				copy(f, scratch);
				sumsDouble(scratch, flat, offsets, out, t);
			}
			if ((t + 1) % REPORT_EVERY == 0 || t == frames - 1) {
				if (Thread.currentThread().isInterrupted()) {
					throw new CancellationException("extraction interrupted");
				}
				progress.frames(t + 1, frames);
			}
		}
		return out;
	}

	/** @return the backing array of an unsigned 8/16-bit or float array image, else null */
	private static Object arrayOf(RandomAccessibleInterval<? extends RealType<?>> f) {
		if (!(f instanceof ArrayImg)) return null; // array images start at 0
		ArrayImg<?, ?> img = (ArrayImg<?, ?>) f;
		Object type = img.firstElement();
		Object access = img.update(null);
		if (type instanceof UnsignedShortType && access instanceof ShortArray) {
			return ((ShortArray) access).getCurrentStorageArray();
		}
		if (type instanceof UnsignedByteType && access instanceof ByteArray) {
			return ((ByteArray) access).getCurrentStorageArray();
		}
		if (type instanceof FloatType && access instanceof FloatArray) {
			return ((FloatArray) access).getCurrentStorageArray();
		}
		return null;
	}

	private static void copy(RandomAccessibleInterval<? extends RealType<?>> f, double[] to) {
		Cursor<? extends RealType<?>> c = Views.flatIterable(f).cursor();
		int i = 0;
		while (c.hasNext()) to[i++] = c.next().getRealDouble();
	}

	private static void sumsShort(short[] px, int[] flat, int[] off, double[][] out, int t) {
		for (int m = 0; m < out.length; m++) {
			long s = 0;
			for (int k = off[m]; k < off[m + 1]; k++) s += px[flat[k]] & 0xffff;
			out[m][t] = (double) s / (off[m + 1] - off[m]);
		}
	}

	private static void sumsByte(byte[] px, int[] flat, int[] off, double[][] out, int t) {
		for (int m = 0; m < out.length; m++) {
			long s = 0;
			for (int k = off[m]; k < off[m + 1]; k++) s += px[flat[k]] & 0xff;
			out[m][t] = (double) s / (off[m + 1] - off[m]);
		}
	}

	private static void sumsFloat(float[] px, int[] flat, int[] off, double[][] out, int t) {
		for (int m = 0; m < out.length; m++) {
			double s = 0;
			for (int k = off[m]; k < off[m + 1]; k++) s += px[flat[k]];
			out[m][t] = s / (off[m + 1] - off[m]);
		}
	}

	private static void sumsDouble(double[] px, int[] flat, int[] off, double[][] out, int t) {
		for (int m = 0; m < out.length; m++) {
			double s = 0;
			for (int k = off[m]; k < off[m + 1]; k++) s += px[flat[k]];
			out[m][t] = s / (off[m + 1] - off[m]);
		}
	}
}
