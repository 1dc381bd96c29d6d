package io.github.calspike.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.ui.OutputService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** Decoding latent vectors with the bundled VAE. */
class GenerateCalciumWindowsTest {

	@TempDir
	Path out;

	private Context context;

	@BeforeEach
	void start() {
		context = new Context();
		context.service(OutputService.class).setOutputFolder(out);
	}

	@AfterEach
	void stop() {
		context.dispose();
	}

	private CommandModule run(Object... inputs) throws Exception {
		return context.service(CommandService.class).run(GenerateCalciumWindows.class, true, inputs)
			.get();
	}

	@Test
	void randomLatentsGiveOneRowOfBinsPerWindow() throws Exception {
		CommandModule m = run("count", 6);
		assertFalse(m.isCanceled(), m.getCancelReason());
		List<String> rows = Files.readAllLines(out.resolve("Generated windows.csv"));
		assertEquals(7, rows.size());
		assertEquals(21, rows.get(0).split(",").length, "window + 20 bins");
		assertTrue(rows.get(0).startsWith("window,bin-10,bin-9"));
		assertTrue(Files.size(out.resolve("Generated calcium windows.png")) > 10_000);
	}

	@Test
	void latentsFromCsvAreDecodedAndBadRowsNamed(@TempDir Path in) throws Exception {
		StringBuilder ok = new StringBuilder();
		for (int r = 0; r < 2; r++) {
			for (int c = 0; c < 256; c++) ok.append(c == 0 ? "" : ",").append(r == 0 ? "0" : "0.5");
			ok.append('\n');
		}
		Path good = in.resolve("z.csv");
		Files.writeString(good, ok);
		CommandModule m = run("latents", good.toFile());
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(3, Files.readAllLines(out.resolve("Generated windows.csv")).size());

		Path bad = in.resolve("bad.csv");
		Files.writeString(bad, "1,2,3\n");
		m = run("latents", bad.toFile());
		assertTrue(m.isCanceled());
		assertEquals(bad + ": line 1: 3 values, but the model's latent size is 256", m
			.getCancelReason());
	}
}
