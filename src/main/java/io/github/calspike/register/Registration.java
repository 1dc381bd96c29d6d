package io.github.calspike.register;

import io.github.calspike.extract.FrameSource;
import io.github.calspike.progress.Progress;

import java.util.concurrent.CancellationException;

/**
 * Rigid motion correction of a movie streamed frame by frame: a reference made from the movie
 * itself ({@link RegistrationConfig.Reference}), then every frame's shift against it by
 * {@link PhaseCorrelation}. Memory stays at a few frames, whatever the movie's length.
 */
public final class Registration {

	/** How often progress is reported, in frames. */
	private static final int REPORT_EVERY = 16;

	private Registration() {}

	/** Shifts of every frame, with the reference they were measured against. */
	public static final class Result {
		/** Per frame, the content displacement relative to the reference, x right, pixels. */
		public final double[] dx;
		/** Per frame, the content displacement relative to the reference, y down, pixels. */
		public final double[] dy;
		/** Per frame, the height of the correlation peak (lower: a frame that matches less). */
		public final double[] peak;
		/** The reference image, width x height values row by row. */
		public final float[] reference;
		/** Width and height of the frames. */
		public final int width, height;

		Result(double[] dx, double[] dy, double[] peak, float[] reference, int width, int height) {
			this.dx = dx;
			this.dy = dy;
			this.peak = peak;
			this.reference = reference;
			this.width = width;
			this.height = height;
		}
	}

	/**
	 * Measures every frame's shift. Progress counts the reference frames of every round, then the
	 * movie's frames.
	 *
	 * @throws CancellationException when {@code progress} cancels or the thread is interrupted
	 * @throws IllegalArgumentException for frames too small to correlate
	 */
	public static Result estimate(FrameSource movie, RegistrationConfig config,
		Progress progress)
	{
		int w = movie.width(), h = movie.height(), t = movie.frames();
		int n = Math.min(config.referenceFrames, t);
		int rounds = config.reference == RegistrationConfig.Reference.ITERATIVE ? config.iterations : 0;
		int total = n * (1 + rounds) + t;
		int[] done = { 0 };
		float[] frame = new float[w * h], shifted = new float[w * h];
		int[] sample = sample(t, n, config.reference);

		// the reference: mean of the sample, then (iterative) mean of the sample registered to it
		double[] sum = new double[w * h];
		for (int k : sample) {
			movie.pixels(k, frame);
			for (int i = 0; i < frame.length; i++) sum[i] += frame[i];
			tick(progress, done, total);
		}
		float[] ref = mean(sum, n);
		for (int round = 0; round < rounds; round++) {
			PhaseCorrelation pc = new PhaseCorrelation(ref, w, h, config);
			java.util.Arrays.fill(sum, 0);
			for (int k : sample) {
				movie.pixels(k, frame);
				double[] s = pc.shift(frame);
				Shifts.apply(frame, w, h, s[0], s[1], shifted);
				for (int i = 0; i < shifted.length; i++) sum[i] += shifted[i];
				tick(progress, done, total);
			}
			ref = mean(sum, n);
		}

		PhaseCorrelation pc = new PhaseCorrelation(ref, w, h, config);
		double[] dx = new double[t], dy = new double[t], peak = new double[t];
		for (int k = 0; k < t; k++) {
			movie.pixels(k, frame);
			double[] s = pc.shift(frame);
			dx[k] = s[0];
			dy[k] = s[1];
			peak[k] = s[2];
			tick(progress, done, total);
		}
		progress.steps(total, total, "frame");
		return new Result(dx, dy, peak, ref, w, h);
	}

	/** @return the frames the reference is made of: the first n, or n spread evenly over the movie */
	static int[] sample(int frames, int n, RegistrationConfig.Reference mode) {
		int[] s = new int[n];
		for (int i = 0; i < n; i++) {
			s[i] = mode == RegistrationConfig.Reference.FIRST_FRAMES ? i : (int) ((i + 0.5) * frames / n);
		}
		return s;
	}

	private static float[] mean(double[] sum, int n) {
		float[] m = new float[sum.length];
		for (int i = 0; i < m.length; i++) m[i] = (float) (sum[i] / n);
		return m;
	}

	private static void tick(Progress progress, int[] done, int total) {
		if (Thread.currentThread().isInterrupted()) throw new CancellationException("registration interrupted");
		if (++done[0] % REPORT_EVERY == 0) progress.steps(done[0], total, "frame");
	}
}
