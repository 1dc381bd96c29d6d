package io.github.calspike.command;

import io.github.calspike.analysis.NeuronMatching;
import io.github.calspike.detect.Detection;
import io.github.calspike.detect.DetectionConfig;
import io.github.calspike.detect.DetectorInputs;
import io.github.calspike.detect.NeuronDetector;
import io.github.calspike.extract.FrameSource;
import io.github.calspike.extract.RoiList;
import io.github.calspike.extract.RoiMask;
import io.github.calspike.extract.ij.RoiInputs;
import io.github.calspike.model.ModelInfo;
import io.github.calspike.model.NeuronDetectorModel;
import io.github.calspike.progress.Progress;
import io.github.calspike.register.RegisteredFrames;
import io.github.calspike.register.Registration;
import io.github.calspike.register.RegistrationConfig;

import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;
import java.util.List;

import org.scijava.log.LogService;

/**
 * What "Detect Neurons" and "Analyze Calcium Movie" share: optional registration, the detector
 * (bundled or from a folder), the tables of detected neurons and scores against a truth file.
 */
final class NeuronDetection {

	final FrameSource frames;
	final NeuronDetector.Result result;

	private NeuronDetection(FrameSource frames, NeuronDetector.Result result) {
		this.frames = frames;
		this.result = result;
	}

	/** @return {@code frames} seen through the shifts that Register Movie's method measures */
	static FrameSource registered(FrameSource frames, String title, int maxShift, LogService log,
		Progress progress)
	{
		RegistrationConfig rc = new RegistrationConfig().withMaxShift(maxShift);
		log.info("Correcting the motion of '" + title + "' first: " + rc);
		Registration.Result shifts = Registration.estimate(frames, rc, progress);
		return new RegisteredFrames(frames, shifts);
	}

	/**
	 * Detects the neurons of a movie.
	 *
	 * @param model a detector folder, or null for the bundled one
	 * @param threshold smallest centre peak; 0 for the model's own
	 */
	static NeuronDetection run(FrameSource frames, String title, File model, double threshold,
		LogService log, Progress progress) throws IOException
	{
		try (NeuronDetectorModel m = model == null ? NeuronDetectorModel.bundled() : NeuronDetectorModel
			.open(model.toPath()))
		{
			m.checkChannels(DetectorInputs.CHANNELS);
			ModelInfo.Detector d = m.info().detector;
			DetectionConfig cfg = new DetectionConfig().withThreshold(threshold > 0 ? threshold
				: d.threshold).withMinArea(Math.max(1, d.minArea)).withMaxRadius(Math.max(1, d.maxRadius));
			log.info("Detecting neurons in '" + title + "' with " + m.source() + ": " + cfg);
			NeuronDetector.Result r = NeuronDetector.detect(frames, m, cfg, progress);
			log.info(r.neurons.size() + " neurons detected in '" + title + "'");
			return new NeuronDetection(frames, r);
		}
	}

	/** @return the truth ROIs of {@code file}, for the frame size of the detection */
	List<RoiMask> truth(File file) throws IOException {
		RoiList t = RoiInputs.read(file.toPath(), frames.width(), frames.height());
		return t.masks();
	}

	/** @return the score against {@code truth} */
	NeuronMatching.Result score(List<RoiMask> truth) {
		double[][] c = new double[truth.size()][];
		for (int k = 0; k < c.length; k++) c[k] = truth.get(k).centroid();
		return NeuronMatching.score(c, result.neurons.centroids(), frames.width(), frames.height());
	}

	/**
	 * @param score the match against truth, or null
	 * @return the table "Detected neurons": neuron, x, y (centroid, px), area (px), score, and
	 *         with truth, matched (the truth ROI's number, 0 for none, -1 when left out at the edge)
	 */
	ResultsTable neuronTable(NeuronMatching.Result score) {
		Detection d = result.neurons;
		double[][] c = d.centroids();
		ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		for (int k = 0; k < d.size(); k++) {
			t.addRow();
			t.addValue("neuron", d.masks().get(k).name());
			t.addValue("x", c[k][0]);
			t.addValue("y", c[k][1]);
			t.addValue("area", d.masks().get(k).size());
			t.addValue("score", d.score(k));
			if (score != null) {
				t.addValue("matched", !score.scoredDetected[k] ? -1 : score.matchOfDetected[k] + 1);
			}
		}
		if (d.size() == 0) {
			// no neuron: keep the columns, so the table (and its CSV) still says what it would hold
			t.addRow();
			t.addValue("neuron", "");
			for (String col : score == null ? new String[] { "x", "y", "area", "score" } : new String[] {
				"x", "y", "area", "score", "matched" }) t.addValue(col, 0);
			t.deleteRow(0);
		}
		return t;
	}

	/** @return the table "Detection scores": one row of the Neurofinder metric */
	static ResultsTable scoreTable(String movie, NeuronMatching.Result s) {
		ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		t.addRow();
		t.addValue("movie", movie);
		t.addValue("truth", s.truth);
		t.addValue("detected", s.detected);
		t.addValue("matches", s.matches);
		t.addValue("precision", s.precision());
		t.addValue("recall", s.recall());
		t.addValue("F1", s.f1());
		return t;
	}
}
