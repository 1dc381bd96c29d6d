package io.github.calspike.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.extract.ij.MovieFiles;
import io.github.calspike.register.MovingMovies;
import io.github.calspike.ui.OutputService;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.FloatProcessor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** "Register Movie" on a TIFF of cells moved by known sub-pixel shifts, as a user runs it. */
class RegisterMovieTest {

	@TempDir
	static Path dir;
	static Context context;

	@BeforeAll
	static void start() {
		context = new Context();
		context.service(OutputService.class).setOutputFolder(dir.resolve("out"));
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	static Path tiff(MovingMovies.Movie m, String name) {
		ImageStack s = new ImageStack(m.w, m.h);
		for (float[] f : m.frames) s.addSlice(new FloatProcessor(m.w, m.h, f.clone()));
		ImagePlus imp = new ImagePlus(name, s);
		Path p = dir.resolve(name);
		assertTrue(new FileSaver(imp).saveAsTiffStack(p.toString()));
		return p;
	}

	static double[][] shifts(Path csv) throws Exception {
		List<String> lines = Files.readAllLines(csv);
		assertEquals("frame,dx,dy", lines.get(0));
		double[][] s = new double[2][lines.size() - 1];
		for (int i = 1; i < lines.size(); i++) {
			String[] v = lines.get(i).split(",");
			assertEquals(i, Integer.parseInt(v[0]));
			s[0][i - 1] = Double.parseDouble(v[1]);
			s[1][i - 1] = Double.parseDouble(v[2]);
		}
		return s;
	}

	CommandModule run(Object... inputs) throws Exception {
		return context.service(CommandService.class).run(RegisterMovie.class, true, inputs).get();
	}

	@Test
	void measuresTheShiftsAndWritesAnAlignedMovie() throws Exception {
		MovingMovies.Movie m = MovingMovies.blobs(8, 96, 80, 60, 5, 0.3);
		Path in = tiff(m, "moving.tif");
		Path out = dir.resolve("aligned.tif");
		CommandModule c = run("image", MovieFiles.open(in), "output", out.toFile(), "maxshift", 10);
		assertFalse(c.isCanceled(), c.getCancelReason());
		double[][] s = shifts(dir.resolve("out/Frame shifts.csv"));
		assertEquals(60, s[0].length);
		double err = 0, ox = 0, oy = 0;
		for (int t = 0; t < 60; t++) {
			ox += s[0][t] - m.dx[t];
			oy += s[1][t] - m.dy[t];
		}
		ox /= 60;
		oy /= 60;
		for (int t = 0; t < 60; t++) {
			err += Math.pow(s[0][t] - m.dx[t] - ox, 2) + Math.pow(s[1][t] - m.dy[t] - oy, 2);
		}
		assertTrue(Math.sqrt(err / 120) < 0.1, "RMS " + Math.sqrt(err / 120));
		assertTrue(Files.exists(dir.resolve("out/Frame shifts of moving.tif.png")));

		ImagePlus aligned = MovieFiles.open(out);
		assertEquals(96, aligned.getWidth());
		assertEquals(80, aligned.getHeight());
		assertEquals(60, aligned.getStackSize());
		assertEquals(32, aligned.getBitDepth());
		// registering the aligned movie again finds (almost) nothing left to correct
		CommandModule again = run("image", aligned, "output", dir.resolve("again.tif").toFile());
		assertFalse(again.isCanceled(), again.getCancelReason());
		double[][] r = shifts(dir.resolve("out/Frame shifts.csv"));
		for (int t = 0; t < 60; t++) {
			assertEquals(0, r[0][t] - r[0][0], 0.25, "residual dx of frame " + (t + 1));
			assertEquals(0, r[1][t] - r[1][0], 0.25, "residual dy of frame " + (t + 1));
		}
	}

	@Test
	void neverWritesOverItsInput() throws Exception {
		Path in = tiff(MovingMovies.blobs(9, 32, 32, 5, 1, 0.1), "small.tif");
		byte[] before = Files.readAllBytes(in);
		CommandModule c = run("image", MovieFiles.open(in), "output", in.toFile());
		assertTrue(c.isCanceled());
		assertTrue(c.getCancelReason().contains("small.tif"), c.getCancelReason());
		assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(in)));
	}
}
