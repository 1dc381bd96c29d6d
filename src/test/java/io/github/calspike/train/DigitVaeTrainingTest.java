package io.github.calspike.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The tutorial's toy check: one-hot digits through a 2-D variational latent form ten clusters. */
class DigitVaeTrainingTest {

	@Test
	void tenDigitClustersSeparate() {
		DigitVaeTraining.Result r = DigitVaeTraining.run(DigitVaeTraining.DEFAULT_SAMPLES,
			DigitVaeTraining.DEFAULT_EPOCHS, DigitVaeTraining.DEFAULT_BETA, 300, 1, new StopSignal());
		double[][] means = new double[10][2];
		int[] n = new int[10];
		for (int i = 0; i < r.digits.length; i++) {
			means[r.digits[i]][0] += r.latent[i][0];
			means[r.digits[i]][1] += r.latent[i][1];
			n[r.digits[i]]++;
		}
		for (int d = 0; d < 10; d++) {
			assertTrue(n[d] > 0, "digit " + d + " plotted");
			means[d][0] /= n[d];
			means[d][1] /= n[d];
		}
		for (int i = 0; i < r.digits.length; i++) {
			int own = r.digits[i];
			double dOwn = dist(r.latent[i], means[own]);
			for (int d = 0; d < 10; d++) {
				if (d != own) assertTrue(dOwn < dist(r.latent[i], means[d]), "a point of digit " + own +
					" lies nearer the mean of digit " + d);
			}
		}
		assertTrue(r.loss[r.loss.length - 1] < r.loss[0], "the loss fell");
	}

	@Test
	void sameSeedSameLatents() {
		DigitVaeTraining.Result a = DigitVaeTraining.run(500, 2, 0.01, 20, 4, new StopSignal());
		DigitVaeTraining.Result b = DigitVaeTraining.run(500, 2, 0.01, 20, 4, new StopSignal());
		for (int i = 0; i < 20; i++) assertArrayEquals(a.latent[i], b.latent[i]);
	}

	private static double dist(double[] a, double[] b) {
		return Math.hypot(a[0] - b[0], a[1] - b[1]);
	}
}
