package io.github.calspike.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.ui.OutputService;

import ij.macro.Interpreter;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.script.ScriptModule;
import org.scijava.script.ScriptService;

/** The example macro and Jython script in scripts/examples run, and produce what they promise. */
class ExamplesTest {

	static Context context;
	@TempDir
	static Path outputs;

	@BeforeAll
	static void start() {
		context = new Context();
		context.service(OutputService.class).setOutputFolder(outputs);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	@Test
	void macroGoesFromMovieToATablePerRoi() throws Exception {
		MacroBridge.install(context);
		MacroBridge.FAILURES.clear();
		Path out = Paths.get(System.getProperty("java.io.tmpdir"), "calspike-example");
		Files.deleteIfExists(out.resolve("spikes-per-roi.csv"));
		String macro = Files.readString(Paths.get("scripts/examples/movie-to-spikes.ijm"));
		String root = Paths.get("").toAbsolutePath() + "/";
		new Interpreter().run(macro, root);
		assertEquals(List.of(), MacroBridge.FAILURES);
		List<String> table = Files.readAllLines(out.resolve("spikes-per-roi.csv"));
		assertEquals(27, table.size(), "header and 26 ROIs: " + table);
		assertTrue(table.get(0).contains("ROI") && table.get(0).contains("inferred spikes"), table
			.get(0));
		assertTrue(table.get(1).contains("9007"), table.get(1));
		assertTrue(Files.isRegularFile(out.resolve("spike-rate.discrete.csv")));
	}

	@Test
	void jythonScriptRunsTheCommandsThroughCommandService(@TempDir Path out) throws Exception {
		ScriptModule m = context.service(ScriptService.class).run(new File(
			"scripts/examples/movie_to_spikes.py"), true, Map.of("movie", new File(
				"test-data/neurofinder/neurofinder-crop-96.tif"), "rois", new File(
					"test-data/neurofinder/neurofinder-crop-96.regions.json"), "framerate", 7.5f,
				"output", out.toFile())).get();
		String summary = (String) m.getOutput("summary");
		assertTrue(summary.startsWith("26 ROIs, 40 s"), summary);
		assertTrue(Files.isRegularFile(out.resolve("traces.csv")));
		assertTrue(Files.isRegularFile(out.resolve("spike-rate.csv")));
	}
}
