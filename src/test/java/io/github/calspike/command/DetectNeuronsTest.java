package io.github.calspike.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.extract.RoiList;
import io.github.calspike.extract.RoiMask;
import io.github.calspike.extract.SyntheticMovie;
import io.github.calspike.extract.ij.MovieFiles;
import io.github.calspike.extract.ij.RoiInputs;
import io.github.calspike.ui.OutputService;

import ij.gui.Roi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * "Train Neuron Detector" on one synthetic movie, then "Detect Neurons" with that detector on
 * another (other neurons, other seed), as a user runs them; and the bundled detector on the
 * bundled real crop.
 */
class DetectNeuronsTest {

	@TempDir
	static Path dir;
	static Context context;
	static Path movie, truth, detector;

	@BeforeAll
	static void start() throws Exception {
		context = new Context();
		context.service(OutputService.class).setOutputFolder(dir.resolve("out"));
		Path training = synthetic(11, "training");
		movie = synthetic(12, "movie");
		truth = dir.resolve("movie/rois.json");
		detector = dir.resolve("detector");
		CommandModule c = run(TrainNeuronDetector.class, "movies", training.toFile(), "rois", dir
			.resolve("training/rois.json").toFile(), "epochs", 4, "model", detector.toFile());
		assertFalse(c.isCanceled(), c.getCancelReason());
		assertTrue(Files.readString(detector.resolve("model.json")).contains("\"neuron-detector\""));
	}

