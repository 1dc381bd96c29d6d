package io.github.calspike.safety;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.calspike.extract.NeurofinderRegions;
import io.github.calspike.extract.ij.MovieFiles;
import io.github.calspike.extract.ij.RoiInputs;
import io.github.calspike.model.ModelFolder;
import io.github.calspike.infer.SpikeRateModel;
import io.github.calspike.testing.Synthetic;
import io.github.calspike.trace.io.Padding;
import io.github.calspike.trace.io.SpikeFinderCsv;

import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.io.RoiEncoder;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and mutated bytes for every reader (SpikeFinder CSV, Neurofinder JSON, RoiSet.zip,
 * label image and movie TIFF, model.json): each read either succeeds or fails with an
 * IOException (the documented error type, whose message names the file), never another
 * exception, and always within a few seconds. Seeded, so a failure names a reproducible case.
 */
class ReaderFuzzTest {

	@TempDir
	Path dir;

	private interface Reader {
		void read(Path file) throws IOException;
	}

	/** @return a mutation of {@code seed}: flipped bytes, a cut, an insertion, or noise */
	static byte[] mutate(byte[] seed, Random r) {
		byte[] b = seed.clone();
		switch (r.nextInt(5)) {
			case 0:
				for (int k = 0, n = 1 + r.nextInt(8); k < n && b.length > 0; k++) {
					b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
				}
				return b;
			case 1:
				return Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
			case 2: {
				int at = b.length == 0 ? 0 : r.nextInt(b.length);
				byte[] ins = new byte[1 + r.nextInt(64)];
				r.nextBytes(ins);
				byte[] o = new byte[b.length + ins.length];
				System.arraycopy(b, 0, o, 0, at);
				System.arraycopy(ins, 0, o, at, ins.length);
				System.arraycopy(b, at, o, at + ins.length, b.length - at);
				return o;
			}
			case 3:
				for (int k = 0, n = 1 + r.nextInt(4); k < n && b.length > 0; k++) {
					String chars = "0,.-e\n\"{}[]:9";
					b[r.nextInt(b.length)] = (byte) chars.charAt(r.nextInt(chars.length()));
				}
				return b;
			default: {
				byte[] o = new byte[r.nextInt(2048)];
				r.nextBytes(o);
				return o;
			}
		}
	}

	private void fuzz(String name, byte[] seed, int cases, Reader reader) throws IOException {
		Random r = new Random(name.hashCode());
		for (int c = 0; c < cases; c++) {
			byte[] bytes = mutate(seed, r);
			Path f = Files.write(dir.resolve(c + "-" + name), bytes);
			int k = c;
			assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
				try {
					reader.read(f);
				}
				catch (IOException e) {
					// the documented error type
				}
				catch (RuntimeException | StackOverflowError e) {
					fail(name + " case " + k + " (" + bytes.length + " bytes): " + e, e);
				}
			}, name + " case " + k + " did not finish");
			Files.delete(f);
		}
	}

	@Test
	void spikeFinderCsv() throws IOException {
		Path seed = dir.resolve("seed.csv");
		SpikeFinderCsv.writeCalcium(seed, Synthetic.recording(1, 3, 200, 100, 0.05, 0.3), Padding.NAN);
		byte[] b = Files.readAllBytes(seed);
		fuzz("calcium.csv", b, 500, f -> SpikeFinderCsv.readColumns(f, 0, false));
		fuzz("spikes.csv", b, 150, f -> SpikeFinderCsv.readColumns(f, 2, true));
	}

	@Test
	void neurofinderJson() throws IOException {
		byte[] full = Files.readAllBytes(Paths.get("test-data/neurofinder/neurofinder-crop-96.regions.json"));
		byte[] b = Arrays.copyOf(full, Math.min(full.length, 3000));
		String s = new String(b, StandardCharsets.UTF_8);
		s = s.substring(0, s.lastIndexOf("]}") + 2) + "]"; // a shorter, still valid list
		fuzz("regions.json", s.getBytes(StandardCharsets.UTF_8), 300, NeurofinderRegions::read);
	}

	@Test
	void roiSetZip() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream z = new ZipOutputStream(bytes)) {
			for (int i = 0; i < 3; i++) {
				Roi roi = new OvalRoi(5 + 10 * i, 5, 6, 6);
				z.putNextEntry(new ZipEntry("roi" + i + ".roi"));
				new RoiEncoder(new DataOutputStream(z)).write(roi);
			}
		}
		fuzz("RoiSet.zip", bytes.toByteArray(), 500, f -> RoiInputs.read(f, 64, 64));
	}

	@Test
	void tiffs() throws IOException {
		byte[] zlib = TruncatedFilesTest.zlibTiff(32, 24);
		fuzz("zlib.tif", zlib, 500, MovieFiles::open);
		byte[] movie = Files.readAllBytes(Paths.get("test-data/neurofinder/neurofinder-crop-96.tif"));
		fuzz("movie.tif", Arrays.copyOf(movie, 40_000), 60, MovieFiles::open);
		fuzz("labels.tif", zlib, 300, f -> RoiInputs.read(f, 32, 24));
	}

	@Test
	void modelJson() throws IOException {
		ModelFolder.Loaded l = ModelFolder.readResource(ModelFolder.class, SpikeRateModel.BUNDLED,
			null);
		Path model = dir.resolve("model");
		ModelFolder.write(model, l.info(), l.parameters());
		byte[] json = Files.readAllBytes(model.resolve(ModelFolder.MODEL_JSON));
		Random r = new Random(5);
		for (int c = 0; c < 150; c++) {
			Files.write(model.resolve(ModelFolder.MODEL_JSON), mutate(json, r));
			int k = c;
			assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
				try {
					SpikeRateModel.open(model).close();
				}
				catch (IOException e) {
					// the documented error type
				}
				catch (RuntimeException e) {
					fail("model.json case " + k + ": " + e, e);
				}
			});
		}
	}
}
