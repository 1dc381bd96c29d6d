package io.github.calspike.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.data.WindowSet;
import io.github.calspike.data.WindowSpec;
import io.github.calspike.infer.ModelSettings;
import io.github.calspike.testing.Synthetic;
import io.github.calspike.trace.Normalization;
import io.github.calspike.train.StopSignal;
import io.github.calspike.train.TrainingProgress;
import io.github.calspike.train.TrainingResult;
import io.github.calspike.train.VaeConfig;
import io.github.calspike.train.VaeTrainer;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaeModelTest {

	static WindowSet train, probe;
	static TrainingResult result;

	@BeforeAll
	static void trainSmall() throws Exception {
		train = Synthetic.windows(1, 640);
		probe = Synthetic.windows(2, 64);
		result = VaeTrainer.train(train, probe, VaeConfig.defaults().withNetwork(8, 16).withEpochs(3,
			32).withLoss(3e-3, VaeConfig.DEFAULT_BETA).withRun(1, 1), TrainingProgress.NONE,
			new StopSignal());
	}

	static ModelInfo info() {
		ModelInfo m = new ModelInfo();
		m.type = ModelInfo.VAE;
		m.network.units = 16;
		m.network.latent = 8;
		ModelSettings.setWindow(m, WindowSpec.defaults());
		m.normalization = Normalization.ROBUST_ZSCORE.label();
		m.rateHz = 100;
		return m;
	}

	@Test
	void lossFallsAndValidationIsMeasured() {
		assertEquals(3, result.history().size());
		assertTrue(result.history().get(2).trainLoss() < result.history().get(0).trainLoss());
		assertTrue(Double.isFinite(result.history().get(2).validationLoss()));
	}

	@Test
	void saveAndLoadKeepEncodeAndDecode(@TempDir Path dir) throws Exception {
		ModelFolder.write(dir.resolve("a"), info(), result.parameters());
		float[] za, xa, zb, xb;
		try (VaeModel a = VaeModel.open(dir.resolve("a"))) {
			za = a.encode(probe.flatValues(), probe.size(), 20);
			xa = a.decode(za, probe.size());
			assertEquals(probe.size() * 8, za.length);
			assertEquals(probe.size() * 20, xa.length);
			ModelFolder.Loaded l = ModelFolder.read(dir.resolve("a"), ModelInfo.VAE);
			ModelFolder.write(dir.resolve("b"), l.info(), l.parameters());
		}
		try (VaeModel b = VaeModel.open(dir.resolve("b"))) {
			zb = b.encode(probe.flatValues(), probe.size(), 20);
			xb = b.decode(zb, probe.size());
		}
		assertArrayEquals(za, zb);
		assertArrayEquals(xa, xb);
	}

	@Test
	void windowsOfAnotherLengthAreRefusedWithTheTutorialsMessage(@TempDir Path dir)
		throws Exception
	{
		ModelFolder.write(dir.resolve("a"), info(), result.parameters());
		try (VaeModel a = VaeModel.open(dir.resolve("a"))) {
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.encode(
				new float[3 * 30], 3, 30));
			assertEquals("The model expects data with 20 time bins; got 30", e.getMessage());
		}
	}
}
