package io.github.calspike.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import io.github.calspike.analysis.NeuronMatching;
import io.github.calspike.detect.DetectionConfig;
import io.github.calspike.detect.DetectorInputs;
import io.github.calspike.detect.NeuronDetector;
import io.github.calspike.detect.SummaryImages;
import io.github.calspike.extract.RoiMask;
import io.github.calspike.extract.ij.ImagePlusFrames;
import io.github.calspike.extract.ij.MovieFiles;
import io.github.calspike.extract.ij.RoiInputs;
import io.github.calspike.nn.Djl;
import io.github.calspike.nn.Parameters;
import io.github.calspike.nn.PixelMaps;
import io.github.calspike.nn.UNetBlock;
import io.github.calspike.nn.UNetMaps;
import io.github.calspike.progress.Progress;
import io.github.calspike.train.DetectorConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Post-processing variants of the detector on the fold models that DetectorCrossValidation saved
 * (DIR/detector-cv-seed{S}-fold{F}.params, default network): each variant's held-out F1 per fold
 * and seed, and the averaged maps of two seeds. Args: DIR DATA SEED...
 */
public final class DetectorVariants {

	public static void main(String[] args) throws Exception {
		Path dir = Paths.get(args[0]), data = Paths.get(args[1]);
		List<Long> seeds = new ArrayList<>();
		for (int i = 2; i < args.length; i++) seeds.add(Long.parseLong(args[i]));
		DetectionConfig base = new DetectionConfig();
		String[] names = { "smallest neuron 10 px, no averaging", "smallest neuron 5 px, no averaging",
			"5 px, symmetries averaged (default)", "5 px, averaged, cell floor 0.4",
			"5 px, seeds averaged", "5 px, seeds and symmetries averaged" };
		DetectionConfig plain = base.withAverageSymmetries(false);
		DetectionConfig[] configs = { plain.withMinArea(10), plain, base, base.withCellFloor(0.4) };
		double[][] f1 = new double[names.length][seeds.size() + 1];
		StringBuilder perFold = new StringBuilder();
		try (NDManager m = Djl.engine().newBaseManager()) {
			for (int fold = 0; fold < 3; fold++) {
				String crop = DetectionBenchmark.CROPS[fold];
				SummaryImages s = SummaryImages.of(ImagePlusFrames.of(MovieFiles.open(data.resolve(crop +
					".tif"))), Progress.NONE);
				float[][] ch = DetectorInputs.channels(s);
				double[][] truth = RoiInputs.read(data.resolve(crop + ".regions.json"), s.width, s.height)
					.masks().stream().map(RoiMask::centroid).toArray(double[][]::new);
				List<PixelMaps> nets = new ArrayList<>();
				for (long seed : seeds) {
					nets.add(network(m, new DetectorConfig(), Files.readAllBytes(dir.resolve("detector-cv-seed" + seed + "-fold" +
						fold + ".params"))));
				}
				perFold.append(crop);
				for (int v = 0; v < names.length; v++) {
					for (int k = 0; k < (v < 4 ? seeds.size() : 1); k++) {
						PixelMaps net = v < 4 ? nets.get(k) : mean(nets);
						DetectionConfig cfg = v < 4 ? configs[v] : v == 4 ? plain : base;
						double f = NeuronMatching.score(truth, NeuronDetector.instances(NeuronDetector.maps(ch,
							s.width, s.height, net, cfg), s.width, s.height, cfg).centroids(), s.width, s.height)
							.f1();
						f1[v][k] += f / 3;
						perFold.append(String.format(Locale.ROOT, " | v%d%s %.3f", v + 1, v < 4 ? " seed " + seeds
							.get(k) : "", f));
					}
				}
				perFold.append('\n');
			}
		}
		System.out.print(perFold);
		for (int v = 0; v < names.length; v++) {
			StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "v%d %-40s", v + 1,
				names[v]));
			double all = 0;
			int n = v < 4 ? seeds.size() : 1;
			for (int k = 0; k < n; k++) {
				line.append(String.format(Locale.ROOT, " %s %.3f", v < 4 ? "seed " + seeds.get(k) : "mean",
					f1[v][k]));
				all += f1[v][k] / n;
			}
			if (v < 4) line.append(String.format(Locale.ROOT, " mean %.3f", all));
			System.out.println(line);
		}
	}

	/** @return the network of {@code cfg} with saved parameters, predicting in {@code m} */
	static PixelMaps network(NDManager m, DetectorConfig cfg, byte[] params) throws Exception {
		UNetBlock block = cfg.block(DetectorInputs.TARGETS.size());
		block.initialize(m, DataType.FLOAT32, new Shape(1, DetectorInputs.CHANNELS.size(), 64, 64));
		Parameters.load(block, m, params);
		return (ch, w, h) -> UNetMaps.predict(block, m, ch, w, h);
	}

	private static PixelMaps mean(List<PixelMaps> nets) {
		return (ch, w, h) -> {
			float[][] sum = null;
			for (PixelMaps n : nets) {
				float[][] p = n.predict(ch, w, h);
				if (sum == null) sum = new float[p.length][p[0].length];
				for (int k = 0; k < p.length; k++) {
					for (int i = 0; i < p[k].length; i++) sum[k][i] += p[k][i] / nets.size();
				}
			}
			return sum;
		};
	}
}
