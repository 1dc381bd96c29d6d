package io.github.calspike.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.cli.CalSpikeCli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch over a folder with good and bad inputs: every input reported, failures do not stop it. */
class BatchInferSpikesTest {

	@Test
	void writesOneFolderPerInputAndASummaryWithFailuresReported(@TempDir Path in, @TempDir Path out,
		@TempDir Path log) throws Exception
	{
		Path sf = Paths.get("test-data/spikefinder"), nf = Paths.get("test-data/neurofinder");
		Files.copy(sf.resolve("5.train.calcium.csv"), in.resolve("5.train.calcium.csv"));
		Files.copy(sf.resolve("5.train.spikes.csv"), in.resolve("5.train.spikes.csv"));
		Files.copy(nf.resolve("neurofinder-crop-96.tif"), in.resolve("movie.tif"));
		Files.copy(nf.resolve("neurofinder-crop-96.regions.json"), in.resolve("movie.regions.json"));
		Files.copy(nf.resolve("neurofinder-crop-96.tif"), in.resolve("lonely.tif"));
		Files.writeString(in.resolve("broken.csv"), "a,b\n1,2\nx,3\n");
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = new CalSpikeCli(new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(
			err, true)).run("--out", log.toString(), "Batch Infer Spikes", "input=" + in, "output=" +
				out, "framerate=7.5");
		assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
		List<String> rows = Files.readAllLines(out.resolve("batch-summary.csv"));
		assertEquals("input,kind,status,neurons,inferred_spikes,not_fitting,message,seconds", rows.get(0));
		assertEquals(5, rows.size(), rows.toString());
		assertTrue(rows.get(1).startsWith("5.train.calcium.csv,SpikeFinder CSV,ok,9,"), rows.get(1));
		assertTrue(rows.get(2).startsWith("broken.csv,SpikeFinder CSV,failed,") && rows.get(2)
			.contains("line 3"), rows.get(2));
		assertTrue(rows.get(3).startsWith("lonely.tif,movie,failed,") && rows.get(3).contains(
			"lonely.regions.json"), rows.get(3));
		assertTrue(rows.get(4).startsWith("movie.tif,movie,ok,26,"), rows.get(4));
		assertTrue(Files.isRegularFile(out.resolve("5.train/5.train.spike-rate.csv")));
		assertTrue(Files.isRegularFile(out.resolve("5.train/SpikeFinder scores.csv")));
		assertTrue(Files.isRegularFile(out.resolve("movie/movie.spikes.csv")));
		assertTrue(Files.isRegularFile(out.resolve("movie/Spike raster of movie.png")));
		assertFalse(Files.exists(out.resolve("broken")), "no empty folder for a failed input");
		// not_fitting counts the neurons whose fits_model is false in the input's own table
		assertEquals(flagged(out.resolve("5.train/Inferred spikes.csv")), rows.get(1).split(",")[5]);
		assertEquals(flagged(out.resolve("movie/Inferred spikes per ROI.csv")), rows.get(4).split(",")[5]);
		assertEquals("NaN", rows.get(2).split(",")[5], "a failed input has no count");
	}

	/** @return how many rows of a per-neuron table say fits_model false, as the summary writes it */
	private static String flagged(Path table) throws Exception {
		List<String> lines = Files.readAllLines(table);
		int col = List.of(lines.get(0).split(",")).indexOf("fits_model");
		assertTrue(col >= 0, lines.get(0));
		return String.valueOf(lines.stream().skip(1).filter(l -> l.split(",")[col].equals("false"))
			.count());
	}
}
