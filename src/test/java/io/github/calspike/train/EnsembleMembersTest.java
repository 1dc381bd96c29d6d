package io.github.calspike.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The recipe of each member of a spike-rate ensemble: seeds one apart, and the last
 * {@code clean} members trained on the recorded crops as they are, the others with the
 * augmentation asked for.
 */
class EnsembleMembersTest {

	@Test
	void lastMembersTrainWithoutAugmentation() {
		RateConfig cfg = RateConfig.defaults().withSeed(5).withAugmentation(0.8, 0.4).withStretch(0.6)
			.withSynthetic(0.25).withLowRate(0.3).withCleanMembers(1);
		for (int m = 0; m < 2; m++) {
			RateConfig c = RateTraining.member(cfg, m, 3);
			assertEquals(5 + m, c.seed());
			assertEquals(0.8, c.augmentNoise(), "member " + m + " keeps its added noise");
			assertEquals(0.4, c.augmentScale());
			assertEquals(0.6, c.augmentStretch());
			assertEquals(0.25, c.synthetic());
		}
		RateConfig clean = RateTraining.member(cfg, 2, 3);
		assertEquals(7, clean.seed());
		assertEquals(0, clean.augmentNoise());
		assertEquals(0, clean.augmentScale());
		assertEquals(0, clean.augmentStretch());
		assertEquals(0, clean.synthetic());
		assertEquals(0.3, clean.lowRate(), "crops recorded at lower rates are kept");
		assertEquals(cfg.epochs(), clean.epochs());
		assertEquals(cfg.poissonWeight(), clean.poissonWeight());
	}

	@Test
	void noCleanMemberByDefaultAndAllCleanWhenAsked() {
		RateConfig cfg = RateConfig.defaults();
		assertEquals(RateConfig.DEFAULT_AUGMENT_NOISE, RateTraining.member(cfg, 2, 3).augmentNoise());
		RateConfig all = cfg.withCleanMembers(2);
		for (int m = 0; m < 2; m++) assertEquals(0, RateTraining.member(all, m, 2).augmentStretch());
	}

	@Test
	void modelJsonDescribesTheMembersSaved() {
		RateConfig cfg = RateConfig.defaults().withCleanMembers(1);
		RateConfig all = RateTraining.savedConfig(cfg, 3, 3);
		assertEquals(1, all.cleanMembers());
		assertEquals(RateConfig.DEFAULT_AUGMENT_NOISE, all.augmentNoise(), "two members saw noise");

		RateConfig stopped = RateTraining.savedConfig(cfg, 3, 2);
		assertEquals(0, stopped.cleanMembers(), "stopped before the clean member");
		assertEquals(RateConfig.DEFAULT_AUGMENT_NOISE, stopped.augmentNoise());

		RateConfig onlyClean = RateTraining.savedConfig(RateConfig.defaults().withCleanMembers(2), 2, 2);
		assertEquals(2, onlyClean.cleanMembers());
		assertEquals(0, onlyClean.augmentNoise(), "no saved member saw added noise, so the model's " +
			"noise range must not be widened by it");
		assertEquals(0, onlyClean.synthetic());
	}

	@Test
	void moreCleanMembersThanMembersIsRefusedBeforeTraining() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RateTraining
			.run(null, null, RateConfig.defaults().withCleanMembers(4), 3, null, null, null));
		assertTrue(e.getMessage().contains("clean members (4)"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> RateConfig.defaults().withCleanMembers(-1));
	}

	/**
	 * Slow-rate gains are fitted on copies of the training neurons with the noise training added:
	 * the middles of five equal parts of 0 to augmentNoise / 0.1 times their own noise, and none
	 * for an ensemble whose saved members all trained without it.
	 */
	@Test
	void slowGainsUseTheNoiseTheSavedMembersSaw() {
		assertArrayEquals(new double[] { 1, 3, 5, 7, 9 }, RateTraining.slowNoiseRatios(RateConfig
			.defaults()), 1e-12);
		assertArrayEquals(new double[] { 0.5, 1.5, 2.5, 3.5, 4.5 }, RateTraining.slowNoiseRatios(
			RateConfig.defaults().withAugmentation(0.5, 0)), 1e-12);
		RateConfig allClean = RateTraining.savedConfig(RateConfig.defaults().withCleanMembers(2), 2, 2);
		assertArrayEquals(new double[] { 0 }, RateTraining.slowNoiseRatios(allClean));
		RateConfig oneClean = RateTraining.savedConfig(RateConfig.defaults().withCleanMembers(1), 3, 3);
		assertEquals(5, RateTraining.slowNoiseRatios(oneClean).length, "augmented members saw noise");
	}
}
