package io.github.calspike.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

	@TempDir
	Path dir;

	@Test
	void aFailureHalfwayKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
		Path target = dir.resolve("result.csv");
		Files.writeString(target, "old\n");
		assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
			out.write("half of the new content".getBytes());
			throw new IOException("disk full");
		}));
		assertEquals("old\n", Files.readString(target));
		try (var files = Files.list(dir)) {
			assertEquals(List.of(target), files.collect(Collectors.toList()));
		}
	}

	@Test
	void aFailureOnANewFileLeavesNothing() throws IOException {
		Path target = dir.resolve("new.csv");
		assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
			throw new IOException("boom");
		}));
		try (var files = Files.list(dir)) {
			assertEquals(0, files.count());
		}
	}

	@Test
	void writesAndReplaces() throws IOException {
		Path target = dir.resolve("a.txt");
		AtomicFiles.write(target, out -> out.write('1'));
		AtomicFiles.write(target, out -> out.write('2'));
		assertEquals("2", Files.readString(target));
	}
}
