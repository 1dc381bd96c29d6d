package io.github.calspike.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * A config a command, a script or a test holds never changes under it: each withX returns a copy
 * with that one setting changed and every other setting kept, and a refused value changes nothing.
 */
class ConfigCopiesTest {

	@Test
	void withGivesAChangedCopyAndLeavesTheOriginal() {
		ClassifierConfig c = ClassifierConfig.defaults().withUnits(16).withEpochs(3);
		ClassifierConfig d = c.withSeed(42);
		assertNotSame(c, d);
		assertEquals(ClassifierConfig.DEFAULT_SEED, c.seed());
		assertEquals(42, d.seed());
		assertEquals(16, d.units(), "other settings are copied");
		assertEquals(3, d.epochs());
		assertThrows(IllegalArgumentException.class, () -> c.withEpochs(0));
		assertEquals(3, c.epochs(), "a refused value changes nothing");

		DetectorConfig e = new DetectorConfig().withEpochs(2);
		DetectorConfig f = e.withLearningRate(1e-2);
		assertEquals(2, f.epochs());
		assertEquals(DetectorConfig.DEFAULT_LEARNING_RATE, e.learningRate());
		assertEquals(1e-2, f.learningRate());

		RateConfig r = RateConfig.defaults().withEpochs(4);
		RateConfig s = r.withSeed(9);
		assertEquals(4, s.epochs());
		assertEquals(9, s.seed());
		assertEquals(RateConfig.defaults().seed(), r.seed());
	}
}
