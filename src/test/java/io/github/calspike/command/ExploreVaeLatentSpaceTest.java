package io.github.calspike.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.testing.Synthetic;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.Padding;
import io.github.calspike.trace.io.SpikeFinderCsv;
import io.github.calspike.ui.OutputService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** Explores the bundled VAE's latent space on synthetic labelled windows. */
class ExploreVaeLatentSpaceTest {

	@Test
	void writesEveryTableAndPlot(@TempDir Path dir) throws Exception {
		TraceSet t = Synthetic.recording(5, 5, 8000, 100, 0.02, 0.1);
		SpikeFinderCsv.writeCalcium(dir.resolve("s.calcium.csv"), t, Padding.EMPTY);
		SpikeFinderCsv.writeSpikes(dir.resolve("s.spikes.csv"), t, Padding.EMPTY);
		Context context = new Context();
		try {
			Path out = dir.resolve("out");
			context.service(OutputService.class).setOutputFolder(out);
			CommandModule m = context.service(CommandService.class).run(ExploreVaeLatentSpace.class,
				true, "calcium", dir.resolve("s.calcium.csv").toFile(), "samples", "400").get();
			assertFalse(m.isCanceled(), m.getCancelReason());
			List<String> pca = Files.readAllLines(out.resolve("PCA explained variance.csv"));
			assertEquals(11, pca.size(), "10 components");
			double cumulative = Double.parseDouble(pca.get(10).split(",")[2]);
			assertTrue(cumulative > 0 && cumulative <= 1 + 1e-9);
			String metrics = Files.readString(out.resolve("VAE metrics.csv"));
			assertTrue(metrics.contains("SVM, training windows") && metrics.contains(
				"SVM, held-out windows") && metrics.contains("reconstruction MSE / variance"), metrics);
			for (String f : List.of("Windows and their reconstructions.png",
				"Latent space, PC0 against PC1.png", "PC0 per class.png",
				"Decoder samples along the SVM weights.png", "SVM confusion matrix, held-out neurons.csv"))
			{
				assertTrue(Files.exists(out.resolve(f)), f);
			}
		}
		finally {
			context.dispose();
		}
	}
}
