package io.github.calspike.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.cli.CalSpikeCli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages say what is wrong and with which file. */
class MessagesTest {

	@TempDir
	Path dir;

	String run(int expected, String... args) {
		ByteArrayOutputStream e = new ByteArrayOutputStream();
		int code = new CalSpikeCli(new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(
			e, true)).run(args);
		String err = e.toString(StandardCharsets.UTF_8);
		assertEquals(expected, code, err);
		return err;
	}

	@Test
	void aMissingImageFileSaysNoSuchFile() {
		String err = run(1, "--out", dir.resolve("o").toString(), "Extract ROI Traces", "image=" + dir
			.resolve("nope.tif"), "framerate=7.5");
		assertTrue(err.contains("image: no such file") && err.contains("nope.tif"), err);
	}

	@Test
	void anEmptyFileParameterSaysNoFileGiven() {
		String err = run(1, "--out", dir.resolve("o").toString(), "Infer Spikes", "calcium=");
		assertTrue(err.contains("calcium: no file given"), err);
	}

	@Test
	void aBinaryCsvNamesTheLineAndByte() throws Exception {
		Path bin = Files.write(dir.resolve("bin.csv"), new byte[] { 'a', ',', 'b', '\n', '1', ',', '2',
			'\n', (byte) 0xff, (byte) 0xfe, ',', '3', '\n' });
		String err = run(1, "--out", dir.resolve("o").toString(), "Infer Spikes", "calcium=" + bin);
		assertTrue(err.contains(bin.toString()) && err.contains("line 3") && err.contains("byte 8") &&
			err.contains("UTF-8"), err);
	}

	@Test
	void aFileWhereAFolderBelongsIsNamed() throws Exception {
		Path file = Files.writeString(dir.resolve("notes.txt"), "mine\n");
		String err = run(2, "--out", file.toString(), "Infer Spikes", "calcium=x.csv");
		assertTrue(err.contains("--out: " + file) && err.contains("is a file, not a folder"), err);
		err = run(1, "--out", dir.resolve("o").toString(), "Analyze Calcium Movie",
			"image=test-data/neurofinder/neurofinder-crop-96.tif",
			"rois=test-data/neurofinder/neurofinder-crop-96.regions.json", "framerate=7.5", "output=" +
				file);
		assertTrue(err.contains("output: " + file + " is a file"), err);
		assertEquals("mine\n", Files.readString(file));
	}
}
