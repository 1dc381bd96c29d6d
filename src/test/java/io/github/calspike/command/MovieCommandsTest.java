package io.github.calspike.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.cli.CalSpikeCli;
import io.github.calspike.extract.NeurofinderRegions;
import io.github.calspike.extract.SyntheticMovie;
import io.github.calspike.trace.io.ColumnTable;
import io.github.calspike.trace.io.SpikeFinderCsv;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.io.RoiEncoder;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Extract ROI Traces" and "Analyze Calcium Movie" run as a user runs them, on real and synthetic movies. */
class MovieCommandsTest {

	static final Path MOVIE = Paths.get("test-data/neurofinder/neurofinder-crop-96.tif");
	static final Path REGIONS = Paths.get("test-data/neurofinder/neurofinder-crop-96.regions.json");

	@TempDir
	static Path synthDir;
	static SyntheticMovie synth;

	@TempDir
	Path out;

	private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
	private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

	@BeforeAll
	static void writeSyntheticMovie() throws Exception {
		SyntheticMovie.Spec s = new SyntheticMovie.Spec();
		s.frames = 300;
		synth = SyntheticMovie.generate(s);
		synth.write(synthDir);
	}

	private int run(String... args) {
		return new CalSpikeCli(new PrintStream(stdout, true), new PrintStream(stderr, true)).run(args);
	}

	private String err() {
		return stderr.toString(StandardCharsets.UTF_8);
	}

