package io.github.calspike.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.extract.ij.ImagePlusFrames;
import io.github.calspike.extract.ij.MovieFiles;
import io.github.calspike.progress.Progress;

import ij.ImagePlus;

import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

/** Rigid registration recovers known sub-pixel shifts, on synthetic cells and on the real crop. */
class RegistrationTest {

	static Registration.Result register(MovingMovies.Movie m, RegistrationConfig c) {
		return Registration.estimate(m, c, Progress.NONE);
	}

	@Test
	void recoversSubPixelShiftsOfASyntheticMovie() {
		MovingMovies.Movie m = MovingMovies.blobs(3, 128, 128, 200, 6, 0.3);
		double rms = MovingMovies.rmsError(m, register(m, new RegistrationConfig()));
		assertTrue(rms <= 0.1, "RMS error " + rms + " px");
	}

	@Test
	void theSignIsTheContentDisplacement() {
		MovingMovies.Movie m = MovingMovies.blobs(4, 64, 64, 3, 0, 0.01);
		// frame 1's content moved 3 px right and 2 px down
		MovingMovies.Movie s = MovingMovies.drifted(m.frames, 64, 64, 1, 0);
		Registration.Result r = register(s, new RegistrationConfig().withReference(
			RegistrationConfig.Reference.FIRST_FRAMES, 1));
		for (int t = 0; t < 3; t++) {
			assertEquals(s.dx[t] - s.dx[0], r.dx[t] - r.dx[0], 0.1, "dx of frame " + t);
			assertEquals(s.dy[t] - s.dy[0], r.dy[t] - r.dy[0], 0.1, "dy of frame " + t);
		}
	}

	/**
	 * The real crop moves by itself (about 0.3 px sd; on the 256-px crop, shifts measured on its
	 * left and right halves agree with r = 0.87: BENCHMARKS.md), so the truth of the drifted movie is
	 * the applied drift plus that motion, measured on the same frames without the drift.
	 */
	@Test
	void recoversASeededDriftWithJumpsOnTheRealCrop() throws Exception {
		ImagePlus imp = MovieFiles.open(Paths.get("test-data/neurofinder/neurofinder-crop-96.tif"));
		ImagePlusFrames src = ImagePlusFrames.of(imp);
		int n = src.frames(), margin = 10;
		float[][] frames = new float[n][96 * 96];
		for (int t = 0; t < n; t++) src.pixels(t, frames[t]);
		MovingMovies.Movie drifted = MovingMovies.drifted(frames, 96, 96, 11, margin);
		MovingMovies.Movie still = MovingMovies.crop(frames, 96, 96, margin);
		Registration.Result own = register(still, new RegistrationConfig());
		double[] tx = new double[n], ty = new double[n];
		for (int t = 0; t < n; t++) {
			tx[t] = drifted.dx[t] + own.dx[t];
			ty[t] = drifted.dy[t] + own.dy[t];
		}
		double rms = MovingMovies.rmsError(tx, ty, register(drifted, new RegistrationConfig()));
		assertTrue(rms <= 0.25, "RMS error " + rms + " px");
		double maxDrift = 0;
		for (int t = 0; t < n; t++) maxDrift = Math.max(maxDrift, Math.hypot(drifted.dx[t], drifted.dy[t]));
		assertTrue(maxDrift > 4, "the drift has jumps: " + maxDrift + " px");
	}
}
