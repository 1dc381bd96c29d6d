package io.github.calspike.bench;

import io.github.calspike.extract.ij.ImagePlusFrames;
import io.github.calspike.extract.ij.MovieFiles;
import io.github.calspike.progress.Progress;
import io.github.calspike.register.MovingMovies;
import io.github.calspike.register.Registration;
import io.github.calspike.register.RegistrationConfig;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * Accuracy of "Register Movie"'s phase correlation for several whitening exponents and
 * smoothings (RMS error in px against known shifts: synthetic cells, and real crops moved by a
 * seeded drift with jumps), and its speed on 512 x 512 frames. Run by scripts/benchmark-registration.
 */
public final class RegistrationBenchmark {

	private RegistrationBenchmark() {}

	public static void main(String[] args) throws Exception {
		edu.emory.mathcs.utils.ConcurrencyUtils.setNumberOfThreads(1);
		String mode = args.length > 0 ? args[0] : "accuracy";
		if (mode.equals("speed")) {
			speed();
			return;
		}
		MovingMovies.Movie syn = MovingMovies.blobs(3, 128, 128, 200, 6, 0.3);
		MovingMovies.Movie synNoisy = MovingMovies.blobs(5, 128, 128, 200, 6, 1.0);
		MovingMovies.Movie[] real = new MovingMovies.Movie[args.length > 1 ? args.length - 1 : 1];
		String[] names = new String[real.length];
		for (int i = 0; i < real.length; i++) {
			Path p = args.length > 1 ? Paths.get(args[i + 1]) : Paths.get(
				"test-data/neurofinder/neurofinder-crop-96.tif");
			ImagePlusFrames src = ImagePlusFrames.of(MovieFiles.open(p));
			int w = src.width(), h = src.height();
			float[][] f = new float[src.frames()][w * h];
			for (int t = 0; t < f.length; t++) src.pixels(t, f[t]);
			real[i] = MovingMovies.drifted(f, w, h, 11, 8);
			names[i] = p.getFileName().toString();
		}
		System.out.print("whitening,smoothing_px,taper_px,synthetic_rms,synthetic_noisy_rms");
		for (String n : names) System.out.print("," + n + "_rms");
		System.out.println();
		for (double e : new double[] { 0.3, 0.5, 0.7, 1.0 }) {
			for (double s : new double[] { 1.0, 1.5, 2.0 }) {
				for (int taper : new int[] { 8, 16, 24 }) {
					RegistrationConfig c = new RegistrationConfig().withFiltering(e, s, taper);
					System.out.printf(Locale.ROOT, "%.2f,%.1f,%d,%.4f,%.4f", e, s, taper, rms(syn, c), rms(
						synNoisy, c));
					for (MovingMovies.Movie m : real) System.out.printf(Locale.ROOT, ",%.4f", rms(m, c));
					System.out.println();
				}
			}
		}
	}

	static double rms(MovingMovies.Movie m, RegistrationConfig c) {
		return MovingMovies.rmsError(m, Registration.estimate(m, c, Progress.NONE));
	}

	static void speed() {
		MovingMovies.Movie m = MovingMovies.blobs(1, 512, 512, 400, 6, 0.5);
		RegistrationConfig c = new RegistrationConfig();
		for (int rep = 0; rep < 3; rep++) {
			long t0 = System.nanoTime();
			Registration.estimate(m, c, Progress.NONE);
			double s = (System.nanoTime() - t0) / 1e9;
			int work = m.frames() + c.referenceFrames * (1 + c.iterations);
			System.out.printf(Locale.ROOT, "512x512, %d frames (+%d reference passes): %.2f s = %.0f " +
				"frames/s of the movie, %.0f correlations/s%n", m.frames(), c.referenceFrames * (1 +
					c.iterations), s, m.frames() / s, work / s);
		}
	}
}
