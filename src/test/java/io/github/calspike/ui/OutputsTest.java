package io.github.calspike.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.plot.MoviePlots;

import ij.measure.ResultsTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;

/**
 * A run's own output folder (what "Batch Infer Spikes" gives each input) gets that run's files,
 * each reported, and leaves the session's output service as it was.
 */
class OutputsTest {

	@Test
	void aFolderOfItsOwnGetsTheFilesAndTheSessionKeepsItsFolder(@TempDir Path session,
		@TempDir Path item) throws Exception
	{
		try (Context context = new Context(OutputService.class)) {
			OutputService service = context.service(OutputService.class);
			service.setOutputFolder(session);
			List<Path> reported = new ArrayList<>();
			Outputs mine = Outputs.toFolder(item, reported::add);
			assertEquals(item, mine.outputFolder());
			assertFalse(mine.isInteractive());
			ResultsTable t = new ResultsTable();
			t.addRow();
			t.addValue("spikes", 3);
			mine.table("Inferred spikes: per ROI", t);
			mine.figure(MoviePlots.raster("Raster", List.of("a", "b"), 10, new double[][] { { 0, 1, 0 },
				{ 1, 0, 0 } }));
			Path csv = item.resolve("Inferred spikes_ per ROI.csv");
			assertEquals(List.of("spikes", "3"), Files.readAllLines(csv));
			assertEquals(List.of(csv, item.resolve("Raster.png"), item.resolve("Raster.svg")), reported);
			assertTrue(Files.size(item.resolve("Raster.png")) > 0);
			assertEquals(session, service.outputFolder());
			try (var left = Files.list(session)) {
				assertEquals(0, left.count(), "nothing went to the session's folder");
			}
		}
	}
}
