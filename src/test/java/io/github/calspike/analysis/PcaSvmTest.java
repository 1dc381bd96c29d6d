package io.github.calspike.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class PcaSvmTest {

	@Test
	void pcaFindsKnownAxesAndVariances() {
		// independent axes with sd 3, 2, 1 -> variance ratios 9/14, 4/14, 1/14; first axis = z
		Random r = new Random(1);
		double[][] x = new double[20000][3];
		for (double[] p : x) {
			p[2] = 3 * r.nextGaussian() + 5;
			p[0] = 2 * r.nextGaussian();
			p[1] = r.nextGaussian() - 1;
		}
		Pca pca = Pca.fit(x, 3);
		double[] ev = pca.explainedVarianceRatio();
		assertEquals(9.0 / 14, ev[0], 0.01);
		assertEquals(4.0 / 14, ev[1], 0.01);
		assertEquals(1.0 / 14, ev[2], 0.01);
		assertEquals(1, Math.abs(pca.component(0)[2]), 1e-3);
		assertEquals(1, Math.abs(pca.component(1)[0]), 1e-3);
		double[] centre = pca.project(new double[] { 0, -1, 5 });
		assertEquals(0, centre[0], 0.05, "the mean projects to the origin");
	}

	@Test
	void pcaOfPointsOnALineHasOneComponent() {
		double[][] x = new double[50][];
		for (int i = 0; i < 50; i++) x[i] = new double[] { i, 2 * i };
		Pca pca = Pca.fit(x, 2);
		assertEquals(1, pca.explainedVarianceRatio()[0], 1e-12);
		assertEquals(1 / Math.sqrt(5), Math.abs(pca.component(0)[0]), 1e-9);
	}

	@Test
	void svmSeparatesASeparableProblemWithSpikeOnThePositiveSide() {
		Random r = new Random(2);
		double[][] x = new double[400][2];
		boolean[] y = new boolean[400];
		for (int i = 0; i < x.length; i++) {
			y[i] = i % 2 == 0;
			x[i][0] = (y[i] ? 2 : -2) + 0.5 * r.nextGaussian();
			x[i][1] = r.nextGaussian();
		}
		LinearSvm svm = LinearSvm.train(x, y, LinearSvm.DEFAULT_C);
		for (int i = 0; i < x.length; i++) assertEquals(y[i], svm.decision(x[i]) > 0, "sample " + i);
		double[] w = svm.weights();
		assertTrue(w[0] > 0 && Math.abs(w[0]) > 5 * Math.abs(w[1]), "weight along the spike axis");
	}
}
