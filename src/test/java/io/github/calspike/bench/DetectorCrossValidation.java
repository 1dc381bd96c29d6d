package io.github.calspike.bench;

import io.github.calspike.analysis.NeuronMatching;
import io.github.calspike.detect.Detection;
import io.github.calspike.detect.DetectionConfig;
import io.github.calspike.detect.DetectorInputs;
import io.github.calspike.detect.NeuronDetector;
import io.github.calspike.detect.SummaryImages;
import io.github.calspike.extract.RoiList;
import io.github.calspike.extract.ij.ImagePlusFrames;
import io.github.calspike.extract.ij.MovieFiles;
import io.github.calspike.extract.ij.RoiInputs;
import io.github.calspike.nn.PixelMaps;
import io.github.calspike.progress.Progress;
import io.github.calspike.train.DetectorConfig;
import io.github.calspike.train.DetectorTrainer;
import io.github.calspike.train.EpochResult;
import io.github.calspike.train.StopSignal;
import io.github.calspike.train.TrainingProgress;
import io.github.calspike.train.TrainingResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cross-validation of the neuron detector over the three Neurofinder crops: train on two, score
 * the third, for each held-out crop; -Dfold=0|1|2 for one fold, -Depochs, -Dseed, -Dsave=FILE.
 */
public final class DetectorCrossValidation {

	public static void main(String[] args) throws Exception {
		Path dir = Paths.get(System.getProperty("data", "../shared/data/neurofinder"));
		int fold = Integer.getInteger("fold", 0);
		DetectorConfig cfg = new DetectorConfig().withEpochs(Integer.getInteger("epochs",
			DetectorConfig.DEFAULT_EPOCHS)).withSeed(Long.getLong("seed", 1)).withBatches(Integer
				.getInteger("batches", DetectorConfig.DEFAULT_BATCHES)).withNetwork(Integer.getInteger(
					"filters", 16), Integer.getInteger("levels", 3)).withTiles(Integer.getInteger("batchsize", 8),
						Integer.getInteger("tile", 64)).withCentreWeight(Double.parseDouble(System.getProperty(
							"centreweight", "4")));
		List<DetectorTrainer.Image> train = new ArrayList<>();
		float[][] heldChannels = null;
		double[][] heldTruth = null;
		for (int c = 0; c < 3; c++) {
			String crop = DetectionBenchmark.CROPS[c];
			SummaryImages s = SummaryImages.of(ImagePlusFrames.of(MovieFiles.open(dir.resolve(crop +
				".tif"))), Progress.NONE);
			RoiList truth = RoiInputs.read(dir.resolve(crop + ".regions.json"), s.width, s.height);
			if (c == fold) {
				heldChannels = DetectorInputs.channels(s);
				heldTruth = new double[truth.masks().size()][];
				for (int k = 0; k < heldTruth.length; k++) heldTruth[k] = truth.masks().get(k).centroid();
			}
			else {
				train.add(new DetectorTrainer.Image(DetectorInputs.channels(s), DetectorInputs.targets(truth
					.masks(), s.width, s.height), s.width, s.height));
			}
		}
		float[][] ch = heldChannels;
		double[][] truth = heldTruth;
		System.out.println("fold " + fold + " (" + DetectionBenchmark.CROPS[fold] + " held out): " + cfg);
		double[] thresholds = { 0.15, 0.2, 0.3, 0.4, 0.5, 0.6 };
		TrainingResult r = DetectorTrainer.train(train, cfg, maps -> f1(maps, ch, truth, 0.3, false),
			TrainingProgress.onEpoch(e -> {
					System.out.printf(Locale.ROOT, "epoch %d loss %.4f held-out F1@0.3 %.3f %.1f s (%.1f tiles/s)%n",
						e.epoch(), e.trainLoss(), e.validationScore(), e.seconds(), e.throughput());
				}), new StopSignal());
		String save = System.getProperty("save");
		if (save != null) Files.write(Paths.get(save), r.parameters());
		// final scores over thresholds, with the trained parameters
		try (ai.djl.ndarray.NDManager m = io.github.calspike.nn.Djl.engine().newBaseManager()) {
			PixelMaps maps = DetectorVariants.network(m, cfg, r.parameters());
			for (double t : thresholds) f1(maps, ch, truth, t, true);
			DetectionConfig plain = new DetectionConfig().withAverageSymmetries(false);
			NeuronMatching.Result p = NeuronMatching.score(truth, NeuronDetector.instances(NeuronDetector
				.maps(ch, 256, 256, maps, plain), 256, 256, plain).centroids(), 256, 256);
			System.out.printf(Locale.ROOT, "threshold 0.30 without symmetry averaging: F1 %.3f (%d detected)%n",
				p.f1(), p.detected);
		}
	}

	static double f1(PixelMaps maps, float[][] ch, double[][] truth, double threshold, boolean print) {
		DetectionConfig cfg = new DetectionConfig().withThreshold(threshold);
		// per-epoch scores without the symmetry averaging (8 x faster); final scores with both
		if (!print) cfg = cfg.withAverageSymmetries(false);
		Detection d = NeuronDetector.instances(NeuronDetector.maps(ch, 256, 256, maps, cfg), 256, 256,
			cfg);
		NeuronMatching.Result r = NeuronMatching.score(truth, d.centroids(), 256, 256);
		if (print) System.out.printf(Locale.ROOT, "threshold %.2f: P %.3f R %.3f F1 %.3f (%d detected, %d truth)%n",
			threshold, r.precision(), r.recall(), r.f1(), r.detected, r.truth);
		return r.f1();
	}
}
