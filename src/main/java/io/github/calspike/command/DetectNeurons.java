package io.github.calspike.command;

import io.github.calspike.analysis.NeuronMatching;
import io.github.calspike.extract.FrameSource;
import io.github.calspike.extract.RoiMask;
import io.github.calspike.extract.ij.ImagePlusFrames;
import io.github.calspike.extract.ij.RoiOutputs;
import io.github.calspike.extract.ij.RoiOverlays;
import io.github.calspike.register.RegistrationConfig;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Finds the neurons of a movie with the detector network (bundled, or trained with "Train Neuron
 * Detector"), optionally after motion correction; writes them by the extension of {@code output}
 * (.zip RoiSet, .json Neurofinder, .tif labels) and lists them in "Detected neurons".
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>CalSpike>Detect Neurons")
public class DetectNeurons extends CalSpikeCommand {

	/**
	 * The default output beside NAME: not NAME.RoiSet.zip, which may hold the user's hand-drawn
	 * ROIs (Train Neuron Detector reads them there).
	 */
	static final String DEFAULT_SUFFIX = ".detected.RoiSet.zip";

	@Parameter(label = "Movie (image or file)", persist = false)
	private ImagePlus image;
	@Parameter(label = "ROIs to write (.zip RoiSet, .json Neurofinder, .tif labels)",
		style = FileWidget.SAVE_STYLE, required = false, persist = false)
	private File output;
	@Parameter(label = "Detector folder (default: bundled)", style = FileWidget.DIRECTORY_STYLE,
		required = false, persist = false)
	private File model;
	@Parameter(label = "Correct motion first", persist = false)
	private boolean register = false;
	@Parameter(label = "Largest shift (px)", min = "1", persist = false)
	private int maxshift = RegistrationConfig.DEFAULT_MAX_SHIFT;
	@Parameter(label = "Centre threshold (0 = the detector's)", min = "0", max = "0.99",
		persist = false)
	private double threshold = 0;
	@Parameter(label = "True ROIs to score against (optional)", style = FileWidget.OPEN_STYLE,
		required = false, persist = false)
	private File truth;

	@Override
	public void run() {
		try {
			if (image == null) throw new IllegalArgumentException("image: no movie given");
			Path out = outputPath();
			if (out != null) {
				RoiOutputs.checkExtension(out);
				Inputs.refuseInputs("output", out, Inputs.inputs("image", MovieTraces.sourceFile(image),
					"truth", truth, "model", model));
			}
			FrameSource frames = ImagePlusFrames.of(image);
			if (register) frames = NeuronDetection.registered(frames, image.getTitle(), maxshift, log,
				StatusProgress.of(status, "Correcting motion"));
			NeuronDetection d = NeuronDetection.run(frames, image.getTitle(), model, threshold, log,
				StatusProgress.of(status, "Detecting neurons"));
			List<RoiMask> masks = d.result.neurons.masks();
			List<RoiMask> truthRois = truth == null ? null : d.truth(truth);
			NeuronMatching.Result score = truthRois == null ? null : d.score(truthRois);
			if (out != null && masks.isEmpty()) {
				log.warn("No neurons detected in '" + image.getTitle() + "'; nothing written to " + out +
					" (a lower threshold, more frames, or a detector trained on such movies may find some)");
			}
			else if (out != null) {
				RoiOutputs.write(out, masks, d.frames.width(), d.frames.height());
				log.info(masks.size() + " neurons written to " + out);
			}
			status.clearStatus();
			outputs.table("Detected neurons", d.neuronTable(score));
			String stem = MovieTraces.stem(image);
			if (score != null) {
				log.info(String.format(Locale.ROOT, "Against %s: precision %.3f, recall %.3f, F1 %.3f " +
					"(%d of %d true neurons found, %d detected)", truth.getName(), score.precision(), score
						.recall(), score.f1(), score.matches, score.truth, score.detected));
				outputs.table("Detection scores", NeuronDetection.scoreTable(stem, score));
			}
			if (outputs.isInteractive()) show(masks);
			else outputs.image(RoiOverlays.comparison("Detected neurons on " + stem, d.result.summaries
				.mean, d.frames.width(), d.frames.height(), masks, truthRois));
		}
		catch (IOException | IllegalArgumentException | CancellationException e) {
			status.clearStatus();
			cancel(e.getMessage());
		}
	}

	private Path outputPath() {
		if (output != null) return output.toPath();
		Path dir = outputs.outputFolder();
		return dir == null ? null : dir.resolve(MovieTraces.stem(image) + DEFAULT_SUFFIX);
	}

	private void show(List<RoiMask> masks) {
		RoiManager rm = RoiManager.getRoiManager();
		// never clear what the user has there: the detected ROIs are added after it
		if (rm.getCount() > 0) log.info("The ROI Manager holds " + rm.getCount() + " ROIs; the " + masks
			.size() + " detected ones are added after them");
		for (Roi r : RoiOutputs.rois(masks)) rm.addRoi(r);
		image.setOverlay(RoiOverlays.overlay(masks, null, 1));
		if (image.getWindow() == null) image.show();
	}
}