	/** @return a 128 x 112 movie of 14 neurons at 7.5 Hz, with its ROIs in rois.json beside it */
	static Path synthetic(long seed, String name) throws Exception {
		SyntheticMovie.Spec spec = new SyntheticMovie.Spec();
		spec.width = 128;
		spec.height = 112;
		spec.frames = 400;
		spec.neurons = 14;
		spec.rateHz = 7.5;
		spec.spikeRateHz = 0.5;
		spec.seed = seed;
		SyntheticMovie.generate(spec).write(dir.resolve(name));
		return dir.resolve(name + "/movie.tif");
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	static CommandModule run(Class<? extends Command> c, Object... inputs) throws Exception {
		return context.service(CommandService.class).run(c, true, inputs).get();
	}

	static List<String> csv(String table) throws Exception {
		return Files.readAllLines(dir.resolve("out/" + table + ".csv"));
	}

	@Test
	void findsTheSimulatedNeuronsAndWritesRoisThatRoundTrip() throws Exception {
		Path zip = dir.resolve("found.zip");
		CommandModule c = run(DetectNeurons.class, "image", MovieFiles.open(movie), "output", zip
			.toFile(), "truth", truth.toFile(), "model", detector.toFile());
		assertFalse(c.isCanceled(), c.getCancelReason());
		List<String> scores = csv("Detection scores");
		assertEquals("movie,truth,detected,matches,precision,recall,F1", scores.get(0));
		String[] s = scores.get(1).split(",");
		double recall = Double.parseDouble(s[5]), precision = Double.parseDouble(s[4]);
		assertTrue(recall >= 0.9, "found " + s[3] + " of " + s[1] + " simulated neurons within 5 px");
		assertTrue(precision >= 0.7, "precision " + precision + " (" + s[2] + " detected)");
		List<String> table = csv("Detected neurons");
		assertEquals("neuron,x,y,area,score,matched", table.get(0));
		int n = table.size() - 1;
		// the RoiSet opens in ImageJ, one ROI per table row, named 1..N
		List<Roi> rois = RoiInputs.readRoiSet(zip);
		assertEquals(n, rois.size());
		for (int k = 0; k < n; k++) assertEquals(String.valueOf(k + 1), rois.get(k).getName());
		// ... and gives the same pixels as the table's areas, also through the JSON and label outputs
		RoiList fromZip = RoiInputs.read(zip, 128, 112);
		for (String ext : new String[] { ".json", ".tif" }) {
			Path out = dir.resolve("found" + ext);
			c = run(DetectNeurons.class, "image", MovieFiles.open(movie), "output", out.toFile(), "model",
				detector.toFile());
			assertFalse(c.isCanceled(), c.getCancelReason());
			RoiList back = RoiInputs.read(out, 128, 112);
			assertEquals(n, back.masks().size(), ext);
			for (int k = 0; k < n; k++) {
				RoiMask a = fromZip.masks().get(k), b = back.masks().get(k);
				assertEquals(a.size(), b.size(), ext + " ROI " + (k + 1));
				assertEquals(List.of(a.indices().length), List.of(b.indices().length));
				assertTrue(java.util.Arrays.equals(a.indices(), b.indices()), ext + " ROI " + (k + 1));
				assertEquals(Integer.parseInt(table.get(k + 1).split(",")[3]), a.size());
			}
		}
		// round trip through Extract ROI Traces
		c = run(ExtractRoiTraces.class, "image", MovieFiles.open(movie), "rois", zip.toFile(),
			"framerate", 7.5);
		assertFalse(c.isCanceled(), c.getCancelReason());
		List<String> summary = csv("ROI summary");
		assertEquals(n + 1, summary.size());
		int pixels = List.of(summary.get(0).split(",")).indexOf("pixels");
		for (int k = 0; k < n; k++) {
			assertEquals(table.get(k + 1).split(",")[3], summary.get(k + 1).split(",")[pixels],
				"ROI " + (k + 1) + " is measured on the pixels it was detected with");
		}
		assertTrue(Files.exists(dir.resolve("out/Detected neurons on movie.png")));
	}

	@Test
	void analyzeCalciumMovieDetectsWhenNoRoisAreGiven() throws Exception {
		Path out = dir.resolve("analysis");
		CommandModule c = run(AnalyzeCalciumMovie.class, "image", MovieFiles.open(movie), "output", out
			.toFile(), "register", true, "detector", detector.toFile());
		assertFalse(c.isCanceled(), c.getCancelReason());
		List<String> summary = csv("ROI summary");
		int n = summary.size() - 1;
		assertTrue(n >= 12 && n <= 18, n + " ROIs detected for 14 simulated neurons");
		assertTrue(Files.exists(out.resolve("movie.spikes.csv")));
	}

	@Test
	void theBundledDetectorFindsTheHandDrawnNeuronsOfTheBundledCrop() throws Exception {
		// a crop the bundled detector was trained on: this checks that the shipped model loads and
		// works on real pixels; held-out scores are in BENCHMARKS.md
		Path crop = Path.of("test-data/neurofinder/neurofinder-crop-96");
		CommandModule c = run(DetectNeurons.class, "image", MovieFiles.open(Path.of(crop + ".tif")),
			"truth", Path.of(crop + ".regions.json").toFile(), "output", dir.resolve("crop.json").toFile());
		assertFalse(c.isCanceled(), c.getCancelReason());
		String[] s = csv("Detection scores").get(1).split(",");
		assertTrue(Double.parseDouble(s[6]) >= 0.6, "F1 " + s[6] + " on the crop (" + s[3] + " of " +
			s[1] + " found, " + s[2] + " detected)");
	}

	@Test
	void aMovieWithoutNeuronsGivesAnEmptyTableAndNoFile() throws Exception {
		ij.ImageStack noise = new ij.ImageStack(40, 32);
		java.util.Random rnd = new java.util.Random(3);
		for (int t = 0; t < 50; t++) {
			ij.process.FloatProcessor fp = new ij.process.FloatProcessor(40, 32);
			for (int i = 0; i < 40 * 32; i++) fp.setf(i, (float) (100 + 10 * rnd.nextGaussian()));
			noise.addSlice(fp);
		}
		Path out = dir.resolve("none.zip");
		CommandModule c = run(DetectNeurons.class, "image", new ij.ImagePlus("noise", noise), "output",
			out.toFile(), "model", detector.toFile());
		assertFalse(c.isCanceled(), c.getCancelReason());
		assertEquals(List.of("neuron,x,y,area,score"), csv("Detected neurons"), "no neuron in white noise, " +
			"and the columns are still named");
		assertFalse(Files.exists(out), "no empty RoiSet that no reader takes");
	}

	@Test
	void refusesOutputsThatWouldLoseAFileOrThatItCannotWrite() throws Exception {
		long before = Files.size(movie);
		CommandModule c = run(DetectNeurons.class, "image", MovieFiles.open(movie), "output", movie
			.toFile());
		assertTrue(c.isCanceled());
		assertTrue(c.getCancelReason().contains("output"), c.getCancelReason());
		assertEquals(before, Files.size(movie));
		Path csv = dir.resolve("neurons.csv");
		c = run(DetectNeurons.class, "image", MovieFiles.open(movie), "output", csv.toFile());
		assertTrue(c.isCanceled());
		assertTrue(c.getCancelReason().contains(".zip"), c.getCancelReason());
		assertFalse(Files.exists(csv));
		c = run(DetectNeurons.class, "image", MovieFiles.open(movie), "output", dir.resolve("x.zip")
			.toFile(), "model", dir.resolve("movie").toFile());
		assertTrue(c.isCanceled());
		assertTrue(c.getCancelReason().contains("model.json"), c.getCancelReason());
		assertFalse(Files.exists(dir.resolve("x.zip")));
	}

	@Test
	void exportRoisWritesALabelImageAsNeurofinderJson() throws Exception {
		ij.process.ShortProcessor sp = new ij.process.ShortProcessor(30, 20);
		for (int y = 2; y < 6; y++) for (int x = 3; x < 8; x++) sp.set(x, y, 1);
		for (int y = 10; y < 15; y++) for (int x = 20; x < 23; x++) sp.set(x, y, 2);
		Path labels = dir.resolve("labels.tif");
		assertTrue(new ij.io.FileSaver(new ij.ImagePlus("labels", sp)).saveAsTiff(labels.toString()));
		Path json = dir.resolve("labels.json");
		CommandModule c = run(ExportRois.class, "rois", labels.toFile(), "output", json.toFile());
		assertFalse(c.isCanceled(), c.getCancelReason());
		List<io.github.calspike.extract.NeurofinderRegions.Region> r =
			io.github.calspike.extract.NeurofinderRegions.read(json);
		assertEquals(2, r.size());
		assertEquals(20, r.get(0).xs().length);
		assertEquals(15, r.get(1).xs().length);
		assertEquals(10, r.get(1).ys()[0]);
		assertEquals(20, r.get(1).xs()[0]);
		assertTrue(Files.readString(json).contains("[10,20]"), "coordinates are [row, col]");
		c = run(ExportRois.class, "rois", labels.toFile(), "output", labels.toFile());
		assertTrue(c.isCanceled(), "refuses to overwrite its input");
	}

	@Test
	void exportRoisBringsSuite2pCellsToARoiSet() throws Exception {
		Path fall = io.github.calspike.extract.Suite2pRoisTest.fall(dir.resolve("Fall.mat"));
		Path zip = dir.resolve("suite2p.RoiSet.zip");
		CommandModule c = run(ExportRois.class, "rois", fall.toFile(), "output", zip.toFile());
		assertFalse(c.isCanceled(), c.getCancelReason());
		List<Roi> rois = RoiInputs.readRoiSet(zip);
		assertEquals(List.of("0", "2"), rois.stream().map(Roi::getName).collect(java.util.stream
			.Collectors.toList()), "suite2p's cells, by their suite2p index");
		RoiList back = RoiInputs.read(zip, 64, 64), direct = RoiInputs.read(fall, 64, 64);
		for (int k = 0; k < 2; k++) {
			assertTrue(java.util.Arrays.equals(direct.masks().get(k).indices(), back.masks().get(k)
				.indices()), "ROI " + k + " keeps its pixels");
		}
		assertEquals(4, back.masks().get(1).size());
	}

	@Test
	void trainsOnAFolderOfMoviesScoringTheHeldOutOneAndRefusesAFolderItWouldEmpty() throws Exception {
		Path folder = dir.resolve("annotated");
		Files.createDirectories(folder);
		for (String name : new String[] { "a", "b" }) {
			Path m = synthetic(name.equals("a") ? 21 : 22, "src-" + name);
			Files.copy(m, folder.resolve(name + ".tif"));
			Files.copy(m.resolveSibling("rois.json"), folder.resolve(name + ".regions.json"));
		}
		Files.writeString(folder.resolve("notes.txt"), "not a movie");
		Path model = dir.resolve("folder-detector");
		CommandModule c = run(TrainNeuronDetector.class, "movies", folder.toFile(), "holdout", "b.tif",
			"epochs", 1, "model", model.toFile());
		assertFalse(c.isCanceled(), c.getCancelReason());
		String json = Files.readString(model.resolve("model.json"));
		assertTrue(json.contains("\"validationF1\""), "the held-out movie is scored each epoch");
		assertTrue(json.contains("a.tif + a.regions.json") && !json.contains("b.tif +"),
			"trained on a only: " + json);
		// a folder holding other files is never emptied to make room for a model
		c = run(TrainNeuronDetector.class, "movies", folder.toFile(), "epochs", 1, "model", folder
			.toFile());
		assertTrue(c.isCanceled());
		assertTrue(Files.exists(folder.resolve("notes.txt")) && Files.exists(folder.resolve("a.tif")));
		c = run(TrainNeuronDetector.class, "movies", folder.toFile(), "holdout", "c.tif", "model", dir
			.resolve("x").toFile());
		assertTrue(c.isCanceled());
		assertTrue(c.getCancelReason().contains("a.tif, b.tif"), c.getCancelReason());
	}
}
