package io.github.calspike.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.data.WindowSet;
import io.github.calspike.data.WindowSpec;
import io.github.calspike.infer.ModelSettings;
import io.github.calspike.infer.SpikeClassifierModel;
import io.github.calspike.nn.ClassifierNetwork;
import io.github.calspike.testing.Synthetic;
import io.github.calspike.trace.Normalization;
import io.github.calspike.train.ClassifierConfig;
import io.github.calspike.train.ClassifierTrainer;
import io.github.calspike.train.StopSignal;
import io.github.calspike.train.TrainingProgress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFolderTest {

	@TempDir
	Path dir;

	static byte[] parameters;
	static WindowSet probe;

	@BeforeAll
	static void train() throws Exception {
		probe = Synthetic.windows(3, 300);
		parameters = ClassifierTrainer.train(Synthetic.windows(1, 320), probe,
			ClassifierConfig.defaults().withUnits(16).withEpochs(1), TrainingProgress.NONE,
			new StopSignal()).parameters();
	}

	static ModelInfo info() {
		ModelInfo m = new ModelInfo();
		m.type = ModelInfo.SPIKE_CLASSIFIER;
		m.network.units = 16;
		ModelSettings.setWindow(m, WindowSpec.defaults());
		m.normalization = Normalization.ROBUST_ZSCORE.label();
		m.rateHz = 100;
		return m;
	}

	private Path write() throws Exception {
		Path m = dir.resolve("model");
		ModelFolder.write(m, info(), parameters);
		return m;
	}

	@Test
	void saveAndLoadGiveIdenticalPredictions() throws Exception {
		Path m = write();
		float[] before, after;
		try (ClassifierNetwork a = new ClassifierNetwork(16, 20, parameters)) {
			before = a.probabilities(probe.flatValues(), probe.size());
		}
		try (SpikeClassifierModel b = SpikeClassifierModel.open(m)) {
			after = b.probabilities(probe.flatValues(), probe.size());
			assertEquals(WindowSpec.defaults(), ModelSettings.window(b.info()));
			assertEquals(ModelInfo.FORMAT_VERSION, b.info().formatVersion);
			assertTrue(b.info().versions.containsKey("djl"));
		}
		assertArrayEquals(before, after);
		try (var s = Files.list(dir)) {
			assertEquals(List.of("model"), s.map(p -> p.getFileName().toString()).collect(Collectors
				.toList()), "no temporary folders left behind");
		}
	}

	@Test
	void rewritingReplacesAModelOfTheSameKindButNeverAFileBesideIt() throws Exception {
		Path m = write();
		String created = ModelFolder.read(m, null).info().parameters.sha256;
		ModelFolder.write(m, info(), parameters);
		SpikeClassifierModel.open(m).close();
		assertEquals(created, ModelFolder.read(m, null).info().parameters.sha256);
		Files.writeString(m.resolve("notes.txt"), "the user's");
		java.io.IOException e = assertThrows(java.io.IOException.class, () -> ModelFolder.write(m,
			info(), parameters));
		assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
		assertEquals("the user's", Files.readString(m.resolve("notes.txt")));
		SpikeClassifierModel.open(m).close();
	}

	@Test
	void corruptedModelJsonGivesAClearError() throws Exception {
		Path m = write();
		String json = Files.readString(m.resolve("model.json"));
		Files.writeString(m.resolve("model.json"), json.substring(0, json.length() / 2));
		ModelFormatException e = assertThrows(ModelFormatException.class, () -> SpikeClassifierModel
			.open(m));
		assertTrue(e.getMessage().contains("model.json") && e.getMessage().contains("not valid JSON"),
			e.getMessage());
	}

	@Test
	void truncatedParametersAreRefused() throws Exception {
		Path m = write();
		Path p = m.resolve("spike-classifier.params");
		Files.write(p, Arrays.copyOf(Files.readAllBytes(p), 1000));
		ModelFormatException e = assertThrows(ModelFormatException.class, () -> SpikeClassifierModel
			.open(m));
		assertTrue(e.getMessage().contains("truncated or changed"), e.getMessage());
	}

	@Test
	void foreignAndMissingFoldersAreNamed() throws Exception {
		Path empty = Files.createDirectory(dir.resolve("empty"));
		assertTrue(assertThrows(ModelFormatException.class, () -> SpikeClassifierModel.open(empty))
			.getMessage().contains("not a CalSpike model folder"));
		assertTrue(assertThrows(ModelFormatException.class, () -> SpikeClassifierModel.open(dir
			.resolve("nope"))).getMessage().contains("does not exist"));
		Path foreign = Files.createDirectory(dir.resolve("foreign"));
		Files.writeString(foreign.resolve("model.json"), "{\"format\": \"keras\"}");
		assertTrue(assertThrows(ModelFormatException.class, () -> SpikeClassifierModel.open(foreign))
			.getMessage().contains("not a CalSpike model (format 'keras'"));
	}

	@Test
	void newerFormatAndOtherTypesAreRefused() throws Exception {
		Path m = write();
		String json = Files.readString(m.resolve("model.json"));
		Files.writeString(m.resolve("model.json"), json.replace("\"formatVersion\": 1",
			"\"formatVersion\": 9"));
		assertTrue(assertThrows(ModelFormatException.class, () -> SpikeClassifierModel.open(m))
			.getMessage().contains("format version 9"));
		Files.writeString(m.resolve("model.json"), json.replace("\"spike-classifier\"", "\"vae\""));
		assertTrue(assertThrows(ModelFormatException.class, () -> SpikeClassifierModel.open(m))
			.getMessage().contains("a 'vae' model, but a 'spike-classifier' model is needed"));
	}

	@Test
	void anEpochNumberedFileBesideTheModelIsIgnored() throws Exception {
		Path m = write();
		// DJL's Model.load would pick the highest-numbered epoch file; CalSpike reads model.json's
		Files.write(m.resolve("spike-classifier-0099.params"), new byte[] { 1, 2, 3 });
		try (SpikeClassifierModel b = SpikeClassifierModel.open(m);
			ClassifierNetwork a = new ClassifierNetwork(16, 20, parameters))
		{
			assertArrayEquals(a.probabilities(probe.flatValues(), probe.size()), b.probabilities(probe
				.flatValues(), probe.size()));
		}
	}

	@Test
	void bundledClassifierLoads() throws Exception {
		try (SpikeClassifierModel b = SpikeClassifierModel.bundled()) {
			assertEquals(ModelInfo.SPIKE_CLASSIFIER, b.info().type);
			assertEquals(List.of("4.train.calcium.csv", "4.train.spikes.csv", "5.train.calcium.csv",
				"5.train.spikes.csv", "6.train.calcium.csv", "6.train.spikes.csv"), b.info().training.inputs
					.stream().map(f -> f.file).collect(Collectors.toList()));
			float[] p = b.probabilities(probe.flatValues(), probe.size());
			for (float v : p) assertTrue(v >= 0 && v <= 1);
		}
	}
}
