package io.github.calspike.command;

import io.github.calspike.data.Seeds;
import io.github.calspike.nn.DigitVae;
import io.github.calspike.plot.LatentPlots;
import io.github.calspike.train.DigitVaeTraining;
import io.github.calspike.train.StopSignal;

import ij.measure.ResultsTable;

import java.io.IOException;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * The tutorial's toy check of the variational layer: a VAE with a 2-D latent code learns one-hot
 * digits 0-9; the latent codes of new digits are plotted, one colour per digit.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>CalSpike>VAE Latent Space Demo")
public class VaeLatentSpaceDemo extends CalSpikeCommand {

	/** The plot's title, as in the tutorial. */
	public static final String TITLE = "Characterizing a two-dimensional latent space";

	@Parameter(label = "Training digits", min = "1", persist = false)
	private int samples = DigitVaeTraining.DEFAULT_SAMPLES;
	@Parameter(label = "Epochs", min = "1", persist = false)
	private int epochs = DigitVaeTraining.DEFAULT_EPOCHS;
	@Parameter(label = "KL weight (beta)", min = "0", persist = false)
	private double beta = DigitVaeTraining.DEFAULT_BETA;
	@Parameter(label = "Digits plotted", min = "1", persist = false)
	private int plotted = DigitVaeTraining.DEFAULT_PLOTTED;
	@Parameter(label = "Random seed", persist = false)
	private long seed = Seeds.DEFAULT;

	@Override
	public void run() {
		try {
			DigitVaeTraining.Result r = DigitVaeTraining.run(samples, epochs, beta, plotted, seed,
				new StopSignal());
			String[] names = new String[DigitVae.DIGITS];
			for (int d = 0; d < names.length; d++) names[d] = "digit " + d;
			outputs.figure(LatentPlots.scatter(TITLE, "z0", "z1", r.latent, r.digits, names));
			ResultsTable t = new ResultsTable();
			t.showRowNumbers(false);
			for (int d = 0; d < DigitVae.DIGITS; d++) {
				double x = 0, y = 0;
				int n = 0;
				for (int i = 0; i < r.digits.length; i++) {
					if (r.digits[i] != d) continue;
					x += r.latent[i][0];
					y += r.latent[i][1];
					n++;
				}
				t.addRow();
				t.addValue("digit", d);
				t.addValue("points", n);
				t.addValue("mean_z0", n == 0 ? Double.NaN : x / n);
				t.addValue("mean_z1", n == 0 ? Double.NaN : y / n);
			}
			outputs.table("Digit latent means", t);
		}
		catch (IOException | IllegalArgumentException e) {
			cancel(e.getMessage());
		}
	}
}
