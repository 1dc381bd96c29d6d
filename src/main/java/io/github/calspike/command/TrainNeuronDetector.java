package io.github.calspike.command;

import io.github.calspike.analysis.NeuronMatching;
import io.github.calspike.detect.DetectionConfig;
import io.github.calspike.detect.DetectorInputs;
import io.github.calspike.detect.NeuronDetector;
import io.github.calspike.detect.SummaryImages;
import io.github.calspike.extract.RoiMask;
import io.github.calspike.extract.ij.AnnotatedMovies;
import io.github.calspike.extract.ij.ImagePlusFrames;
import io.github.calspike.extract.ij.MovieFiles;
import io.github.calspike.extract.ij.RoiInputs;
import io.github.calspike.model.ModelFolder;
import io.github.calspike.model.ModelInfo;
import io.github.calspike.nn.Djl;
import io.github.calspike.train.DetectorConfig;
import io.github.calspike.train.DetectorTrainer;
import io.github.calspike.train.TrainingResult;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Trains a neuron detector on the user's movies and their hand-drawn ROIs (RoiSet.zip,
 * Neurofinder JSON or a label image beside each movie), with the training window's Stop (keep
 * the last epoch) and Cancel (discard); the model folder is written atomically.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>CalSpike>Train Neuron Detector")
public class TrainNeuronDetector extends CalSpikeCommand {

	@Parameter(label = "Movie, or folder of movies (TIFF)", style = FileWidget.FILE_AND_DIRECTORY_STYLE,
		persist = false)
	private File movies;
	@Parameter(label = "ROIs of the movie (default: NAME.RoiSet.zip, NAME.zip, NAME.regions.json " +
		"beside it)", style = FileWidget.OPEN_STYLE, required = false, persist = false)
	private File rois;
	@Parameter(label = "Movie held out to score each epoch (file name; optional)", required = false,
		persist = false)
	private String holdout;
	@Parameter(label = "Epochs", min = "1", persist = false)
	private int epochs = DetectorConfig.DEFAULT_EPOCHS;
	@Parameter(label = "Random seed", persist = false)
	private long seed = DetectorConfig.DEFAULT_SEED;
	@Parameter(label = "Threads", min = "1", persist = false)
	private int threads = Djl.DEFAULT_THREADS;
	@Parameter(label = "Model folder to write", style = FileWidget.DIRECTORY_STYLE, persist = false)
	private File model;

	@Override
	public void run() {
		TrainingSession session = null;
		try {
			if (model == null) throw new IllegalArgumentException("model: no output folder given");
			ModelFolder.checkReplaceable(model.toPath(), ModelInfo.NEURON_DETECTOR);
			DetectorConfig cfg = new DetectorConfig().withEpochs(epochs).withSeed(seed).withThreads(
				threads);
			if (movies == null) throw new IllegalArgumentException("movies: no movie or folder given");
			List<AnnotatedMovies.Pair> pairs = AnnotatedMovies.find(movies.toPath(), rois == null ? null
				: rois.toPath(), log::warn);
			List<DetectorTrainer.Image> train = new ArrayList<>();
			List<String> names = new ArrayList<>();
			float[][] heldChannels = null;
			double[][] heldTruth = null;
			int[] heldSize = null;
			for (AnnotatedMovies.Pair p : pairs) {
				ImagePlus imp = MovieFiles.open(p.movie);
				ImagePlusFrames frames = ImagePlusFrames.of(imp);
				String name = p.movie.getFileName().toString();
				SummaryImages s = SummaryImages.of(frames, StatusProgress.of(status, "Summarising " + name +
					": frame"));
				List<RoiMask> truth = RoiInputs.read(p.rois, s.width, s.height).masks();
				if (truth.isEmpty()) throw new IllegalArgumentException(p.rois + ": holds no ROIs");
				log.info(name + ": " + truth.size() + " annotated neurons from " + p.rois.getFileName());
				if (holdout != null && !holdout.isBlank() && name.equals(holdout.trim())) {
					heldChannels = DetectorInputs.channels(s);
					heldTruth = truth.stream().map(RoiMask::centroid).toArray(double[][]::new);
					heldSize = new int[] { s.width, s.height };
					continue;
				}
				train.add(new DetectorTrainer.Image(DetectorInputs.channels(s), DetectorInputs.targets(
					truth, s.width, s.height), s.width, s.height));
				names.add(name + " + " + p.rois.getFileName());
			}
			if (holdout != null && !holdout.isBlank() && heldChannels == null) {
				throw new IllegalArgumentException("holdout: no movie named '" + holdout + "' among " + pairs
					.stream().map(p -> p.movie.getFileName().toString()).collect(Collectors.joining(", ")));
			}
			if (train.isEmpty()) throw new IllegalArgumentException("no movie left to train on");
			status.clearStatus();
			session = TrainingSession.start(outputs, status, log, "Train Neuron Detector", heldChannels ==
				null ? "F1 (none held out)" : "held-out F1", cfg.epochs());
			float[][] hc = heldChannels;
			double[][] ht = heldTruth;
			int[] hs = heldSize;
			DetectionConfig dc = new DetectionConfig();
			TrainingResult r = DetectorTrainer.train(train, cfg, hc == null ? null : maps -> NeuronMatching
				.score(ht, NeuronDetector.instances(NeuronDetector.maps(hc, hs[0], hs[1], maps, dc), hs[0],
					hs[1], dc).centroids(), hs[0], hs[1]).f1(), session.progress(), session.stop());
			String unsaved = session.unsaved(r);
			if (unsaved != null) {
				cancel(unsaved);
				return;
			}
			ModelFolder.write(model.toPath(), DetectorModels.info(cfg, r, DetectorInputs.CHANNELS,
				DetectorInputs.TARGETS, names, dc.threshold(), dc.minArea(), dc.maxRadius()), r
					.parameters());
			log.info("Detector written to " + model);
			session.finished("Done. Detector written to " + model);
		}
		catch (IOException | IllegalArgumentException | CancellationException e) {
			if (session != null) session.finished("Failed: " + e.getMessage());
			cancel(e.getMessage());
		}
		finally {
			status.clearStatus();
		}
	}
}
