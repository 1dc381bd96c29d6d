package io.github.calspike.command;

import io.github.calspike.analysis.LatentSpaceStudy;
import io.github.calspike.analysis.Pca;
import io.github.calspike.model.VaeModel;

import ij.measure.ResultsTable;

/** What "Explore VAE Latent Space" needs around {@link LatentSpaceStudy}. */
final class LatentOutputs {

	private LatentOutputs() {}

	/** @return the VAE as the study sees it */
	static LatentSpaceStudy.Codec codec(VaeModel m) {
		return new LatentSpaceStudy.Codec() {
			@Override
			public int latent() {
				return m.latent();
			}

			@Override
			public float[] encode(float[] windows, int count, int bins) {
				return m.encode(windows, count, bins);
			}

			@Override
			public float[] decode(float[] latents, int count) {
				return m.decode(latents, count);
			}

			@Override
			public float[] reconstruct(float[] windows, int count, int bins) {
				return m.reconstruct(windows, count, bins);
			}

			@Override
			public int bins() {
				return m.bins();
			}
		};
	}

	/** @return one row per component: its explained variance ratio and the cumulative sum */
	static ResultsTable explainedVariance(Pca pca) {
		ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		double[] ev = pca.explainedVarianceRatio();
		double cumulative = 0;
		for (int c = 0; c < ev.length; c++) {
			cumulative += ev[c];
			t.addRow();
			t.addValue("component", "PC" + c);
			t.addValue("explained_variance_ratio", ev[c]);
			t.addValue("cumulative", cumulative);
		}
		return t;
	}
}
