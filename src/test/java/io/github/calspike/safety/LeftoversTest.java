package io.github.calspike.safety;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.command.GenerateCalciumWindows;
import io.github.calspike.files.AtomicFiles;
import io.github.calspike.ui.OutputService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** No stack trace and no leftover: absurd counts are refused, killed writes are cleaned up. */
class LeftoversTest {

	@TempDir
	Path dir;

	@Test
	void aWriteRemovesTheTemporaryFilesOfAKilledEarlierWrite() throws Exception {
		Path old = Files.writeString(dir.resolve(".x.csv.1a2b3c.tmp"), "half");
		Files.setLastModifiedTime(old, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
		Path young = Files.writeString(dir.resolve(".x.csv.4d5e.tmp"), "being written now");
		Path other = Files.writeString(dir.resolve(".notes.txt.99.tmp"), "not ours to judge");
		Files.setLastModifiedTime(other, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
		Path mine = Files.writeString(dir.resolve(".x.csv.keep"), "a user's file");
		AtomicFiles.write(dir.resolve("x.csv"), out -> out.write("a,b\n".getBytes()));
		assertFalse(Files.exists(old), "stale temporary file removed");
		assertTrue(Files.exists(young) && Files.exists(other) && Files.exists(mine));
		try (Stream<Path> s = Files.list(dir)) {
			assertTrue(s.anyMatch(p -> p.getFileName().toString().equals("x.csv")));
		}
	}

	@Test
	void generateCalciumWindowsRefusesCountsBelowOne() throws Exception {
		Context context = new Context();
		try {
			context.service(OutputService.class).setOutputFolder(dir.resolve("out"));
			for (int count : new int[] { -3, 0 }) {
				CommandModule m = context.service(CommandService.class).run(GenerateCalciumWindows.class,
					true, "count", count).get();
				assertTrue(m.isCanceled() && m.getCancelReason().startsWith("count: " + count),
					String.valueOf(m.getCancelReason()));
			}
			assertFalse(Files.exists(dir.resolve("out")), "no empty table or plot");
		}
		finally {
			context.dispose();
		}
	}
}
