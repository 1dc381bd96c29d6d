package io.github.calspike.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.calspike.train.EpochResult;

import ij.measure.ResultsTable;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** "Training history" names each column by what it holds: the model's score and its unit. */
class HistoryTableTest {

	private static List<String> columns(EpochResult e, String score) {
		ResultsTable t = ClassifierTables.history(List.of(e), score);
		return Arrays.asList(t.getHeadings());
	}

	@Test
	void theVaesSpeedIsInWindowsAndTheRateModelsScoreIsACorrelation() {
		// the VAE has no score and trains on windows (its table said frames_per_s before)
		EpochResult vae = new EpochResult(1, 0.5, Double.NaN, 0.6, Double.NaN, EpochResult.NO_SCORE,
			2, 3000, EpochResult.WINDOWS);
		assertEquals(List.of("epoch", "train_loss", "validation_loss", "windows_per_s"), columns(vae,
			"loss"));
		EpochResult rate = new EpochResult(1, 0.5, Double.NaN, Double.NaN, 0.41,
			EpochResult.CORRELATION, 2, 300000, EpochResult.FRAMES);
		assertEquals(List.of("epoch", "train_loss", "validation_correlation", "frames_per_s"), columns(
			rate, rate.scoreName()));
		EpochResult classifier = new EpochResult(3, 0.4, 0.8, 0.45, 0.75, EpochResult.ACCURACY, 2,
			12000, EpochResult.WINDOWS);
		ResultsTable t = ClassifierTables.history(List.of(classifier));
		assertEquals(List.of("epoch", "train_loss", "train_accuracy", "validation_loss",
			"validation_accuracy", "windows_per_s"), Arrays.asList(t.getHeadings()));
		assertEquals(12000, t.getValue("windows_per_s", 0));
		// renumbering across ensemble members keeps everything else
		EpochResult later = rate.withEpoch(31);
		assertEquals(31, later.epoch());
		assertEquals(0.41, later.validationScore());
		assertEquals(EpochResult.FRAMES, later.unit());
	}
}
