package io.github.calspike.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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

import io.github.calspike.progress.Progress;

/**
 * Mean intensity of many masks in every frame of a movie, in one pass over the frames. The masks'
 * pixel indices are laid out once as (pixel, mask) pairs sorted by pixel; each frame is then read
 * in increasing address order straight from its pixel array (8-bit, 16-bit and float images stored as ImgLib2 array images), or from a
 * copy of its pixels in flat iteration order for any other image. Frames of a movie that can be
 * read from several threads ({@link FrameSource#isThreadSafe()}) are shared out in blocks to up to
 * four threads, which sum eight 16-bit frames per pass so that their memory loads overlap; others
 * (a virtual stack on disk) are read in order on the caller's thread.
 */
public final class TraceExtractor {

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
		// (pixel, mask) pairs sorted by pixel: each frame is then read in increasing address order,
		// which the CPU prefetches, instead of jumping between masks
		long[] pairs = new long[offsets[m]];
		for (int i = 0, k = 0; i < m; i++) {
			for (int p : masks.get(i).indicesUnsafe()) pairs[k++] = ((long) p << 32) | i;
		}
		Arrays.sort(pairs);
		int[] flat = new int[pairs.length], owner = new int[pairs.length];
		for (int k = 0; k < pairs.length; k++) {
			flat[k] = (int) (pairs[k] >>> 32);
			owner[k] = (int) pairs[k];
		}
		double[] counts = new double[m];
		for (int i = 0; i < m; i++) counts[i] = masks.get(i).size();
		double[][] out = new double[m][frames];
		int threads = movie.isThreadSafe() ? Math.min(MAX_THREADS, Runtime.getRuntime()
			.availableProcessors()) : 1;
		if (threads < 2 || frames < 4 * BLOCK) {
			Worker worker = new Worker(movie, flat, owner, counts, out);
			for (int t = 0; t < frames; t++) {
				worker.frame(t);
				if ((t + 1) % REPORT_EVERY == 0 || t == frames - 1) {
					if (Thread.currentThread().isInterrupted()) {
						throw new CancellationException("extraction interrupted");
					}
					progress.steps(t + 1, frames, "frame");
				}
			}
			return out;
		}
		return parallel(movie, threads, flat, owner, counts, out, progress);
	}

	/** Frames are shared out in blocks of this many to the threads of an in-memory movie. */
	private static final int BLOCK = 32;
	/** At most this many threads measure an in-memory movie. */
	private static final int MAX_THREADS = 4;

	private static double[][] parallel(FrameSource movie, int threads, int[] flat, int[] owner,
		double[] counts, double[][] out, Progress progress)
	{
		int frames = movie.frames(), blocks = (frames + BLOCK - 1) / BLOCK;
		AtomicInteger next = new AtomicInteger(), done = new AtomicInteger();
		AtomicBoolean stop = new AtomicBoolean();
		ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
			Thread t = new Thread(r, "CalSpike trace extraction");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int k = 0; k < threads; k++) {
				futures.add(pool.submit(() -> {
					Worker worker = new Worker(movie, flat, owner, counts, out);
					for (int b; !stop.get() && (b = next.getAndIncrement()) < blocks;) {
						int end = Math.min(frames, (b + 1) * BLOCK);
						for (int t = b * BLOCK; t < end;) t += worker.frames(t, end);
						done.addAndGet(end - b * BLOCK);
					}
				}));
			}
			for (Future<?> f : futures) {
				while (true) {
					try {
						f.get(100, TimeUnit.MILLISECONDS);
						break;
					}
					catch (TimeoutException e) {
						progress.steps(done.get(), frames, "frame"); // may throw CancellationException
					}
				}
			}
			progress.steps(frames, frames, "frame");
			return out;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancellationException("extraction interrupted");
		}
		catch (ExecutionException e) {
			Throwable c = e.getCause();
			if (c instanceof RuntimeException) throw (RuntimeException) c;
			if (c instanceof Error) throw (Error) c;
			throw new IllegalStateException(c);
		}
		finally {
			stop.set(true);
			pool.shutdownNow();
		}
	}

	/** Measures single frames with its own buffers; one per thread. */
	private static final class Worker {
		private final FrameSource movie;
		private final int[] flat, owner;
		private final double[] counts;
		private final double[][] out;
		private final double[] sums;
		private final long[] integerSums;
		private double[] scratch;

		Worker(FrameSource movie, int[] flat, int[] owner, double[] counts, double[][] out) {
			this.movie = movie;
			this.flat = flat;
			this.owner = owner;
			this.counts = counts;
			this.out = out;
			this.sums = new double[counts.length];
			this.integerSums = new long[counts.length];
		}

		private final long[][] groupSums = new long[GROUP][];

		/**
		 * Measures frames {@code t..} ({@value #GROUP} at once when they are 16-bit arrays: the loads
		 * of several frames overlap in memory, which hides part of its latency).
		 *
		 * @return how many frames were measured
		 */
		int frames(int t, int end) {
			if (end - t < GROUP) {
				frame(t);
				return 1;
			}
			short[][] px = new short[GROUP][];
			for (int k = 0; k < GROUP; k++) {
				RandomAccessibleInterval<? extends RealType<?>> f = movie.frame(t + k);
				Object p = f.numDimensions() == 2 && f.dimension(0) == movie.width() && f.dimension(
					1) == movie.height() ? arrayOf(f) : null;
				if (!(p instanceof short[])) {
					frame(t);
					return 1;
				}
				px[k] = (short[]) p;
			}
			int m = counts.length;
			for (int k = 0; k < GROUP; k++) {
				if (groupSums[k] == null) groupSums[k] = new long[m];
				Arrays.fill(groupSums[k], 0);
			}
			sumsShort8(px, flat, owner, groupSums);
			for (int k = 0; k < GROUP; k++) {
				for (int i = 0; i < m; i++) out[i][t + k] = groupSums[k][i] / counts[i];
			}
			return GROUP;
		}

		void frame(int t) {
			int w = movie.width(), h = movie.height(), m = counts.length;
			RandomAccessibleInterval<? extends RealType<?>> f = movie.frame(t);
			if (f.numDimensions() != 2 || f.dimension(0) != w || f.dimension(1) != h) {
				throw new IllegalStateException("frame " + (t + 1) + " is not " + w + "x" + h);
			}
			Object pixels = arrayOf(f);
			Arrays.fill(sums, 0);
			if (pixels instanceof short[] || pixels instanceof byte[]) {
				Arrays.fill(integerSums, 0);
				if (pixels instanceof short[]) sumsShort((short[]) pixels, flat, owner, integerSums);
				else sumsByte((byte[]) pixels, flat, owner, integerSums);
				for (int i = 0; i < m; i++) sums[i] = integerSums[i];
			}
			else if (pixels instanceof float[]) sumsFloat((float[]) pixels, flat, owner, sums);
			else {
				if (scratch == null) scratch = new double[w * h];
				copy(f, scratch);
				sumsDouble(scratch, flat, owner, sums);
			}
			for (int i = 0; i < m; i++) out[i][t] = sums[i] / counts[i];
		}
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

	/** Frames measured in one pass over the mask pixels (16-bit in-memory movies). */
	static final int GROUP = 8;

	/** Sums eight 16-bit frames in one pass over the mask pixels. */
	private static void sumsShort8(short[][] px, int[] flat, int[] owner, long[][] sums) {
		short[] p0 = px[0], p1 = px[1], p2 = px[2], p3 = px[3], p4 = px[4], p5 = px[5], p6 = px[6],
			p7 = px[7];
		long[] s0 = sums[0], s1 = sums[1], s2 = sums[2], s3 = sums[3], s4 = sums[4], s5 = sums[5],
			s6 = sums[6], s7 = sums[7];
		for (int k = 0; k < flat.length; k++) {
			int i = flat[k], o = owner[k];
			s0[o] += p0[i] & 0xffff;
			s1[o] += p1[i] & 0xffff;
			s2[o] += p2[i] & 0xffff;
			s3[o] += p3[i] & 0xffff;
			s4[o] += p4[i] & 0xffff;
			s5[o] += p5[i] & 0xffff;
			s6[o] += p6[i] & 0xffff;
			s7[o] += p7[i] & 0xffff;
		}
	}

	private static void sumsShort(short[] px, int[] flat, int[] owner, long[] sums) {
		for (int k = 0; k < flat.length; k++) sums[owner[k]] += px[flat[k]] & 0xffff;
	}

	private static void sumsByte(byte[] px, int[] flat, int[] owner, long[] sums) {
		for (int k = 0; k < flat.length; k++) sums[owner[k]] += px[flat[k]] & 0xff;
	}

	private static void sumsFloat(float[] px, int[] flat, int[] owner, double[] sums) {
		for (int k = 0; k < flat.length; k++) sums[owner[k]] += px[flat[k]];
	}

	private static void sumsDouble(double[] px, int[] flat, int[] owner, double[] sums) {
		for (int k = 0; k < flat.length; k++) sums[owner[k]] += px[flat[k]];
	}
}
