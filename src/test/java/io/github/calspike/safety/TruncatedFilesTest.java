package io.github.calspike.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.cli.CalSpikeCli;
import io.github.calspike.extract.ij.MovieFiles;
import io.github.calspike.testing.Synthetic;
import io.github.calspike.trace.io.Padding;
import io.github.calspike.trace.io.SpikeFinderCsv;

import ij.ImagePlus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A truncated zlib TIFF made ImageJ's decoder spin forever; it is now refused with a message
 * naming the file, and a batch reports it and goes on.
 */
class TruncatedFilesTest {

	@TempDir
	Path dir;

	/** @return a one-strip, 8-bit, zlib-compressed (Deflate, 8) TIFF of w x h pixels */
	static byte[] zlibTiff(int w, int h) {
		byte[] pixels = new byte[w * h];
		for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) ((i * 7 + i / w) & 0xff);
		Deflater d = new Deflater();
		d.setInput(pixels);
		d.finish();
		byte[] buf = new byte[pixels.length + 1024];
		int n = d.deflate(buf);
		d.end();
		int entries = 8, ifd = 8, data = ifd + 2 + entries * 12 + 4;
		ByteBuffer b = ByteBuffer.allocate(data + n).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd);
		b.putShort((short) entries);
		entry(b, 256, 3, w);
		entry(b, 257, 3, h);
		entry(b, 258, 3, 8);
		entry(b, 259, 3, 8); // Adobe Deflate
		entry(b, 262, 3, 1);
		entry(b, 273, 4, data);
		entry(b, 278, 3, h);
		entry(b, 279, 4, n);
		b.putInt(0);
		b.put(buf, 0, n);
		return b.array();
	}

	private static void entry(ByteBuffer b, int tag, int type, int value) {
		b.putShort((short) tag).putShort((short) type).putInt(1);
		if (type == 3) b.putShort((short) value).putShort((short) 0);
		else b.putInt(value);
	}

	@Test
	void anIntactZlibTiffOpensAndATruncatedOneIsRefusedAtOnce() throws Exception {
		Path good = Files.write(dir.resolve("good.tif"), zlibTiff(64, 48));
		ImagePlus imp = MovieFiles.open(good);
		assertEquals(64, imp.getWidth());
		assertEquals(48, imp.getHeight());
		byte[] all = Files.readAllBytes(good);
		for (int cut : new int[] { all.length - 1, all.length - 200, 150 }) {
			Path bad = Files.write(dir.resolve("cut" + cut + ".tif"), Arrays.copyOf(all, cut));
			IOException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
				IOException.class, () -> MovieFiles.open(bad)));
			assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains("truncated"),
				e.getMessage());
		}
	}

	@Test
	void aTruncatedUncompressedStackIsRefused() throws Exception {
		Path movie = Paths.get("test-data/neurofinder/neurofinder-crop-96.tif");
		byte[] all = Files.readAllBytes(movie);
		Path bad = Files.write(dir.resolve("half.tif"), Arrays.copyOf(all, all.length / 2));
		IOException e = assertThrows(IOException.class, () -> MovieFiles.open(bad));
		assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains(bad.toString()), e
			.getMessage());
	}

	@Test
	void aBatchReportsATruncatedMovieAndProcessesTheRest() throws Exception {
		Path in = Files.createDirectory(dir.resolve("in")), out = dir.resolve("out");
		byte[] z = zlibTiff(64, 48);
		Files.write(in.resolve("broken.tif"), Arrays.copyOf(z, z.length - 100));
		Files.copy(Paths.get("test-data/neurofinder/neurofinder-crop-96.regions.json"), in.resolve(
			"broken.regions.json"));
		SpikeFinderCsv.writeCalcium(in.resolve("good.calcium.csv"), Synthetic.recording(2, 2, 2000,
			100, 0.02, 0.3), Padding.NAN);
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> new CalSpikeCli(
			new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true)).run("--out",
				dir.resolve("log").toString(), "Batch Infer Spikes", "input=" + in, "output=" + out,
				"framerate=7.5"));
		assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
		List<String> rows = Files.readAllLines(out.resolve("batch-summary.csv"));
		assertEquals(3, rows.size(), rows.toString());
		assertTrue(rows.get(1).startsWith("broken.tif,movie,failed,") && rows.get(1).contains(
			"truncated"), rows.get(1));
		assertTrue(rows.get(2).startsWith("good.calcium.csv,SpikeFinder CSV,ok,2,"), rows.get(2));
	}
}
