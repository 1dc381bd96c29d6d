package io.github.calspike.register;

import edu.emory.mathcs.jtransforms.fft.FloatFFT_2D;

import io.github.calspike.extract.FrameSource;

import java.util.Random;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;

/** Movies whose frames move by known sub-pixel amounts, for registration tests and benchmarks. */
public final class MovingMovies {

	private MovingMovies() {}

	/** A movie in memory: frames of w x h floats. */
	public static final class Movie implements FrameSource {
		public final float[][] frames;
		public final int w, h;
		/** The content displacement applied to each frame, x right and y down, pixels. */
		public final double[] dx, dy;

		Movie(float[][] frames, int w, int h, double[] dx, double[] dy) {
			this.frames = frames;
			this.w = w;
			this.h = h;
			this.dx = dx;
			this.dy = dy;
		}

		@Override
		public int width() {
			return w;
		}

		@Override
		public int height() {
			return h;
		}

		@Override
		public int frames() {
			return frames.length;
		}

		@Override
		public boolean isThreadSafe() {
			return true;
		}

		@Override
		public RandomAccessibleInterval<? extends RealType<?>> frame(int t) {
			return ArrayImgs.floats(frames[t], w, h);
		}

		@Override
		public void pixels(int t, float[] out) {
			System.arraycopy(frames[t], 0, out, 0, w * h);
		}
	}

	/**
	 * @return {@code n} frames of a field of Gaussian blobs (cells of 2-4 px sd, random brightness)
	 *         rendered with their content displaced by uniform random shifts within +-maxShift, plus
	 *         white noise of sd {@code noise} (blob peaks are 1-3)
	 */
	public static Movie blobs(long seed, int w, int h, int n, double maxShift, double noise) {
		Random r = new Random(seed);
		int blobs = w * h / 150;
		double[] bx = new double[blobs], by = new double[blobs], bs = new double[blobs],
			ba = new double[blobs];
		for (int i = 0; i < blobs; i++) {
			bx[i] = r.nextDouble() * w;
			by[i] = r.nextDouble() * h;
			bs[i] = 2 + 2 * r.nextDouble();
			ba[i] = 1 + 2 * r.nextDouble();
		}
		double[] dx = new double[n], dy = new double[n];
		float[][] f = new float[n][w * h];
		for (int t = 0; t < n; t++) {
			dx[t] = (2 * r.nextDouble() - 1) * maxShift;
			dy[t] = (2 * r.nextDouble() - 1) * maxShift;
			for (int i = 0; i < blobs; i++) {
				double cx = bx[i] + dx[t], cy = by[i] + dy[t], s2 = 2 * bs[i] * bs[i];
				int x0 = Math.max(0, (int) (cx - 4 * bs[i])), x1 = Math.min(w - 1, (int) (cx + 4 * bs[i]));
				int y0 = Math.max(0, (int) (cy - 4 * bs[i])), y1 = Math.min(h - 1, (int) (cy + 4 * bs[i]));
				for (int y = y0; y <= y1; y++) {
					for (int x = x0; x <= x1; x++) {
						double d = (x - cx) * (x - cx) + (y - cy) * (y - cy);
						f[t][y * w + x] += (float) (ba[i] * Math.exp(-d / s2));
					}
				}
			}
			for (int i = 0; i < w * h; i++) f[t][i] += (float) (0.2 + noise * r.nextGaussian());
		}
		return new Movie(f, w, h, dx, dy);
	}

	/**
	 * @return the frames of {@code movie} (w x h, even sizes), each with its content displaced by a
	 *         seeded drift (a slow random walk within +-3 px) plus jumps (a step of 2-6 px every 60
	 *         frames), by exact Fourier shifting, then cropped by {@code margin} pixels on each side so
	 *         that no wrapped-around content remains
	 */
	public static Movie drifted(float[][] frames, int w, int h, long seed, int margin) {
		Random r = new Random(seed);
		int n = frames.length;
		double[] dx = new double[n], dy = new double[n];
		double wx = 0, wy = 0, jx = 0, jy = 0;
		for (int t = 0; t < n; t++) {
			wx = Math.max(-3, Math.min(3, wx + 0.15 * r.nextGaussian()));
			wy = Math.max(-3, Math.min(3, wy + 0.15 * r.nextGaussian()));
			if (t > 0 && t % 60 == 0) {
				double a = 2 * Math.PI * r.nextDouble(), len = 2 + 4 * r.nextDouble();
				jx = Math.max(-6, Math.min(6, jx + len * Math.cos(a)));
				jy = Math.max(-6, Math.min(6, jy + len * Math.sin(a)));
			}
			dx[t] = wx + jx;
			dy[t] = wy + jy;
		}
		int cw = w - 2 * margin, ch = h - 2 * margin;
		float[][] out = new float[n][cw * ch];
		FloatFFT_2D fft = new FloatFFT_2D(h, w);
		float[] c = new float[2 * w * h];
		for (int t = 0; t < n; t++) {
			for (int i = 0; i < w * h; i++) {
				c[2 * i] = frames[t][i];
				c[2 * i + 1] = 0;
			}
			fft.complexForward(c);
			for (int k1 = 0; k1 < h; k1++) {
				double v = (k1 <= h / 2 ? k1 : k1 - h) / (double) h;
				for (int k2 = 0; k2 < w; k2++) {
					double u = (k2 <= w / 2 ? k2 : k2 - w) / (double) w;
					double ph = -2 * Math.PI * (u * dx[t] + v * dy[t]);
					int i = 2 * (k1 * w + k2);
					double re = c[i], im = c[i + 1], cs = Math.cos(ph), sn = Math.sin(ph);
					c[i] = (float) (re * cs - im * sn);
					c[i + 1] = (float) (re * sn + im * cs);
				}
			}
			fft.complexInverse(c, true);
			for (int y = 0; y < ch; y++) {
				for (int x = 0; x < cw; x++) out[t][y * cw + x] = c[2 * ((y + margin) * w + x + margin)];
			}
		}
		return new Movie(out, cw, ch, dx, dy);
	}

	/** @return the frames cropped by {@code margin} on each side, unmoved (shifts 0) */
	public static Movie crop(float[][] frames, int w, int h, int margin) {
		int cw = w - 2 * margin, ch = h - 2 * margin, n = frames.length;
		float[][] out = new float[n][cw * ch];
		for (int t = 0; t < n; t++) {
			for (int y = 0; y < ch; y++) System.arraycopy(frames[t], (y + margin) * w + margin, out[t], y * cw, cw);
		}
		return new Movie(out, cw, ch, new double[n], new double[n]);
	}

	/**
	 * @return the RMS error of estimated shifts against the applied ones, after removing their mean
	 *         difference (the reference may sit anywhere), over both axes
	 */
	public static double rmsError(Movie m, Registration.Result r) {
		return rmsError(m.dx, m.dy, r);
	}

	/** @return as {@link #rmsError(Movie, Registration.Result)}, against the shifts {@code dx, dy} */
	public static double rmsError(double[] dx, double[] dy, Registration.Result r) {
		int n = dx.length;
		double ox = 0, oy = 0;
		for (int t = 0; t < n; t++) {
			ox += r.dx[t] - dx[t];
			oy += r.dy[t] - dy[t];
		}
		ox /= n;
		oy /= n;
		double s = 0;
		for (int t = 0; t < n; t++) {
			double ex = r.dx[t] - dx[t] - ox, ey = r.dy[t] - dy[t] - oy;
			s += ex * ex + ey * ey;
		}
		return Math.sqrt(s / (2 * n));
	}
}
