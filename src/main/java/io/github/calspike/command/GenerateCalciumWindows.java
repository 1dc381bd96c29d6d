package io.github.calspike.command;

import io.github.calspike.data.Seeds;
import io.github.calspike.data.WindowSet;
import io.github.calspike.infer.ModelSettings;
import io.github.calspike.model.VaeModel;
import io.github.calspike.nn.Djl;
import io.github.calspike.plot.WindowPlots;
import io.github.calspike.trace.io.LatentCsv;

import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;
import java.util.Random;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Decodes latent vectors into calcium windows with a VAE (by default the bundled one): N vectors
 * drawn from N(0, I), or vectors read from a CSV file.
 */
@Plugin(type = Command.class, headless = true,
	menuPath = "Plugins>CalSpike>Generate Calcium Windows")
public class GenerateCalciumWindows extends CalSpikeCommand {

	@Parameter(label = "Model folder (default: bundled VAE)", style = FileWidget.DIRECTORY_STYLE,
		required = false, persist = false)
	private File model;
	@Parameter(label = "Latent vectors CSV (default: random)", style = FileWidget.OPEN_STYLE,
		required = false, persist = false)
	private File latents;
	@Parameter(label = "Number of random windows", min = "1", persist = false)
	private int count = 10;
	@Parameter(label = "Random seed", persist = false)
	private long seed = Seeds.DEFAULT;
	@Parameter(label = "Threads", min = "1", persist = false)
	private int threads = Djl.DEFAULT_THREADS;

	/** Most windows one run generates. */
	static final int MAX_COUNT = 100_000;

	@Override
	public void run() {
		try {
			if (latents == null && (count < 1 || count > MAX_COUNT)) {
				throw new IllegalArgumentException("count: " + count + " windows; give 1 to " + MAX_COUNT);
			}
			Djl.setThreads(threads);
			try (VaeModel m = model == null ? VaeModel.bundled() : VaeModel.open(model.toPath())) {
				float[] z;
				if (latents != null) z = LatentCsv.read(latents.toPath(), m.latent());
				else {
					Random r = new Random(seed);
					z = new float[count * m.latent()];
					for (int i = 0; i < z.length; i++) z[i] = (float) r.nextGaussian();
				}
				int n = z.length / m.latent(), bins = m.bins();
				if (n == 0) throw new IllegalArgumentException("latents: " + latents + " holds no vector");
				float[] w = m.decode(z, n);
				outputs.table("Generated windows", table(w, n, bins, m.info().window.before));
				int[] idx = new int[n];
				for (int i = 0; i < n; i++) idx[i] = i;
				int half = (n + 1) / 2;
				WindowSet set = new WindowSet(bins, w, new byte[n], new int[n], new int[n]);
				outputs.figure(WindowPlots.grid("Generated calcium windows", set, ModelSettings.window(m
					.info()), Math.min(5, half), java.util.Arrays.copyOfRange(idx, 0, half), java.util.Arrays
						.copyOfRange(idx, half, n), i -> "Generated window " + i));
			}
		}
		catch (IOException | IllegalArgumentException e) {
			cancel(e.getMessage());
		}
	}

	private static ResultsTable table(float[] w, int n, int bins, int before) {
		ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		for (int i = 0; i < n; i++) {
			t.addRow();
			t.addValue("window", i);
			for (int b = 0; b < bins; b++) t.addValue("bin" + (b - before), w[i * bins + b]);
		}
		return t;
	}
}
