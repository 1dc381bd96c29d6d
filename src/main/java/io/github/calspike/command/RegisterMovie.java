package io.github.calspike.command;

import io.github.calspike.extract.ij.ImagePlusFrames;
import io.github.calspike.extract.ij.MovieFiles;
import io.github.calspike.extract.ij.MovieWriter;
import io.github.calspike.plot.MotionPlots;
import io.github.calspike.progress.Progress;
import io.github.calspike.register.Registration;
import io.github.calspike.register.RegistrationConfig;
import io.github.calspike.register.Shifts;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Rigid motion correction of a 2-D + time movie against a reference made from the movie itself
 * (phase correlation, sub-pixel). Gives the table "Frame shifts", a plot of them, and the
 * registered movie as a TIFF stack written atomically; virtual stacks are streamed.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>CalSpike>Register Movie")
public class RegisterMovie extends CalSpikeCommand {

	@Parameter(label = "Movie (image or file)", persist = false)
	private ImagePlus image;
	@Parameter(label = "Registered movie (TIFF)", style = FileWidget.SAVE_STYLE, required = false,
		persist = false)
	private File output;
	@Parameter(label = "Largest shift (px)", min = "1", persist = false)
	private int maxshift = RegistrationConfig.DEFAULT_MAX_SHIFT;
	@Parameter(label = "Reference", choices = { "iterative", "mean of first N frames" },
		persist = false)
	private String reference = RegistrationConfig.DEFAULT_REFERENCE.label;
	@Parameter(label = "Frames in the reference (N)", min = "1", persist = false)
	private int referenceframes = RegistrationConfig.DEFAULT_REFERENCE_FRAMES;

	@Override
	public void run() {
		try {
			if (image == null) throw new IllegalArgumentException("image: no movie given");
			Path source = MovieTraces.sourceFile(image);
			Path out = outputPath(source);
			Inputs.refuseInputs("output", out, Inputs.inputs("image", source));
			ImagePlusFrames frames = ImagePlusFrames.of(image);
			RegistrationConfig config = new RegistrationConfig().withMaxShift(maxshift).withReference(
				RegistrationConfig.Reference.fromLabel(reference), referenceframes);
			log.info("Registering '" + image.getTitle() + "' (" + frames.width() + " x " + frames
				.height() + ", " + frames.frames() + " frames): " + config);
			Registration.Result r = Registration.estimate(frames, config, StatusProgress.of(status,
				"Measuring shifts"));
			write(out, frames, r);
			status.clearStatus();
			log.info("Registered movie written to " + out);
			outputs.table("Frame shifts", table(r));
			outputs.figure(MotionPlots.shifts("Frame shifts of " + image.getTitle(), r.dx, r.dy,
				ImagePlusFrames.frameRateHz(image)));
			if (outputs.isInteractive()) MovieFiles.open(out).show();
		}
		catch (IOException | IllegalArgumentException | CancellationException e) {
			status.clearStatus();
			cancel(e.getMessage());
		}
	}

	private Path outputPath(Path source) {
		if (output != null) return output.toPath();
		String stem = image.getTitle().replaceFirst("(?i)\\.tiff?$", "");
		Path dir = outputs.outputFolder() != null ? outputs.outputFolder() : source != null ? source
			.toAbsolutePath().getParent() : null;
		if (dir == null) {
			throw new IllegalArgumentException("output: '" + image.getTitle() + "' has no file; give " +
				"the registered movie's file");
		}
		return dir.resolve(stem + ".registered.tif");
	}

	private void write(Path out, ImagePlusFrames frames, Registration.Result r) throws IOException {
		int w = frames.width(), h = frames.height(), n = frames.frames();
		float[] in = new float[w * h];
		Progress progress = StatusProgress.of(status, "Writing the registered movie");
		MovieWriter.writeTiff(out, out.getFileName().toString(), w, h, n, image.getBitDepth(), image
			.getCalibration(), (t, px) -> {
				frames.pixels(t, in);
				Shifts.apply(in, w, h, r.dx[t], r.dy[t], px);
				if (t % 16 == 0) progress.steps(t, n, "frame");
			});
	}

	private static ResultsTable table(Registration.Result r) {
		ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		for (int k = 0; k < r.dx.length; k++) {
			t.addRow();
			t.addValue("frame", k + 1);
			t.addValue("dx", r.dx[k]);
			t.addValue("dy", r.dy[k]);
		}
		return t;
	}
}