	private List<String> files(Path dir) throws Exception {
		if (!Files.exists(dir)) return List.of();
		try (var s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	@Test
	void rawTracesOfTheRealMovieEqualADirectMeanOverEachRegion() throws Exception {
		Path csv = out.resolve("raw.csv");
		assertEquals(0, run("--out", out.toString(), "Extract ROI Traces", "image=" + MOVIE, "rois=" +
			REGIONS, "neuropil=0", "dff=false", "output=" + csv), err());
		ColumnTable t = SpikeFinderCsv.readColumns(csv, 0, false);
		List<NeurofinderRegions.Region> regions = NeurofinderRegions.read(REGIONS);
		assertEquals(26, regions.size());
		assertEquals(regions.size(), t.labels().size());
		ImagePlus movie = IJ.openImage(MOVIE.toString());
		for (int i = 0; i < regions.size(); i++) {
			NeurofinderRegions.Region r = regions.get(i);
			assertEquals(r.id(), t.labels().get(i));
			double[] col = t.column(i);
			assertEquals(300, col.length);
			int[] xs = r.xs(), ys = r.ys();
			for (int f = 0; f < 300; f++) {
				ImageProcessor ip = movie.getStack().getProcessor(f + 1);
				double sum = 0;
				for (int k = 0; k < xs.length; k++) sum += ip.getf(xs[k], ys[k]);
				double mean = sum / xs.length;
				assertEquals(mean, col[f], Math.ulp((float) mean), "ROI " + r.id() + " frame " + (f + 1));
			}
		}
		assertTrue(files(out).containsAll(List.of("ROI traces.csv", "ROI summary.csv",
			"ROI traces of neurofinder-crop-96.png", "ROIs on neurofinder-crop-96.png")), files(out)
				.toString());
	}

	@Test
	void analyzeCalciumMovieGoesFromMovieToSpikes() throws Exception {
		assertEquals(0, run("--out", out.toString(), "Analyze Calcium Movie", "image=" + MOVIE,
			"rois=" + REGIONS, "framerate=7.5"), err());
		assertTrue(files(out).containsAll(List.of("neurofinder-crop-96.traces.csv",
			"neurofinder-crop-96.spike-rate.csv", "neurofinder-crop-96.spikes.csv",
			"Inferred spikes per ROI.csv", "Spike raster of neurofinder-crop-96.png",
			"ROIs on neurofinder-crop-96.png")), files(out).toString());
		ColumnTable rate = SpikeFinderCsv.readColumns(out.resolve("neurofinder-crop-96.spike-rate.csv"),
			0, false);
		assertEquals(26, rate.labels().size());
		for (int i = 0; i < 26; i++) {
			assertEquals(300, rate.column(i).length);
			for (double v : rate.column(i)) assertTrue(v >= 0 && Double.isFinite(v));
		}
		// the raster is no metronome: ROIs differ, some are silent, active ones have events
		ColumnTable spikes = SpikeFinderCsv.readColumns(out.resolve("neurofinder-crop-96.spikes.csv"),
			0, true);
		double[] perRoi = new double[26];
		java.util.Set<String> rasters = new java.util.HashSet<>();
		for (int i = 0; i < 26; i++) {
			double[] d = spikes.column(i);
			StringBuilder row = new StringBuilder();
			for (int t = 0; t < d.length; t++) {
				perRoi[i] += d[t];
				if (d[t] > 0) row.append(t).append(',');
			}
			rasters.add(row.toString());
		}
		double[] sorted = perRoi.clone();
		java.util.Arrays.sort(sorted);
		assertTrue(rasters.size() >= 20, rasters.size() + " different rows of 26");
		assertTrue(sorted[0] <= 2 && sorted[25] >= 3 * Math.max(1, sorted[0]) + 5,
			"spikes per ROI: " + java.util.Arrays.toString(perRoi));
	}

	@Test
	void labelImageRoiSetAndJsonGiveTheSameTraces() throws Exception {
		int w = synth.spec.width, h = synth.spec.height;
		ShortProcessor labels = new ShortProcessor(w, h);
		List<Roi> rois = new ArrayList<>();
		for (int i = 0; i < synth.rois.size(); i++) {
			int[] xs = synth.rois.get(i).xs(), ys = synth.rois.get(i).ys();
			for (int k = 0; k < xs.length; k++) labels.set(xs[k], ys[k], i + 1);
		}
		Path labelFile = out.resolve("labels.tif");
		new FileSaver(new ImagePlus("labels", labels)).saveAsTiff(labelFile.toString());
		Path json = synthDir.resolve("rois.json");
		String movie = synthDir.resolve("movie.tif").toString();
		String[] common = { "image=" + movie, "neuropil=0.7", "dff=false" };
		assertEquals(0, run(concat(new String[] { "--out", out.resolve("a").toString(),
			"Extract ROI Traces", "rois=" + json, "output=" + out.resolve("json.csv") }, common)), err());
		assertEquals(0, run(concat(new String[] { "--out", out.resolve("b").toString(),
			"Extract ROI Traces", "rois=" + labelFile, "output=" + out.resolve("labels.csv") }, common)),
			err());
		assertEquals(Files.readString(out.resolve("json.csv")), Files.readString(out.resolve(
			"labels.csv")));
		// a RoiSet.zip of ImageJ selections measures what the selections contain
		for (int i = 0; i < 3; i++) rois.add(new OvalRoi(10 + 30 * i, 20, 9, 9));
		Path zip = out.resolve("RoiSet.zip");
		try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
			for (int i = 0; i < rois.size(); i++) {
				z.putNextEntry(new ZipEntry("roi" + (i + 1) + ".roi"));
				new RoiEncoder(new DataOutputStream(z)).write(rois.get(i));
			}
		}
		assertEquals(0, run("--out", out.resolve("c").toString(), "Extract ROI Traces", "image=" +
			movie, "rois=" + zip, "neuropil=0", "dff=false", "output=" + out.resolve("zip.csv")), err());
		ColumnTable t = SpikeFinderCsv.readColumns(out.resolve("zip.csv"), 0, false);
		assertEquals(List.of("roi1", "roi2", "roi3"), t.labels());
		ImageProcessor first = synth.movie.getStack().getProcessor(1);
		first.setRoi(rois.get(1));
		assertEquals(first.getStatistics().mean, t.column(1)[0], 1e-3);
	}

	@Test
	void aVirtualStackGivesTheSameTracesAsTheLoadedMovie() throws Exception {
		String movie = synthDir.resolve("movie.tif").toString();
		ImagePlus virtual = IJ.openVirtual(movie);
		assertTrue(virtual.getStack().isVirtual());
		List<io.github.calspike.extract.RoiMask> masks = io.github.calspike.extract.ij.RoiInputs.read(
			synthDir.resolve("rois.json"), synth.spec.width, synth.spec.height).masks();
		io.github.calspike.extract.ExtractionConfig c = new io.github.calspike.extract.ExtractionConfig();
		double[][] a = io.github.calspike.extract.RoiExtraction.extract(
			io.github.calspike.extract.ij.ImagePlusFrames.of(virtual), masks, 30, c,
			io.github.calspike.progress.Progress.NONE).result();
		double[][] b = io.github.calspike.extract.RoiExtraction.extract(
			io.github.calspike.extract.ij.ImagePlusFrames.of(synth.movie), masks, 30, c,
			io.github.calspike.progress.Progress.NONE).result();
		for (int i = 0; i < a.length; i++) org.junit.jupiter.api.Assertions.assertArrayEquals(b[i], a[i]);
	}

	@Test
	void badInputsGetAClearErrorAndWriteNothing() throws Exception {
		String movie = "image=" + synthDir.resolve("movie.tif");
		Path csv = out.resolve("x.csv");
		// an unreadable movie
		Path notImage = out.resolve("broken.tif");
		Files.writeString(notImage, "not a tiff");
		expectFailure(List.of("image=" + notImage, "rois=" + synthDir.resolve("rois.json"),
			"output=" + csv), "broken.tif");
		// a JSON file that is not Neurofinder format
		Path json = out.resolve("wrong.json");
		Files.writeString(json, "{\"rois\": []}");
		expectFailure(List.of(movie, "rois=" + json, "output=" + csv), "wrong.json");
		// a label image of another size
		Path labels = out.resolve("small-labels.tif");
		new FileSaver(new ImagePlus("l", new ShortProcessor(10, 10))).saveAsTiff(labels.toString());
		expectFailure(List.of(movie, "rois=" + labels, "output=" + csv), "10x10");
		// a movie with one frame
		Path one = out.resolve("one.tif");
		ImageStack st = new ImageStack(synth.spec.width, synth.spec.height);
		st.addSlice(synth.movie.getStack().getProcessor(1));
		new FileSaver(new ImagePlus("one", st)).saveAsTiff(one.toString());
		expectFailure(List.of("image=" + one, "rois=" + synthDir.resolve("rois.json"), "output=" + csv,
			"framerate=30"), "1 frame");
		// a ROI outside the image is named, skipped, and the rest measured
		Path partly = out.resolve("partly.json");
		List<NeurofinderRegions.Region> r = new ArrayList<>(synth.rois.subList(0, 2));
		r.add(new NeurofinderRegions.Region("far-away", new int[] { 500, 501 }, new int[] { 3, 3 }));
		NeurofinderRegions.write(partly, r);
		assertEquals(0, run("--out", out.resolve("d").toString(), "Extract ROI Traces", movie,
			"rois=" + partly, "dff=false", "output=" + csv), err());
		assertEquals(List.of("1", "2"), SpikeFinderCsv.readColumns(csv, 0, false).labels());
	}

	private void expectFailure(List<String> params, String named) throws Exception {
		stderr.reset();
		Path dir = out.resolve("failed");
		List<String> args = new ArrayList<>(List.of("--out", dir.toString(), "Extract ROI Traces"));
		args.addAll(params);
		assertEquals(1, run(args.toArray(new String[0])), err());
		assertTrue(err().contains(named), "error should name " + named + ": " + err());
		assertEquals(List.of(), files(dir), "nothing may be written");
		assertTrue(!Files.exists(out.resolve("x.csv")), "no CSV may be written");
	}

	private static String[] concat(String[] a, String[] b) {
		String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, c, a.length, b.length);
		return c;
	}
}
