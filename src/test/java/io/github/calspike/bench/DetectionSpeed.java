package io.github.calspike.bench;

import io.github.calspike.detect.DetectionConfig;
import io.github.calspike.detect.NeuronDetector;
import io.github.calspike.extract.ij.ImagePlusFrames;
import io.github.calspike.extract.ij.MovieFiles;
import io.github.calspike.model.NeuronDetectorModel;
import io.github.calspike.nn.Djl;
import io.github.calspike.progress.Progress;

import ij.ImagePlus;

import java.nio.file.Paths;
import java.util.Locale;

/** Time of "Detect Neurons"' work on one movie with the bundled detector, one libtorch thread. */
public final class DetectionSpeed {

	public static void main(String[] args) throws Exception {
		ImagePlus movie = MovieFiles.open(Paths.get(args[0]));
		ImagePlusFrames frames = ImagePlusFrames.of(movie);
		Djl.setThreads(1);
		try (NeuronDetectorModel m = NeuronDetectorModel.bundled()) {
			for (int run = 1; run <= 3; run++) {
				long t0 = System.nanoTime();
				NeuronDetector.Result r = NeuronDetector.detect(frames, m, new DetectionConfig(),
					Progress.NONE);
				System.out.printf(Locale.ROOT, "run %d: %d x %d x %d frames, %d neurons in %.2f s%n", run,
					frames.width(), frames.height(), frames.frames(), r.neurons.size(), (System.nanoTime() -
						t0) / 1e9);
			}
		}
	}
}
